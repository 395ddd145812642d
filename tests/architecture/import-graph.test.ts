// The loop finder on small made-up graphs: it names every loop as a chain of files, and nothing else.
import { describe, expect, it } from 'vitest';
import { type ImportGraph, importCycles } from './import-graph';

/** A graph from "file: imports…" pairs. */
function graphOf(edges: Record<string, string[]>): ImportGraph {
  const files = [...new Set([...Object.keys(edges), ...Object.values(edges).flat()])].sort();
  return {
    files,
    imports: new Map(
      files.map((file) => [file, (edges[file] ?? []).map((target) => ({ specifier: `./${target}`, target }))]),
    ),
  };
}

describe('importCycles', () => {
  it('finds none in a tree or a diamond', () => {
    expect(importCycles(graphOf({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }))).toEqual([]);
  });

  it('names a loop as the chain of files from one back to itself', () => {
    expect(importCycles(graphOf({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('finds a file that imports itself', () => {
    expect(importCycles(graphOf({ a: ['a', 'b'], b: [] }))).toEqual([['a', 'a']]);
  });

  it('reports separate loops separately', () => {
    expect(importCycles(graphOf({ a: ['b'], b: ['a'], c: ['d'], d: ['c'], e: ['a', 'c'] }))).toEqual([
      ['a', 'b', 'a'],
      ['c', 'd', 'c'],
    ]);
  });

  it('names every file of a knot of loops in at least one chain', () => {
    const cycles = importCycles(graphOf({ hub: ['x', 'y'], x: ['hub'], y: ['z'], z: ['hub'] }));
    expect(cycles).toEqual([
      ['hub', 'x', 'hub'],
      ['y', 'z', 'hub', 'y'],
    ]);
  });

  it('ignores imports that leave the workspace', () => {
    const graph = graphOf({ a: ['b'], b: [] });
    graph.imports.get('b')?.push({ specifier: 'a-dependency', target: undefined });
    expect(importCycles(graph)).toEqual([]);
  });
});
