// Builds the publishable kit into dist/ (run by `pnpm build` and before `pnpm pack`): the shared package build
// (one ESM file and one declaration per source file, so each file's "use client" stays at its top), then
// styles.css, the kit's Tailwind classes prebuilt over the tokens for apps without Tailwind.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackage } from '../../../scripts/build-package.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

buildPackage(root);

const tailwindPackage = require.resolve('@tailwindcss/cli/package.json');
const tailwind = join(dirname(tailwindPackage), JSON.parse(readFileSync(tailwindPackage, 'utf8')).bin.tailwindcss);
execFileSync(process.execPath, [tailwind, '--input', 'src/styles.css', '--output', 'dist/styles.css', '--minify'], {
  cwd: root,
  stdio: 'inherit',
});
