// The kit's pure logic (conflict model, sync phase, machine status) as Node unit tests beside the code, and the
// connected views against a real data layer (jsdom, an in-memory RxDB, a real sync server where they replicate).
// The pure components are specified and tested as Storybook stories (the `storybook` project in stories/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    name: 'ui',
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
