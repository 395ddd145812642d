// The packages embedded outside this repo: every package packed once (global-setup.ts), checked by publint and
// "are the types wrong", installed from the tarballs into throwaway Vite + React apps, checked in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pack',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['consumer-app/**', 'ticket-app/**', '**/node_modules/**'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    // Packing builds the packages, and npm installs the apps' packages (from its cache when it can): minutes.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
