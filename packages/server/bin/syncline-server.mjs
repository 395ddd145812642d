#!/usr/bin/env node
// Runs the syncline-server CLI straight from its TypeScript source, so a fresh clone needs only `pnpm install`:
// tsx compiles on the fly, and the `source` condition resolves workspace packages to their sources too.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register('./source-condition.mjs', import.meta.url);
await import('../src/cli.ts');
