// The kit embedded outside this repo: packed tarballs installed into a throwaway Vite + React app, checked in Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'pack',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    exclude: ['consumer-app/**', '**/node_modules/**'],
    environment: 'node',
    // Packing builds the kit, and npm installs the app's packages (from its cache when it can): minutes, not seconds.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
