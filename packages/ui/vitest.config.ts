// The kit's pure logic (conflict model, sync phase, machine status) as Node unit tests beside the code, and the
// connected views against a real data layer (jsdom, an in-memory RxDB, a real sync server where they replicate).
// The pure components are specified and tested as Storybook stories (the `storybook` project in stories/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  // the global setup (test/sync-server.ts) runs in Vitest's own environment, which resolves like Node: let it read
  // the workspace packages from their source too
  environments: { __vitest__: { resolve: { conditions: ['source'], noExternal: [/^@syncline\//] } } },
  test: {
    name: 'ui',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    globalSetup: ['test/sync-server.ts'],
    // the jsdom page is an app on Vite's dev server: the origin the sync server allows by default (its WebSocket
    // upgrade checks Origin)
    environmentOptions: { jsdom: { url: 'http://localhost:5173/' } },
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
