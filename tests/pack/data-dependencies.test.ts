// The data layer is general: a team that installs @syncline/data from its tarball gets the replication contract
// (@syncline/protocol) and RxDB, never the control center's laundry domain and its demo generator.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, inject, it } from 'vitest';
import type { PackageName } from './kit-consumer';

const execFileAsync = promisify(execFile);

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/** The manifest as published, read back out of the package's tarball. */
async function packedManifest(name: string): Promise<Manifest> {
  const tarballs = inject('tarballs');
  if (!(name in tarballs)) throw new Error(`${name} is not a published package; add it to publishedPackages.`);
  const { stdout } = await execFileAsync('tar', ['-xOzf', tarballs[name as PackageName], 'package/package.json']);
  return JSON.parse(stdout) as Manifest;
}

/** Every Syncline package an install of `root` brings in (dependencies and required peers), each with its manifest. */
async function installedSynclineTree(root: string): Promise<Map<string, Manifest>> {
  const seen = new Map<string, Manifest>();
  const queue = [root];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    const manifest = await packedManifest(name);
    seen.set(name, manifest);
    const required = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.peerDependencies ?? {}).filter(
        (peer) => !manifest.peerDependenciesMeta?.[peer]?.optional,
      ),
    ];
    queue.push(...required.filter((dependency) => dependency.startsWith('@syncline/')));
  }
  return seen;
}

it('packs @syncline/data with the protocol and without @syncline/domain anywhere in its dependency tree', async () => {
  const tree = await installedSynclineTree('@syncline/data');
  expect([...tree.keys()].sort()).toEqual(['@syncline/data', '@syncline/protocol']);
  for (const [name, manifest] of tree) {
    expect(JSON.stringify(manifest), `${name}'s packed manifest keeps a workspace: range`).not.toContain('workspace:');
  }
  expect(tree.get('@syncline/data')?.dependencies).not.toHaveProperty('@syncline/domain');
});
