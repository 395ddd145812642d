// The bench harness's smoke test: runs the sync suite at a minimal size and checks the results it writes.
// It asserts shapes, never times (speed goals live in `pnpm bench`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'perf',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
