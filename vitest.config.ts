// One Vitest run for the whole workspace: each package, app and suite is a project with its own config.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      '{tokens,packages/*,apps/*,stories}/vitest.config.ts',
      'packages/ui/vitest.browser.config.ts',
      'tests/*/vitest.config.ts',
    ],
  },
});
