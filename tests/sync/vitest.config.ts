// The sync suite: see the test files' headers. Real server processes on loopback, SQLite files in temp folders;
// PostgreSQL and Redis (started by the server suite's global setup) where a suite scales out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'sync',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    globalSetup: ['../../packages/server/test/global-setup.ts'],
  },
});
