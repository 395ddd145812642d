import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { conditions, type Figure, percentile, summarise, writeResults } from './harness';
import { runSyncBench } from './sync';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the bench harness', () => {
  it('summarises runs as median, range and spread', () => {
    expect(summarise([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, spread: 1 });
    expect(summarise([1, 2, 3, 4]).median).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5);
  });

  it('runs the sync suite at a minimal size and writes well-formed results', async () => {
    const figures = await runSyncBench({
      runs: 1,
      pullSizes: [200],
      pushSize: 100,
      clientCounts: [2],
      propagationWrites: 5,
      pullBatchSize: 500,
      pushBatchSize: 100,
    });
    expect(figures.map((figure) => figure.name)).toEqual([
      'initial pull, 200 orders',
      'initial pull, 200 orders: rate / the same pages over HTTP alone',
      "initial pull, 200 orders: rate / the client's storage alone",
      'push of 100 offline writes, acknowledged',
      'push of 100 offline writes: rate / the same batches over HTTP alone',
      'propagation A→B p50, 2 connected clients',
      'propagation A→B p95, 2 connected clients',
      'propagation A→B p99, 2 connected clients',
      'stream delivery p99 to the other 1 subscribers (write → message)',
    ]);
    for (const figure of figures) {
      expect(figure.runs).toHaveLength(1);
      expect(figure.runs.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
    }
    expect(figures[0]?.limit?.runs).toHaveLength(1);

    const dir = await mkdtemp(join(tmpdir(), 'syncline-perf-'));
    dirs.push(dir);
    const markdown = await writeResults(dir, await conditions(1, { mode: 'smoke' }), figures as Figure[], [
      { title: 'Extra', markdown: '| a |\n| --- |\n| 1 |' },
    ]);
    const json = JSON.parse(await readFile(join(dir, 'latest.json'), 'utf8'));
    expect(json.conditions).toMatchObject({ runs: 1, mode: 'smoke', node: process.version });
    expect(json.figures).toHaveLength(figures.length);
    expect(json.figures[0].summary).toEqual(expect.objectContaining({ median: expect.any(Number) }));
    expect(json.sections.Extra).toContain('| a |');
    expect(await readFile(join(dir, 'latest.md'), 'utf8')).toBe(markdown);
    expect(markdown).toContain('| initial pull, 200 orders |');
    expect(markdown).toContain('## Conditions');
  });
});
