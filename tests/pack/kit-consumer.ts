// A product team's app outside the workspace: the kit and tokens packed as they would be published, installed
// from those tarballs with npm (no workspace links) next to React, Vite and Tailwind from the registry, built by
// the app's own Vite and served as static files on loopback.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { serveApp } from '../../apps/control-center/server/static-app';

const repo = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/** Runs a command to completion; on failure, says which one and shows its output. */
async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  try {
    return await execFileAsync(command, args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout}\n${stderr}`, { cause: error });
  }
}

/** Every package a team installs, by name, with its folder in the workspace. */
export const publishedPackages = {
  '@syncline/tokens': 'tokens',
  '@syncline/protocol': 'packages/protocol',
  '@syncline/data': 'packages/data',
  '@syncline/domain': 'packages/domain',
  '@syncline/server': 'packages/server',
  '@syncline/ui': 'packages/ui',
} as const;

export type PackageName = keyof typeof publishedPackages;

/** Package name -> the path of its packed tarball. */
export type Tarballs = Record<PackageName, string>;

/** `pnpm pack` of a workspace package (its `prepack` builds it first); returns the tarball's path. */
export async function pack(packageDir: string, destination: string): Promise<string> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], join(repo, packageDir));
  // Lifecycle banners come first; the report is the JSON object that starts a line.
  return (JSON.parse(stdout.slice(stdout.search(/^\{/m))) as { filename: string }).filename;
}

/**
 * The workspace's own better-sqlite3, already compiled for this Node, packed as a tarball with no install script:
 * an app that installs it (through an `overrides` entry) neither compiles SQLite nor downloads a binary, which
 * took the embed suite minutes. Its JavaScript and its native module are the ones the workspace's server runs.
 */
export async function packPrebuiltBetterSqlite3(destination: string): Promise<string> {
  const source = dirname(
    createRequire(join(repo, 'packages/server/package.json')).resolve('better-sqlite3/package.json'),
  );
  const addon = join(source, 'build/Release/better_sqlite3.node');
  if (!existsSync(addon)) throw new Error(`The workspace's better-sqlite3 has no ${addon}: run pnpm install first.`);
  const root = await mkdtemp(join(tmpdir(), 'syncline-better-sqlite3-'));
  try {
    const folder = join(root, 'package');
    await cp(join(source, 'lib'), join(folder, 'lib'), { recursive: true });
    await mkdir(join(folder, 'build/Release'), { recursive: true });
    await cp(addon, join(folder, 'build/Release/better_sqlite3.node'));
    const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8')) as { scripts?: unknown };
    // no install script (prebuild-install, else node-gyp); the dependencies stay, so the app's tree is a team's tree
    delete manifest.scripts;
    await writeFile(join(folder, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const tarball = join(destination, 'better-sqlite3-prebuilt.tgz');
    await run('tar', ['-czf', tarball, '-C', root, 'package'], root);
    return tarball;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

/** The version range the workspace itself uses for a package, so the app tests the same React, Vite and Tailwind. */
async function workspaceRange(name: string): Promise<string> {
  for (const manifest of ['tests/package.json', 'package.json']) {
    const { dependencies, devDependencies } = JSON.parse(await readFile(join(repo, manifest), 'utf8')) as Manifest;
    const range = dependencies?.[name] ?? devDependencies?.[name];
    if (range) return range;
  }
  throw new Error(`No workspace manifest lists ${name}: add it to tests/package.json.`);
}

async function ranges(names: string[]): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(names.map(async (name) => [name, await workspaceRange(name)])));
}

/**
 * Copies a template folder of tests/pack into `dir` and installs it with npm: the chosen packages from their
 * tarballs, and the rest from the registry. npm would fetch the packages' own dependencies on each other
 * (@syncline/tokens, @syncline/protocol…) from the registry: the overrides point every one at its tarball.
 * Returns npm's output (its warnings included).
 */
export async function createConsumerApp(
  dir: string,
  options: {
    template: string;
    tarballs: Tarballs;
    packages: readonly PackageName[];
    dependencies?: readonly string[];
    devDependencies?: readonly string[];
    /** more devDependencies with their own ranges (not the workspace's) */
    exactDevDependencies?: Record<string, string>;
    /** more `overrides` for npm, as a team's package.json would hold them */
    overrides?: Record<string, string>;
    /** more files of the app (path in the app -> text), written over the template's */
    files?: ReadonlyMap<string, string>;
  },
): Promise<{ stdout: string; stderr: string }> {
  await cp(join(import.meta.dirname, options.template), dir, { recursive: true });
  for (const [path, text] of options.files ?? []) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  const synclinePackages = Object.keys(publishedPackages) as PackageName[];
  const manifest = {
    name: 'syncline-consumer',
    private: true,
    type: 'module',
    dependencies: {
      ...Object.fromEntries(options.packages.map((name) => [name, `file:${options.tarballs[name]}`])),
      ...(await ranges(['react', 'react-dom', ...(options.dependencies ?? [])])),
    },
    devDependencies: {
      ...(await ranges([
        '@tailwindcss/vite',
        '@types/react',
        '@types/react-dom',
        '@vitejs/plugin-react',
        'tailwindcss',
        'vite',
        ...(options.devDependencies ?? []),
      ])),
      ...options.exactDevDependencies,
    },
    overrides: {
      ...Object.fromEntries(
        synclinePackages.map((name) =>
          options.packages.includes(name) ? [name, `$${name}`] : [name, `file:${options.tarballs[name]}`],
        ),
      ),
      ...options.overrides,
    },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // pnpm passes its settings to scripts as npm_config_*; they are not this npm's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')));
  return run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn'], dir, env);
}

/** Type-checks the app against the installed declarations, with the workspace's TypeScript. */
export async function typecheckConsumerApp(dir: string): Promise<void> {
  await run(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
}

/**
 * `vite build` with the app's own Vite, for production (Vitest's NODE_ENV=test would give React's dev build).
 * `appDir` is the folder with the index.html; Vite is the nearest installed one. Returns the output folder.
 */
export async function buildConsumerApp(appDir: string, env: NodeJS.ProcessEnv = {}, outDir = 'dist'): Promise<string> {
  const vite = [join(appDir, 'node_modules/vite/bin/vite.js'), join(appDir, '../node_modules/vite/bin/vite.js')].find(
    (candidate) => existsSync(candidate),
  );
  if (!vite) throw new Error(`No Vite installed for ${appDir}`);
  await run(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir], appDir, {
    ...process.env,
    ...env,
    NODE_ENV: 'production',
  });
  return join(appDir, outDir);
}

/** Serves a built app's files on a free loopback port. */
export async function serveDirectory(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((request, response) => {
    void serveApp(dir, new URL(request.url ?? '/', 'http://localhost').pathname).then(async (answer) => {
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

export type Theme = 'light' | 'dark';

/** The colour tokens as an app installed them (the packed @syncline/tokens), each as Chromium reports it. */
export async function installedTokenColours(appDir: string): Promise<(theme: Theme, name: string) => string> {
  const tokens = JSON.parse(
    await readFile(join(appDir, 'node_modules/@syncline/tokens/build/tokens.json'), 'utf8'),
  ) as Record<Theme, Record<string, { value: string } | undefined>>;
  // `#0060cc` is `rgb(0, 96, 204)`
  return (theme, name) => {
    const value = tokens[theme][name]?.value ?? '';
    const channels = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value)?.slice(1);
    if (!channels)
      throw new Error(`${name} (${theme}) is not an opaque #rrggbb colour in the packed tokens: '${value}'`);
    return `rgb(${channels.map((pair) => Number.parseInt(pair, 16)).join(', ')})`;
  };
}
