// The story test runner: every story in ../stories is a Vitest browser test in Chromium (render + play), checked
// by axe (parameters.a11y.test = 'error') and compared with its committed screenshot in the light theme, then turned
// dark on the same page and checked again (vitest.setup.ts): one render and play per story, both themes seen.
// Update screenshots after an intended visual change: pnpm vitest run --project storybook --update
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, resolveChromium } from '../scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  plugins: [
    storybookTest({ configDir: path.join(dirname, '.storybook'), storybookScript: 'pnpm storybook --no-open' }),
  ],
  resolve: { conditions: ['source', ...defaultClientConditions] },
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'],
  },
  test: {
    name: 'stories',
    setupFiles: [path.join(dirname, 'vitest.setup.ts')],
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: { executablePath: resolveChromium(), args: chromiumArgs } }),
      viewport: { width: 1024, height: 768 },
      screenshotFailures: false,
      expect: {
        toMatchScreenshot: {
          comparatorName: 'pixelmatch',
          comparatorOptions: { threshold: 0.1, allowedMismatchedPixelRatio: 0.001 },
        },
      },
      instances: [{ browser: 'chromium' as const, name: 'storybook' }],
    },
  },
});
