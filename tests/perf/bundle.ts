// Bundle sizes: each `@syncline/ui` entry imported alone (a production Vite build of `export * from '<entry>'`,
// tree-shaken and minified, React external: what it costs up front, and apart what it loads when first used), the
// token CSS, and the control center: the sign-in screen (what index.html loads) and a signed-in operator's shell (that
// plus the workspace: data layer, router, frame) before the first page's chunk. Compared with budget.json, which holds
// the sizes accepted so far: growth shows up in review. `pnpm bench --only bundle --update-budget` rewrites it. Two
// sizes are goals of issue #18 (the shell, the status widget's closed state), and Vite's warning about a chunk over
// 500 kB fails the suite: `violations` lists what broke, and `pnpm bench` exits non-zero on any.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, createLogger, defaultClientConditions, type Plugin } from 'vite';
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
  kind: 'ui entry' | 'ui entry, loaded when first used' | 'reference' | 'css' | 'app';
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
  output: (
    | { type: 'chunk'; fileName: string; code: string; isEntry: boolean; imports: string[] }
    | { type: 'asset' }
  )[];
}

type Chunk = Extract<BuildOutput['output'][number], { type: 'chunk' }>;

const external = /^(react|react-dom)(\/.*)?$/;

/** What an entry costs: its chunk and their static imports up front, and the chunks it imports dynamically later. */
export interface EntrySize {
  initial: Size;
  /** zero when the entry loads nothing on first use */
  later: Size;
}

/** A production build of `export * from '<entry>'` alone: the JavaScript a consumer ships for it. */
async function buildEntry(
  entry: string,
  code = `export * from '${entry}';\n`,
  from = import.meta.dirname,
): Promise<EntrySize> {
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
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((chunk): chunk is Chunk => chunk.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const upFront = staticClosure(
    chunks.filter((chunk) => chunk.isEntry).map((chunk) => chunk.fileName),
    (name) => byName.get(name)?.imports ?? [],
  );
  const size = (part: Chunk[]) => addSizes(part.map((chunk) => sizeOf(chunk.code)));
  return {
    initial: size(chunks.filter((chunk) => upFront.has(chunk.fileName))),
    later: size(chunks.filter((chunk) => !upFront.has(chunk.fileName))),
  };
}

/** The chunks a browser fetches before running `roots`: them and their static imports, transitively. */
function staticClosure(roots: readonly string[], importsOf: (chunk: string) => readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (chunk: string) => {
    if (seen.has(chunk)) return;
    seen.add(chunk);
    for (const imported of importsOf(chunk)) visit(imported);
  };
  for (const root of roots) visit(root);
  return seen;
}

/** One chunk of Vite's build manifest (`.vite/manifest.json`), keyed by its source. */
interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * What the data layer imports while the database opens and replication starts, before the first page shows: the
 * IndexedDB storage (database.ts) and the stream's client (live-stream.ts). Schema validation (ajv) waits for the
 * first local write.
 */
const loadedAtOpen = /rxdb\/.*plugins\/storage-dexie\/|graphql-ws\/.*client/;

/** The module whose chunk holds the signed-in workspace (router, frame), imported lazily by the app. */
const workspaceModule = 'src/runtime/workspace.tsx';

/**
 * The workspace's data layer (RxDB, the replication, the provider and the frame's parts that read the database): the
 * workspace imports it as it mounts, so the frame paints before it has arrived.
 */
const workspaceDataModule = 'src/runtime/workspace-data.tsx';

export interface AppSizes {
  /** what index.html loads: the sign-in screen */
  signIn: Size;
  /** a signed-in operator's JavaScript before the first page's chunk: index.html's plus the workspace's */
  shell: Size;
  /** what the workspace imports while the database opens: the data layer's chunk, Dexie storage, the stream's client */
  atOpen: Size;
  css: Size;
  /** the largest chunk, minified, in bytes (Vite warns over 500 kB) */
  largestChunk: { file: string; raw: number };
  /** Vite's warnings that a chunk is over its size limit */
  chunkWarnings: string[];
  /** the initial JavaScript's gzip bytes by package, largest first (each chunk shared by its modules' sizes) */
  shellParts: [string, number][];
}

/** The package a module belongs to: its npm name, or the workspace package it is a source file of. */
function packageOf(moduleId: string): string {
  const npm = moduleId.match(/.*node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (npm?.[1]) return npm[1];
  const workspace = moduleId.match(/\/(packages\/[^/]+|apps\/[^/]+|tokens)\//);
  return workspace?.[1] ? `@syncline/${workspace[1].replace(/^(packages|apps)\//, '')}` : 'other';
}

/** A production build of the control center, as `pnpm start` makes it, read through Vite's manifest. */
async function buildApp(): Promise<AppSizes> {
  const appRoot = join(root, 'apps/control-center');
  const outDir = await mkdtemp(join(tmpdir(), 'syncline-bench-app-'));
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  // silent, but Vite's "Some chunks are larger than 500 kB" is kept: it fails the suite
  const chunkWarnings: string[] = [];
  const logger = createLogger('silent');
  logger.warn = (message) => {
    const line = message.split('\n').find((text) => /chunks are larger than/i.test(text));
    if (line) chunkWarnings.push(line.replace(/^\(!\)\s*/, '').trim());
  };
  // each chunk's modules and their sizes before minification, to share the chunk's gzip size between packages
  const modulesOf = new Map<string, [string, number][]>();
  const readModules: Plugin = {
    name: 'bench-modules',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        modulesOf.set(
          chunk.fileName,
          Object.entries(chunk.modules).map(([id, module]) => [packageOf(id), module.renderedLength]),
        );
      }
    },
  };
  try {
    await build({
      root: appRoot,
      configFile: join(appRoot, 'vite.config.ts'),
      customLogger: logger,
      mode: 'production',
      plugins: [readModules],
      build: { outDir, emptyOutDir: true, sourcemap: false, manifest: true },
    });
    const manifest = JSON.parse(await readFile(join(outDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    if (!manifest['index.html'] || !manifest[workspaceModule] || !manifest[workspaceDataModule]) {
      throw new Error(
        `The control center's manifest has no index.html, ${workspaceModule} or ${workspaceDataModule} chunk.`,
      );
    }
    const importsOf = (key: string) => manifest[key]?.imports ?? [];
    const signIn = staticClosure(['index.html'], importsOf);
    const shell = staticClosure(['index.html', workspaceModule], importsOf);
    const filesOf = (keys: Iterable<string>) => [...keys].map((key) => manifest[key]?.file ?? '');
    const sizeOfFiles = async (files: readonly string[]) =>
      addSizes(await Promise.all([...new Set(files)].map(async (file) => sizeOf(await readFile(join(outDir, file))))));
    const dataLayer = staticClosure([workspaceDataModule], importsOf);
    const atOpen = [
      ...[...dataLayer].filter((key) => !shell.has(key)),
      ...[...shell, ...dataLayer]
        .flatMap((key) => manifest[key]?.dynamicImports ?? [])
        .filter((key) => loadedAtOpen.test(key)),
    ];
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((match) =>
      (match[1] ?? '').replace(/^\//, ''),
    );
    const chunkFiles = await Promise.all(
      (await readdir(join(outDir, 'assets')))
        .filter((file) => file.endsWith('.js'))
        .map(async (file) => ({
          file,
          raw: (await readFile(join(outDir, 'assets', file))).length,
        })),
    );
    const largestChunk = chunkFiles.reduce((largest, chunk) => (chunk.raw > largest.raw ? chunk : largest));
    const parts = new Map<string, number>();
    for (const file of new Set(filesOf(shell))) {
      const modules = modulesOf.get(file) ?? [];
      const rendered = modules.reduce((sum, [, length]) => sum + length, 0);
      const { gzip } = sizeOf(await readFile(join(outDir, file)));
      for (const [name, length] of modules) {
        parts.set(name, (parts.get(name) ?? 0) + (rendered > 0 ? (gzip * length) / rendered : 0));
      }
    }
    return {
      signIn: await sizeOfFiles(filesOf(signIn)),
      shell: await sizeOfFiles(filesOf(shell)),
      atOpen: await sizeOfFiles(filesOf(atOpen)),
      css: await sizeOfFiles(styles),
      largestChunk,
      chunkWarnings,
      shellParts: [...parts].sort((a, b) => b[1] - a[1]),
    };
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
  /** what fails the suite: a budget missed, Vite's warning about an oversized chunk */
  violations: string[];
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
      const { initial, later } = await buildEntry(entry);
      rows.push({ name: entry, kind: 'ui entry', ...initial });
      if (later.raw > 0)
        rows.push({ name: `${entry}, loaded when first used`, kind: 'ui entry, loaded when first used', ...later });
      opts.log?.(
        `  ${entry}: ${kB(initial.gzip).toFixed(1)} kB gzip${later.raw > 0 ? `, then ${kB(later.gzip).toFixed(1)} kB when first used` : ''}`,
      );
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
    const { initial, later } = await buildEntry(name, code, join(root, 'packages/ui/src'));
    const size = addSizes([initial, later]);
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
  const figures: Figure[] = [];
  const violations: string[] = [];
  if (opts.app !== false) {
    const app = await buildApp();
    rows.push({ name: 'control center, sign-in screen JavaScript', kind: 'app', ...app.signIn });
    rows.push({ name: 'control center, initial JavaScript', kind: 'app', ...app.shell });
    rows.push({ name: 'control center, JavaScript loaded while the database opens', kind: 'app', ...app.atOpen });
    rows.push({ name: 'control center, initial CSS', kind: 'app', ...app.css });
    opts.log?.(`  control center: ${kB(app.shell.gzip).toFixed(1)} kB gzip initial JavaScript (signed in)`);
    figures.push({
      name: 'control center initial JavaScript, gzip',
      unit: 'kB',
      better: 'lower',
      runs: [kB(app.shell.gzip)],
      goal: 180,
      note: `signed in, to the frame painted: index.html's scripts and the workspace chunk (router, frame) with their imports; the sign-in screen alone ${kB(app.signIn.gzip).toFixed(1)} kB; then ${kB(app.atOpen.gzip).toFixed(1)} kB while the database opens, the frame on screen (the data layer: RxDB, its query engine, rxjs, the replication, Dexie storage, the stream's client); by package (estimated from each chunk's modules): ${app.shellParts
        .slice(0, 10)
        .map(([name, bytes]) => `${name} ${kB(bytes).toFixed(1)}`)
        .join(
          ', ',
        )}; largest chunk ${app.largestChunk.file}, ${kB(app.largestChunk.raw).toFixed(0)} kB minified (Vite warns over 500 kB)`,
    });
    figures.push({
      name: 'control center JavaScript to an open database (frame and data layer), gzip',
      unit: 'kB',
      better: 'lower',
      runs: [kB(app.shell.gzip + app.atOpen.gzip)],
      note: 'the initial JavaScript and what loads while the database opens, before any page: what a signed-in operator downloads before the first page can read the shop',
    });
    for (const warning of app.chunkWarnings) {
      violations.push(
        `vite build of the control center warns "${warning}" (largest: ${app.largestChunk.file}, ${kB(app.largestChunk.raw).toFixed(0)} kB minified): split it with a dynamic import`,
      );
    }
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
  const details = rows.find((row) => row.name === '@syncline/ui/sync-status-widget, loaded when first used');
  const popover = rows.find((row) => row.name === 'reference: radix-ui Popover alone');
  const merge = rows.find((row) => row.name === 'reference: tailwind-merge alone');
  if (widget) {
    figures.push({
      name: 'SyncStatusWidget closed state, gzip',
      unit: 'kB',
      better: 'lower',
      runs: [kB(widget.gzip)],
      goal: 15,
      note: `imported alone, React external, brotli ${kB(widget.brotli).toFixed(1)} kB; its details load on the first open: ${kB(details?.gzip ?? 0).toFixed(1)} kB (Radix Popover alone: ${kB(popover?.gzip ?? 0).toFixed(1)} kB; tailwind-merge alone, which the closed state does without: ${kB(merge?.gzip ?? 0).toFixed(1)} kB)`,
    });
  }
  for (const figure of figures) {
    const [size = 0] = figure.runs;
    if (figure.goal !== undefined && size > figure.goal) {
      violations.push(`${figure.name} is ${size.toFixed(1)} kB, over its budget of ${figure.goal} kB`);
    }
  }
  const notBuilt = skipped.length > 0 ? `\n\nNot built: ${skipped.join('; ')}.` : '';
  return { figures, rows, violations, markdown: `${bundleMarkdown(rows, budget)}${notBuilt}` };
}
