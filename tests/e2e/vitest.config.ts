// End-to-end journeys in Chromium against the control center as `pnpm start` serves it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['../support/build-app.ts', '../support/browser-server.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    // one worker runs every journey: its modules (the control center's server, the domain, the test support) load
    // once instead of once per file; each journey starts its own control center and browser contexts
    isolate: false,
    // after the other Node projects: the journeys wait on a live machine simulator and two browsers, which a
    // 2-core machine busy with the sync suites (a shift on PostgreSQL + Redis, chaos) starves past their waits
    sequence: { groupOrder: 1 },
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
