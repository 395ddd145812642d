// The kit's pure logic (conflict model, sync phase, machine status) as Node unit tests beside the code.
// Components are specified and tested as Storybook stories (the `storybook` project in stories/).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { name: 'ui', environment: 'node', include: ['src/**/*.test.ts'] },
});
