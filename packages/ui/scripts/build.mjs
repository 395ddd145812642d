// Builds the publishable kit into dist/ (run by `pnpm build` and before `pnpm pack`): one ESM file and one
// declaration per source file, so each file's "use client" stays at its top, and styles.css, the kit's Tailwind
// classes prebuilt over the tokens for apps without Tailwind. Inside the workspace nothing reads dist/: the
// `source` export condition points at src/.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

function run(script, args) {
  execFileSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
}

/** Files under `dir`, recursively. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const relativeSpecifier = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\2/g;

/**
 * The source imports siblings without an extension (`'../../lib/cn'`), which bundlers accept but Node's ESM
 * resolver and webpack's strict ESM mode do not: write each one as the file it names (`'../../lib/cn.js'`).
 */
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

rmSync(dist, { recursive: true, force: true });

// @syncline/data's declarations (used by src/connected) come from its own project build.
const tsc = require.resolve('typescript/bin/tsc');
run(tsc, ['-b', '../protocol', '../data']);
run(tsc, ['-p', 'tsconfig.build.json']);
for (const file of filesUnder(dist)) if (/\.(d\.ts|js)$/.test(file)) fullySpecify(file);

const tailwindPackage = require.resolve('@tailwindcss/cli/package.json');
const tailwind = join(dirname(tailwindPackage), JSON.parse(readFileSync(tailwindPackage, 'utf8')).bin.tailwindcss);
run(tailwind, ['--input', 'src/styles.css', '--output', 'dist/styles.css', '--minify']);
