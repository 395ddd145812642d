// Vitest global setup for the end-to-end project: builds the control center once, as `pnpm start` does.

import { join } from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = join(import.meta.dirname, '../../apps/control-center');
  // Vitest sets NODE_ENV=test, and Vite builds for whatever NODE_ENV says: build what `pnpm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'error', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
