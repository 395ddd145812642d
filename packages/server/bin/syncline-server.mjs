#!/usr/bin/env node
// The syncline-server command. Installed from npm it runs the built dist/cli.js. Inside the Syncline workspace
// (where the package's tsconfig.json sits beside bin/, and no build is needed) it runs the TypeScript source
// through tsx, resolving workspace packages through their `source` export condition.
import { existsSync } from 'node:fs';

if (existsSync(new URL('../tsconfig.json', import.meta.url))) {
  const { register } = await import('node:module');
  const { register: registerTsx } = await import('tsx/esm/api');
  registerTsx();
  register('./source-condition.mjs', import.meta.url);
  await import('../src/cli.ts');
} else {
  await import('../dist/cli.js');
}
