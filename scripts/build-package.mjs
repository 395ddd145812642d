// Builds a publishable workspace package into dist/ (run by its `build` script and before `pnpm pack`): tsc with
// the package's tsconfig.build.json, one ESM file and one declaration per source file, with every relative import
// written as the file it names so Node's ESM resolver, strict bundlers and `moduleResolution: node16` accept them.
// Inside the workspace nothing reads dist/: the `source` export condition points at src/.
//
//   node ../../scripts/build-package.mjs          (from the package's folder)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');

/** Files under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const relativeSpecifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

/** `'../../lib/cn'` becomes `'../../lib/cn.js'` (or `'…/index.js'`), the file it names in dist/. */
function fullySpecify(file) {
  const text = readFileSync(file, 'utf8');
  const rewritten = text.replace(relativeSpecifier, (match, keyword, quote, specifier) => {
    if (specifier.endsWith('.js')) return match;
    const target = resolve(dirname(file), specifier);
    const named = existsSync(`${target}.js`)
      ? `${specifier}.js`
      : existsSync(join(target, 'index.js'))
        ? `${specifier}/index.js`
        : null;
    if (!named) throw new Error(`${file}: '${specifier}' names no emitted file, so dist/ cannot be published.`);
    return `${keyword}${quote}${named}${quote}`;
  });
  if (rewritten !== text) writeFileSync(file, rewritten);
}

/** Builds the package at `root` into `root/dist`; returns the dist folder. */
export function buildPackage(root) {
  const run = (args) => execFileSync(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
  const dist = join(root, 'dist');
  rmSync(dist, { recursive: true, force: true });
  // The workspace packages this one imports are project references: their declarations come from their own builds.
  const config = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8'));
  const references = (config.references ?? []).map((reference) => reference.path);
  if (references.length > 0) run(['-b', ...references]);
  run(['-p', 'tsconfig.build.json']);
  for (const file of filesUnder(dist)) if (/\.(d\.ts|js)$/.test(file)) fullySpecify(file);
  return dist;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildPackage(process.cwd());
