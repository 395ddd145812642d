import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // generating and validating 100k orders takes seconds, more on a loaded 2-core machine
  test: { name: 'domain', environment: 'node', include: ['test/**/*.test.ts'], testTimeout: 60_000 },
});
