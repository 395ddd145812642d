// Packs every package a team installs, once per run, as `pnpm pack` would publish it (each package's `prepack`
// builds its dist/ first), into a temp folder the pack suites share; removed when the run ends.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pack, publishedPackages, type Tarballs } from './kit-consumer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** package name -> the path of its packed tarball */
    tarballs: Tarballs;
  }
}

export default async function setup(project: TestProject) {
  const work = await mkdtemp(join(tmpdir(), 'syncline-tarballs-'));
  const tarballs: Record<string, string> = {};
  // One at a time: the builds share tsc's project outputs (the kit's build rebuilds protocol and data).
  for (const [name, dir] of Object.entries(publishedPackages)) tarballs[name] = await pack(dir, work);
  project.provide('tarballs', tarballs as Tarballs);
  return async () => {
    await rm(work, { recursive: true, force: true });
  };
}
