// The kit rendered in a real Chromium (the `ui-browser` project): checks that need a browser's layout, timers and
// React's own scheduler, such as "no component re-renders while idle". The kit's pure logic stays in `ui`.
import { playwright } from '@vitest/browser-playwright';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from '../../scripts/chromium.mjs';

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  optimizeDeps: {
    include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'],
  },
  test: {
    name: 'ui-browser',
    include: ['test/**/*.test.tsx'],
    globalSetup: ['test/kit-stylesheet.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({ launchOptions: chromiumLaunchOptions() }),
      viewport: { width: 1280, height: 800 },
      screenshotFailures: false,
      instances: [{ browser: 'chromium' }],
    },
  },
});
