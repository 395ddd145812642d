// Packs every package a team installs, once per run, as `pnpm pack` would publish it (each package's `prepack`
// builds its dist/ first), into a temp folder the pack suites share; removed when the run ends. Packing builds
// every package (minutes): the tarballs are kept by the content of what they are built from, and a run whose
// sources, lockfile and build scripts are unchanged uses the kept ones.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { pack, packPrebuiltBetterSqlite3, publishedPackages, type Tarballs } from './kit-consumer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** package name -> the path of its packed tarball */
    tarballs: Tarballs;
    /** the workspace's compiled better-sqlite3 as a tarball with no install script (see packPrebuiltBetterSqlite3) */
    prebuiltBetterSqlite3: string;
  }
}

const repo = join(import.meta.dirname, '../..');
const keptTarballs = join(repo, 'node_modules/.cache/syncline-pack');

/**
 * A hash of every file a tarball is built from: the packages' folders (tracked files and new ones git does not
 * ignore, as they are on disk), the shared build script, the root TypeScript settings and the lockfile.
 */
async function sourcesKey(): Promise<string> {
  const inputs = [
    ...Object.values(publishedPackages),
    'scripts',
    'tsconfig.base.json',
    'tsconfig.json',
    'pnpm-lock.yaml',
  ];
  const { stdout } = await promisify(execFile)(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...inputs],
    { cwd: repo, maxBuffer: 1 << 26 },
  );
  const hash = createHash('sha256');
  for (const path of stdout.split('\0').filter(Boolean).sort()) {
    if (!existsSync(join(repo, path))) continue;
    hash
      .update(`${path}\0`)
      .update(await readFile(join(repo, path)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** The tarballs kept for `key`, when every package has one. */
async function keptFor(key: string): Promise<Record<string, string> | undefined> {
  const folder = join(keptTarballs, key);
  if (!existsSync(join(folder, 'names.json'))) return undefined;
  const names = JSON.parse(await readFile(join(folder, 'names.json'), 'utf8')) as Record<string, string>;
  const tarballs = Object.fromEntries(Object.entries(names).map(([name, file]) => [name, join(folder, file)]));
  const complete = Object.keys(publishedPackages).every((name) => tarballs[name] && existsSync(tarballs[name]));
  return complete ? tarballs : undefined;
}

/** Keeps this run's tarballs under `key`, in place of any older ones. */
async function keep(key: string, tarballs: Record<string, string>): Promise<void> {
  await rm(keptTarballs, { recursive: true, force: true });
  const folder = join(keptTarballs, key);
  await mkdir(folder, { recursive: true });
  for (const path of Object.values(tarballs)) await cp(path, join(folder, basename(path)));
  const names = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, basename(path)]));
  await writeFile(join(folder, 'names.json'), `${JSON.stringify(names, null, 2)}\n`);
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'syncline-tarballs-'));
  const key = await sourcesKey();
  let tarballs = await keptFor(key);
  if (!tarballs) {
    tarballs = {};
    // One at a time: the builds share tsc's project outputs (the kit's build rebuilds protocol and data).
    for (const [name, dir] of Object.entries(publishedPackages)) tarballs[name] = await pack(dir, work);
    await keep(key, tarballs);
  }
  project.provide('tarballs', tarballs as Tarballs);
  project.provide('prebuiltBetterSqlite3', await packPrebuiltBetterSqlite3(work));
  return async () => {
    await rm(work, { recursive: true, force: true });
  };
}
