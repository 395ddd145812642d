// `pnpm bench`: runs the benchmark suites (sync, bundle, ui, signin), prints the table and writes results/latest.json
// and results/latest.md. `--quick` runs small sizes and fewer runs (a smoke pass, not figures to quote);
// `--only sync,bundle` picks suites; `--push-only` runs only the sync suite's push figures (what a change to the
// push path moves, in a few minutes); `--runs N` overrides the run count; `--out DIR` writes elsewhere.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runBundleBench } from './bundle';
import { conditions, type Figure, type Section, writeResults } from './harness';
import { runSigninBench, type SigninBenchOptions } from './signin';
import { runSyncBench, type SyncBenchOptions } from './sync';
import { runUiBench, type UiBenchOptions } from './ui/run-ui';

const suites = ['sync', 'bundle', 'ui', 'signin'] as const;
type Suite = (typeof suites)[number];

export interface BenchOptions {
  quick: boolean;
  only: readonly Suite[];
  /** the sync suite's push figures alone: no pull, no propagation, and no other suite */
  pushOnly: boolean;
  runs?: number;
  out: string;
  log: (line: string) => void;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      'push-only': { type: 'boolean', default: false },
      runs: { type: 'string' },
      out: { type: 'string' },
      'update-budget': { type: 'boolean', default: false },
    },
  });
  const pushOnly = values['push-only'] ?? false;
  if (pushOnly && values.only !== undefined && values.only !== 'sync')
    throw new Error('--push-only runs the sync suite only.');
  const only = (pushOnly ? ['sync'] : (values.only?.split(',').map((name) => name.trim()) ?? [...suites])) as Suite[];
  for (const name of only) {
    if (!suites.includes(name)) throw new Error(`Unknown suite "${name}": pick from ${suites.join(', ')}.`);
  }
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new Error('--runs takes a whole number.');
  return {
    quick: values.quick ?? false,
    only,
    pushOnly,
    ...(runs === undefined ? {} : { runs }),
    out: values.out ?? join(import.meta.dirname, 'results'),
    log: (line) => console.log(line),
  };
}

export async function runBench(options: BenchOptions & { updateBudget?: boolean }) {
  const runs = options.runs ?? (options.quick ? 2 : 5);
  const sync: SyncBenchOptions = options.quick
    ? {
        runs,
        pullSizes: [1_000],
        pushSize: 500,
        clientCounts: [1, 10],
        propagationWrites: 20,
        pullBatchSize: 500,
        pushBatchSize: 100,
        log: options.log,
      }
    : {
        runs,
        pullSizes: [10_000, 100_000],
        pushSize: 10_000,
        clientCounts: [1, 10, 100],
        propagationWrites: 100,
        pullBatchSize: 500,
        pushBatchSize: 100,
        log: options.log,
      };
  if (options.pushOnly) Object.assign(sync, { pullSizes: [], clientCounts: [] });
  const ui: UiBenchOptions = options.quick
    ? { runs, tableSizes: [1_000], conflictFields: 100, log: options.log }
    : { runs, tableSizes: [10_000, 100_000], conflictFields: 1_000, log: options.log };
  // a first sign-in to a big shop takes a minute or more a run: three runs give a median
  const signin: SigninBenchOptions = options.quick
    ? { runs: 1, orders: 5_000, log: options.log }
    : { runs: Math.min(runs, 3), orders: 100_000, log: options.log };
  const figures: Figure[] = [];
  const sections: Section[] = [];
  const started = Date.now();
  // other work on the machine (a CI run, builds) slows every figure: the load beside the results says how busy it was
  const loadAtStart = loadavg()[0] ?? 0;
  const sizes: Record<string, string> = {};
  const failures: string[] = [];
  /** A suite that fails is reported, and the others still run and write their figures. */
  const attempt = async (suite: Suite, work: () => Promise<void>) => {
    if (!options.only.includes(suite)) return;
    try {
      await work();
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      failures.push(`${suite}: ${message}`);
      options.log(`${suite} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };
  await attempt('sync', async () => {
    options.log('sync: loopback against the real server');
    sizes.sync = options.pushOnly
      ? `push ${sync.pushSize} only, ${sync.pushBatchSize} documents per push request (the data layer's default)`
      : `pull ${sync.pullSizes.join(' / ')} orders, push ${sync.pushSize}, ${sync.propagationWrites} timed writes × clients ${sync.clientCounts.join(' / ')}, ${sync.pullBatchSize} documents per pull and ${sync.pushBatchSize} per push request (the data layer's defaults)`;
    figures.push(...(await runSyncBench(sync)));
  });
  await attempt('bundle', async () => {
    options.log('bundle: gzip and brotli sizes');
    const bundle = await runBundleBench({
      log: options.log,
      updateBudget: options.updateBudget ?? false,
      ...(options.quick ? { entries: ['@syncline/ui/sync-status-widget', '@syncline/ui/sync-dot'], app: false } : {}),
    });
    figures.push(...bundle.figures);
    sections.push({
      title: 'Bundle sizes (production build, minified, React external; budget: tests/perf/budget.json)',
      markdown: bundle.markdown,
      data: bundle.rows,
    });
    // after the figures are kept: the results still say what the sizes were
    if (bundle.violations.length > 0) throw new Error(bundle.violations.join('; '));
  });
  await attempt('ui', async () => {
    options.log('ui: Chromium');
    sizes.ui = `orders page over ${ui.tableSizes.join(' / ')} orders, ConflictDiffViewer ${ui.conflictFields} fields`;
    figures.push(...(await runUiBench(ui)));
  });
  await attempt('signin', async () => {
    options.log('signin: a first sign-in in Chromium');
    sizes.signin = `${signin.orders} orders, ${signin.runs} runs, on RxDB's Dexie storage`;
    figures.push(...(await runSigninBench(signin)));
  });
  const meta = await conditions(runs, {
    mode: options.quick ? 'quick (smoke sizes; not figures to quote)' : 'full',
    suites: options.only.join(', '),
    sizes: Object.entries(sizes)
      .map(([suite, text]) => `${suite}: ${text}`)
      .join('; '),
    duration: `${Math.round((Date.now() - started) / 1000)} s`,
    load: `1-minute load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? 0).toFixed(1)} at the end, on ${cpus().length} cores${(loadavg()[0] ?? 0) > cpus().length ? ': a busy machine, read the ratios' : ''}`,
    ...(failures.length > 0 ? { failed: failures.join('; ') } : {}),
  });
  const markdown = await writeResults(options.out, meta, figures, sections);
  return { figures, markdown, failures };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const options = parseBenchArgs(process.argv.slice(2));
  const updateBudget = process.argv.includes('--update-budget');
  runBench({ ...options, updateBudget }).then(
    ({ markdown, failures }) => {
      console.log(`\n${markdown}`);
      console.log(`Written to ${options.out}/latest.json and latest.md`);
      process.exit(failures.length > 0 ? 1 : 0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
