// Bundle sizes: each `@syncline/ui` entry imported alone (a production Vite build of `export * from '<entry>'`,
// tree-shaken and minified, React external), the token CSS, and the control center's initial JavaScript (what
// index.html loads before the first render). Compared with budget.json, which holds the sizes accepted so far:
// growth shows up in review. `pnpm bench --only bundle --update-budget` rewrites it.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, defaultClientConditions, type Plugin } from 'vite';
import type { Figure } from './harness';

const root = join(import.meta.dirname, '../..');
const budgetPath = join(import.meta.dirname, 'budget.json');

export interface Size {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface BundleRow extends Size {
  name: string;
  kind: 'ui entry' | 'reference' | 'css' | 'app';
}

export type Budget = Record<string, Size>;

export function sizeOf(content: string | Uint8Array): Size {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function addSizes(sizes: readonly Size[]): Size {
  return sizes.reduce(
    (sum, size) => ({
      raw: sum.raw + size.raw,
      gzip: sum.gzip + size.gzip,
      brotli: sum.brotli + size.brotli,
    }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
}

/** Every JavaScript subpath of the kit's exports map, with `./*` expanded to the component folders. */
export async function uiEntries(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(root, 'packages/ui/package.json'), 'utf8')) as {
    exports: Record<string, unknown>;
  };
  const entries: string[] = [];
  for (const key of Object.keys(manifest.exports)) {
    if (key === './package.json' || key.endsWith('.css')) continue;
    if (key === './*') {
      const folders = await readdir(join(root, 'packages/ui/src/components'), { withFileTypes: true });
      for (const folder of folders) if (folder.isDirectory()) entries.push(`@syncline/ui/${folder.name}`);
      continue;
    }
    entries.push(key === '.' ? '@syncline/ui' : `@syncline/ui/${key.slice(2)}`);
  }
  return entries;
}

/** The part of a build's output read here. */
interface BuildOutput {
  output: ({ type: 'chunk'; code: string } | { type: 'asset' })[];
}

const external = /^(react|react-dom)(\/.*)?$/;

/** A production build of `export * from '<entry>'` alone: the JavaScript a consumer ships for it. */
async function buildEntry(
  entry: string,
  code = `export * from '${entry}';\n`,
  from = import.meta.dirname,
): Promise<Size> {
  // a module that does not exist on disk, placed where its bare imports should resolve from
  const virtualId = join(from, '__bench-entry__.js');
  const entryPlugin: Plugin = {
    name: 'bench-entry',
    resolveId: (id) => (id.endsWith('bench-entry') ? virtualId : null),
    load: (id) => (id === virtualId ? code : null),
  };
  const output = (await build({
    configFile: false,
    root: import.meta.dirname,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { conditions: ['source', ...defaultClientConditions] },
    plugins: [entryPlugin],
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      cssCodeSplit: false,
      lib: { entry: 'bench-entry', formats: ['es'], fileName: 'entry' },
      rollupOptions: { external: (id) => external.test(id) },
    },
  })) as BuildOutput | BuildOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  return addSizes(chunks.filter((chunk) => chunk.type === 'chunk').map((chunk) => sizeOf(chunk.code)));
}

/** The control center's initial JavaScript: the entry script and the module preloads index.html names. */
async function buildApp(): Promise<{ js: Size; css: Size }> {
  const appRoot = join(root, 'apps/control-center');
  const outDir = await mkdtemp(join(tmpdir(), 'syncline-bench-app-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      logLevel: 'silent',
      mode: 'production',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) => match[1]);
    const read = (files: (string | undefined)[]) =>
      Promise.all(files.map(async (file) => sizeOf(await readFile(join(outDir, (file ?? '').replace(/^\//, ''))))));
    if (scripts.length === 0) throw new Error('The control center build has no module script in index.html.');
    return { js: addSizes(await read([...scripts, ...preloads])), css: addSizes(await read(styles)) };
  } finally {
    process.env.NODE_ENV = nodeEnv;
    await rm(outDir, { recursive: true, force: true });
  }
}

const references: [string, string][] = [
  ['reference: radix-ui Popover alone', "export { Popover } from 'radix-ui';\n"],
  ['reference: tailwind-merge alone', "export { twMerge } from 'tailwind-merge';\n"],
];

const kB = (bytes: number) => bytes / 1000;

function delta(now: number, before: number | undefined): string {
  if (before === undefined) return 'new';
  if (now === before) return '=';
  const change = ((now - before) / before) * 100;
  return `${now > before ? '+' : ''}${(now - before).toLocaleString('en-US')} B (${change.toFixed(1)}%)`;
}

export function bundleMarkdown(rows: readonly BundleRow[], budget: Budget): string {
  const lines = rows.map((row) => {
    const before = budget[row.name];
    return `| ${row.name} | ${kB(row.raw).toFixed(1)} | ${kB(row.gzip).toFixed(1)} | ${kB(row.brotli).toFixed(1)} | ${before ? kB(before.gzip).toFixed(1) : '—'} | ${delta(row.gzip, before?.gzip)} |`;
  });
  return [
    '| bundle | minified kB | gzip kB | brotli kB | budget gzip kB | gzip vs budget |',
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
  ].join('\n');
}

export interface BundleBenchResult {
  figures: Figure[];
  rows: BundleRow[];
  markdown: string;
}

export async function runBundleBench(opts: {
  log?: (line: string) => void;
  updateBudget: boolean;
  /** only these ui entries (smoke test); default all */
  entries?: readonly string[];
  app?: boolean;
}): Promise<BundleBenchResult> {
  const rows: BundleRow[] = [];
  const skipped: string[] = [];
  for (const entry of opts.entries ?? (await uiEntries())) {
    try {
      const size = await buildEntry(entry);
      rows.push({ name: entry, kind: 'ui entry', ...size });
      opts.log?.(`  ${entry}: ${kB(size.gzip).toFixed(1)} kB gzip`);
    } catch (error) {
      // an exports-map entry whose source is not there yet (say, `connected` before its first component)
      const reason = (error instanceof Error ? error.message : String(error))
        .split('\n')
        .find((line) => /resolve/i.test(line));
      skipped.push(`${entry} (${reason?.trim() ?? 'build failed'})`);
      opts.log?.(`  ${entry}: not built`);
    }
  }
  // what the largest parts weigh alone, so a miss can be read against them
  for (const [name, code] of references) {
    const size = await buildEntry(name, code, join(root, 'packages/ui/src'));
    rows.push({ name, kind: 'reference', ...size });
    opts.log?.(`  ${name}: ${kB(size.gzip).toFixed(1)} kB gzip`);
  }
  for (const file of ['tokens.css', 'theme.css']) {
    rows.push({
      name: `@syncline/tokens/${file}`,
      kind: 'css',
      ...sizeOf(await readFile(join(root, 'tokens/build', file))),
    });
  }
  if (opts.app !== false) {
    const app = await buildApp();
    rows.push({ name: 'control center, initial JavaScript', kind: 'app', ...app.js });
    rows.push({ name: 'control center, initial CSS', kind: 'app', ...app.css });
    opts.log?.(`  control center: ${kB(app.js.gzip).toFixed(1)} kB gzip initial JavaScript`);
  }
  let budget: Budget = {};
  try {
    budget = JSON.parse(await readFile(budgetPath, 'utf8')) as Budget;
  } catch {}
  if (opts.updateBudget) {
    const next: Budget = { ...budget };
    for (const { name, raw, gzip, brotli } of rows) next[name] = { raw, gzip, brotli };
    await writeFile(budgetPath, `${JSON.stringify(next, null, 2)}\n`);
  }
  const widget = rows.find((row) => row.name === '@syncline/ui/sync-status-widget');
  const popover = rows.find((row) => row.name === 'reference: radix-ui Popover alone');
  const merge = rows.find((row) => row.name === 'reference: tailwind-merge alone');
  const figures: Figure[] = widget
    ? [
        {
          name: 'SyncStatusWidget imported alone, gzip',
          unit: 'kB',
          better: 'lower',
          runs: [kB(widget.gzip)],
          goal: 15,
          note: `brotli ${kB(widget.brotli).toFixed(1)} kB; React external; bounded by its popover (Radix Popover alone: ${kB(popover?.gzip ?? 0).toFixed(1)} kB) and cn() (tailwind-merge alone: ${kB(merge?.gzip ?? 0).toFixed(1)} kB)`,
        },
      ]
    : [];
  const notBuilt = skipped.length > 0 ? `\n\nNot built: ${skipped.join('; ')}.` : '';
  return { figures, rows, markdown: `${bundleMarkdown(rows, budget)}${notBuilt}` };
}
