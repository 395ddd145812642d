// No import loops anywhere in the workspace's source (type-only imports count: a loop of types is a type living in
// the wrong file), and the dependency directions the design relies on. See DESIGN.md, "Dependencies point one way".
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportGraph, importCycles, readImportGraph } from './import-graph';

let graph: ImportGraph;

beforeAll(() => {
  graph = readImportGraph();
});

/** "file imports 'specifier'" for each import of a file under `folder` matching `forbidden`, except under `allowed`. */
function importsOf(folder: string, forbidden: (specifier: string) => boolean, allowed?: string): string[] {
  return [...graph.imports].flatMap(([file, edges]) =>
    file.startsWith(folder) && !(allowed && file.startsWith(allowed))
      ? edges.filter(({ specifier }) => forbidden(specifier)).map(({ specifier }) => `${file} imports '${specifier}'`)
      : [],
  );
}

const isPackage = (name: string) => (specifier: string) => specifier === name || specifier.startsWith(`${name}/`);

describe('the workspace source', () => {
  it('is read whole: every source root has files and workspace packages resolve to their source', () => {
    for (const root of ['tokens/', 'packages/data/src/', 'packages/ui/src/', 'apps/control-center/src/']) {
      expect(
        graph.files.some((file) => file.startsWith(root)),
        root,
      ).toBe(true);
    }
    expect(graph.files.some((file) => file.startsWith('apps/control-center/server/'))).toBe(true);
    const targets = [...graph.imports.values()].flat().map(({ target }) => target);
    expect(targets).toContain('packages/data/src/index.ts');
    expect(targets).toContain('packages/ui/src/index.ts');
  });

  it('has no import loops', () => {
    const chains = importCycles(graph).map((chain) => chain.join(' -> '));
    expect(chains, `import loops:\n${chains.join('\n')}`).toEqual([]);
  });
});

describe('dependencies point at the general', () => {
  it('the data layer never imports the control center domain', () => {
    expect(importsOf('packages/data/src/', isPackage('@syncline/domain'))).toEqual([]);
  });

  it('the kit reaches RxDB and the data layer only from packages/ui/src/connected', () => {
    const reachesData = (specifier: string) => isPackage('rxdb')(specifier) || isPackage('@syncline/data')(specifier);
    expect(importsOf('packages/ui/src/', reachesData, 'packages/ui/src/connected/')).toEqual([]);
  });
});
