// The workspace's shape: no import loops anywhere in its source, and dependencies pointing the way DESIGN.md says.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'architecture',
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
