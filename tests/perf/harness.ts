// The benchmark harness: runs each measurement several times, reports medians and spreads beside the
// goal or the limit that bounds them, and writes results/latest.json and results/latest.md.
import { execSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  /** what was measured, e.g. "initial pull, 10,000 orders" */
  name: string;
  unit: string;
  /** one value per run */
  runs: number[];
  /** the direction that is better */
  better: 'higher' | 'lower';
  /** the goal from the issue, if any, in the same unit */
  goal?: number;
  /** the same work done by the raw engine in the same runs, for a ratio (figure / limit) */
  limit?: { name: string; runs: number[] };
  /** what bounds this figure, when it misses its goal */
  note?: string;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
  /** (max - min) / median */
  spread: number;
}

export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new Error('No runs to summarise');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  return { median, min, max, spread: median === 0 ? 0 : (max - min) / median };
}

/** Percentile of a sample (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export async function packageVersion(name: string): Promise<string> {
  const require = (await import('node:module')).createRequire(import.meta.url);
  for (const from of ['../../packages/server/', '../../packages/data/', '../../packages/ui/', '../../']) {
    try {
      const path = require.resolve(`${name}/package.json`, { paths: [join(import.meta.dirname, from)] });
      return (JSON.parse(await readFile(path, 'utf8')) as { version: string }).version;
    } catch {}
  }
  return 'unknown';
}

export async function conditions(runs: number, extra: Record<string, string | number> = {}) {
  const cpu = cpus();
  const versions: Record<string, string> = {};
  for (const name of ['rxdb', 'graphql-yoga', 'better-sqlite3', 'react', 'vite', 'playwright-core']) {
    versions[name] = await packageVersion(name);
  }
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {}
  return {
    date: new Date().toISOString(),
    commit,
    cpu: `${cpu[0]?.model ?? 'unknown'} × ${cpu.length}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    runs,
    versions,
    ...extra,
  };
}

const format = (value: number) =>
  Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(value >= 10 ? 1 : 2);

function goalStatus(figure: Figure, median: number): string {
  if (figure.goal === undefined) return '';
  const met = figure.better === 'higher' ? median >= figure.goal : median <= figure.goal;
  return `${met ? 'met' : 'missed'} (${figure.better === 'higher' ? '>=' : '<='} ${format(figure.goal)})`;
}

export function markdownTable(figures: Figure[]): string {
  const rows = figures.map((figure) => {
    const s = summarise(figure.runs);
    const limit = figure.limit ? summarise(figure.limit.runs) : undefined;
    const ratio = limit
      ? `${(s.median / limit.median).toFixed(2)} of ${figure.limit?.name} (${format(limit.median)})`
      : '';
    return `| ${figure.name} | ${format(s.median)} ${figure.unit} | ${format(s.min)}–${format(s.max)} (±${(s.spread * 50).toFixed(0)}%) | ${ratio} | ${goalStatus(figure, s.median)} | ${figure.note ?? ''} |`;
  });
  return [
    '| figure | median | range (spread) | vs the limit, same run | goal | note |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** A table of its own under the figures (bundle sizes...), kept in the JSON as data too. */
export interface Section {
  title: string;
  markdown: string;
  data?: unknown;
}

export async function writeResults(
  resultsDir: string,
  meta: Record<string, unknown>,
  figures: Figure[],
  sections: readonly Section[] = [],
): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const json = {
    conditions: meta,
    sections: Object.fromEntries(sections.map((section) => [section.title, section.data ?? section.markdown])),
    figures: figures.map((figure) => ({
      ...figure,
      summary: summarise(figure.runs),
      limitSummary: figure.limit ? summarise(figure.limit.runs) : undefined,
    })),
  };
  await writeFile(join(resultsDir, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  const conditionLines = Object.entries(meta).map(
    ([key, value]) =>
      `- **${key}**: ${
        typeof value === 'object'
          ? Object.entries(value as Record<string, string>)
              .map(([k, v]) => `${k} ${v}`)
              .join(', ')
          : String(value)
      }`,
  );
  const extra = sections.map((section) => `\n## ${section.title}\n\n${section.markdown}\n`).join('');
  const markdown = `# Syncline benchmarks\n\n## Conditions\n\n${conditionLines.join('\n')}\n\n## Figures\n\n${markdownTable(figures)}\n${extra}`;
  await writeFile(join(resultsDir, 'latest.md'), markdown);
  return markdown;
}
