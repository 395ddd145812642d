// A first sign-in in the browser: the built control center, served with its sync server as `pnpm start` serves it,
// opened in Chromium on a fresh profile for a shop of N orders, on the storage the app really uses (RxDB's Dexie
// storage over IndexedDB). From the page's own clock: when the first order rows are on screen, when the orders
// page answers a search (usable while the rest still arrives), and when the status says everything is synced;
// what the status said meanwhile (the count, and the time left it estimated against the time it really took).
// Then, in the same page, the limits: the same documents written straight into RxDB's Dexie storage, and into
// IndexedDB itself.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectionOperations } from '@syncline/data';
import { controlCenterSchemas, generateOrders, ORDER_KEPT_DAYS, type Order } from '@syncline/domain';
import { createSqliteStorage, signToken } from '@syncline/server';
import { build, defaultClientConditions } from 'vite';
import { startControlCenter } from '../../apps/control-center/server/control-center';
import { launchBrowser } from '../support/browser';
import buildApp from '../support/build-app';
import { appDist } from '../support/control-center';
import { type Figure, summarise } from './harness';
import { pullPage } from './signin/pull-page';
import type { StorageLimits } from './signin/storage-bench';

export interface SigninBenchOptions {
  runs: number;
  orders: number;
  log?: (line: string) => void;
}

/** The replication's pull batch: the limits write in batches of the same size. */
const BATCH = 500;
const BENCH_MODULE = '/__bench/storage-bench.js';

/** Builds storage-bench.ts as one ES module the page can import. */
async function buildStorageBench(outDir: string): Promise<string> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        lib: {
          entry: join(import.meta.dirname, 'signin/storage-bench.ts'),
          formats: ['es'],
          fileName: 'storage-bench',
        },
        rollupOptions: { output: { codeSplitting: false } },
      },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return join(outDir, 'storage-bench.js');
}

/** What the page records as it happens, on its own clock (ms since navigation). */
interface Seen {
  firstRow: number | null;
  labels: [number, string][];
  descriptions: [number, string][];
}

/**
 * Installed before the app's scripts: watches the DOM for the first order row and every status text. A string, not
 * a function: the bench's own transpiler would wrap a function's inner functions in a helper the page lacks.
 */
const watchPage = `
  const seen = { firstRow: null, labels: [], descriptions: [] };
  window.seen = seen;
  const note = (list, text) => {
    if (text && (list.length === 0 || list[list.length - 1][1] !== text)) list.push([performance.now(), text]);
  };
  new MutationObserver(() => {
    if (seen.firstRow === null && document.querySelector('[data-order-id]')) seen.firstRow = performance.now();
    note(seen.labels, document.querySelector('[data-slot="sync-status-label"]')?.textContent);
    const details = document.querySelector('[data-slot="sync-status-details"]');
    note(seen.descriptions, details?.querySelectorAll('p')[1]?.textContent);
  }).observe(document, { subtree: true, childList: true, characterData: true });
`;

const SYNCED = 'All changes synced';
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;
const seconds = (ms: number) => ms / 1000;

const DAY = 86_400_000;
/** The history of the shop measured for its scoped size: two years of orders, the older ones delivered. */
const HISTORY_DAYS = 730;

/**
 * How much of a shop with a history a first sign-in brings: `count` orders received over two years, each stored
 * on the server as last changed when it was (delivered, cancelled, or still open now), written straight into the
 * server's database as years of use would have left them. Then a first pull asks the server, as the replication
 * does (`x-syncline-fresh`), how many orders a device keeps, and a pull outside such a pass how many there are.
 */
async function scopedShopSize(
  center: { graphqlUrl: string; secret: string },
  dataDir: string,
  count: number,
): Promise<{ kept: number; all: number }> {
  const tenant = 'history-shop';
  const now = Date.now();
  const storage = createSqliteStorage({ path: join(dataDir, 'syncline.sqlite') });
  try {
    const customers = [{ id: 'cus-1', name: 'Ada Lovelace' }];
    const batch: { id: string; updatedAt: number; deleted: false; data: Order & { _deleted: false } }[] = [];
    const flush = async () => {
      const rows = batch.splice(0);
      await storage.transaction(tenant, async (tx) => {
        // the tenant's clock moves past them, as the writes that made them would have moved it
        tx.nextUpdatedAt();
        await tx.write('orders', rows);
      });
    };
    for (const order of generateOrders({ seed: 3, count, customers, now, days: HISTORY_DAYS, inShopDays: 7 })) {
      const finished = order.status === 'delivered' || order.status === 'cancelled';
      const updatedAt = finished ? (order.deliveredAt ?? order.receivedAt + DAY) : now - 1;
      batch.push({ id: order.id, updatedAt, deleted: false, data: { ...order, updatedAt, _deleted: false } });
      if (batch.length === 1000) await flush();
    }
    await flush();
  } finally {
    await storage.close();
  }
  const token = await signToken({ secret: center.secret, tenant, sub: 'ana', role: 'owner', ttl: '10m' });
  const operations = collectionOperations('orders', controlCenterSchemas.orders);
  const counting = { query: operations.pullCounting, field: operations.pullField };
  const counted = async (fresh?: string) => {
    const page = await pullPage(center.graphqlUrl, token, counting, { checkpoint: null, limit: 1 }, fresh);
    return page.documents.length + (page.remaining ?? 0);
  };
  return { kept: await counted('1'), all: await counted() };
}

export async function runSigninBench(opts: SigninBenchOptions): Promise<Figure[]> {
  await buildApp();
  const benchDir = await mkdtemp(join(tmpdir(), 'syncline-signin-bench-'));
  const benchModule = await buildStorageBench(benchDir);
  const dataDir = await mkdtemp(join(tmpdir(), 'syncline-signin-data-'));
  const tenant = {
    tenant: 'bench-shop',
    tenantName: 'Bench Shop',
    user: 'ana',
    seed: 5,
    orders: opts.orders,
    machines: 24,
    customers: 400,
  };
  opts.log?.(`  seeding ${opts.orders.toLocaleString('en-US')} orders through the sync server`);
  const center = await startControlCenter({
    dataDir,
    appDir: appDist,
    port: 0,
    tenants: [tenant],
    simulate: false,
    logLevel: 'silent',
  });
  // signed in as production signs people in: no development sign-in (refused under NODE_ENV=production), a token
  // minted for the owner with the server's secret, as `syncline-server token --tenant T --sub U --role R` mints it
  const account = {
    tenant: tenant.tenant,
    tenantName: tenant.tenantName,
    user: tenant.user,
    role: 'owner',
    token: await signToken({
      secret: center.secret,
      tenant: tenant.tenant,
      sub: tenant.user,
      role: 'owner',
      ttl: '2h',
    }),
  };
  const session = { serverUrl: center.graphqlUrl, ...account };
  const browser = await launchBrowser();
  const firstRows: number[] = [];
  const usable: number[] = [];
  const synced: number[] = [];
  const rates: number[] = [];
  const rxStorage: number[] = [];
  const indexedDb: number[] = [];
  const estimates: number[] = [];
  const reopenedRows: number[] = [];
  let documents = 0;
  let inShop = 0;
  const kept: number[] = [];
  let history = { kept: 0, all: 0 };
  let lastLabels = '';
  try {
    for (let run = 0; run < opts.runs; run++) {
      // a fresh profile: nothing stored, as on a new device
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addInitScript(
        ([key, value]) => localStorage.setItem(key as string, value as string),
        ['syncline:session', JSON.stringify(session)],
      );
      await context.addInitScript({ content: watchPage });
      await context.route(`**${BENCH_MODULE}`, (route) => route.fulfill({ path: benchModule }));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL('/orders', center.url).toString());
      const seen = () => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

      // the first rows: then a person searches for one of them, as soon as it is there
      const firstRow = page.locator('[data-order-id]').first();
      await firstRow.waitFor({ timeout: 120_000 });
      const number = (await firstRow.locator('a').first().textContent())?.replace(/\D/g, '') ?? '';
      await page.getByPlaceholder(/Search/).fill(number);
      await page.waitForFunction(
        (wanted) => {
          const rows = document.querySelectorAll('[data-order-id]');
          return rows.length === 1 && rows[0]?.textContent?.includes(`#${wanted}`);
        },
        number,
        { timeout: 120_000 },
      );
      const answeredAt = (await page.evaluate(() => performance.now())) as number;
      // the details say how long is left
      await page.getByRole('button', { name: 'Sync details' }).click();

      // everything synced, as the status says it
      await page
        .waitForFunction(
          (done) => {
            const { labels } = (window as unknown as { seen: Seen }).seen;
            const syncing = labels.findIndex(([, text]) => text.startsWith('Syncing'));
            return syncing >= 0 && labels.slice(syncing).some(([, text]) => text === done);
          },
          SYNCED,
          { timeout: 600_000, polling: 100 },
        )
        .catch(async (error: Error) => {
          const said = (await seen()).labels.map(([at, text]) => `${at.toFixed(0)} ms ${text}`).join('; ');
          throw new Error(`${error.message.split('\n')[0]} The status said: ${said}. ${errors.join('; ')}`);
        });
      const watched = await seen();
      const start = watched.labels.find(([, text]) => text.startsWith('Syncing'))?.[0] ?? 0;
      const end = watched.labels.findLast(([, text]) => text === SYNCED)?.[0] ?? 0;
      lastLabels = watched.labels
        .filter(([, text]) => text.startsWith('Syncing'))
        .filter((_, i, all) => i === 0 || i === Math.floor(all.length / 2) || i === all.length - 1)
        .map(([, text]) => text)
        .join(' → ');

      const limits = (await page.evaluate(
        async ([module, url, token, batch]) => {
          const bench = (await import(module as string)) as typeof import('./signin/storage-bench');
          return bench.measureStorageLimits(url as string, token as string, batch as number);
        },
        [BENCH_MODULE, center.graphqlUrl, account.token, BATCH] as const,
      )) as StorageLimits;
      if (errors.length > 0) throw new Error(`The control center failed: ${errors.join('; ')}`);
      documents = limits.documents;
      inShop = limits.inShop;
      kept.push(limits.documents);

      // the next morning: the app opened again on the device that now holds the whole shop
      await page.reload();
      await page.locator('[data-order-id]').first().waitFor({ timeout: 120_000 });
      const reopened = (await seen()).firstRow ?? Number.NaN;
      reopenedRows.push(reopened);

      firstRows.push(watched.firstRow ?? Number.NaN);
      usable.push(answeredAt);
      synced.push(end);
      rates.push(limits.documents / seconds(end - start));
      rxStorage.push(limits.documents / seconds(limits.rxStorageMs));
      indexedDb.push(limits.documents / seconds(limits.indexedDbMs));
      // the time left the status estimated a quarter of the way through, against the time it really took
      const quarter = start + (end - start) / 4;
      const estimate = watched.descriptions.find(([at, text]) => at >= quarter && /left/.test(text));
      if (estimate) estimates.push(estimateSeconds(estimate[1]) / seconds(end - estimate[0]));
      opts.log?.(
        `  run ${run + 1}: first rows ${watched.firstRow?.toFixed(0)} ms, search answered ${answeredAt.toFixed(0)} ms, ` +
          `opened again ${reopened.toFixed(0)} ms, ` +
          `synced ${end.toFixed(0)} ms (${Math.round(rates.at(-1) ?? 0)} docs/s; Dexie alone ` +
          `${Math.round(rxStorage.at(-1) ?? 0)}, IndexedDB alone ${Math.round(indexedDb.at(-1) ?? 0)}); ${lastLabels}`,
      );
      await context.close();
    }
    opts.log?.(`  a shop with ${HISTORY_DAYS} days of history: how much of it a first sign-in brings`);
    history = await scopedShopSize(center, dataDir, opts.orders);
  } finally {
    await browser.close();
    await center.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(benchDir, { recursive: true, force: true });
  }
  const shop = `${opts.orders.toLocaleString('en-US')} orders`;
  const all = `${documents.toLocaleString('en-US')} documents`;
  return [
    {
      name: `first sign-in, ${shop}: documents the device keeps`,
      unit: 'docs',
      better: 'lower',
      runs: kept,
      note: `of ${inShop.toLocaleString('en-US')} in the shop (${percent(documents, inShop)}); its orders came in over the last 14 days, so the sync scopes (open orders and those changed in the last ${ORDER_KEPT_DAYS} days) keep ${documents === inShop ? 'every one' : 'those'}`,
    },
    {
      name: `a shop with ${HISTORY_DAYS} days of history, ${shop}: orders a first sign-in brings`,
      unit: 'docs',
      better: 'lower',
      runs: [history.kept],
      note: `one count, of ${history.all.toLocaleString('en-US')} on the server (${percent(history.kept, history.all)}): the orders' sync scope keeps open orders and those changed in the last ${ORDER_KEPT_DAYS} days; the rest is searched on the server when asked for. Counted by the server for a first pull (x-syncline-fresh), the orders stored as last changed when they were`,
    },
    {
      name: `first sign-in, ${shop}: first rows on screen`,
      unit: 'ms',
      better: 'lower',
      runs: firstRows,
      note: 'Chromium, a fresh profile, the built control center opened on its orders page; from navigation',
    },
    {
      name: `first sign-in, ${shop}: the orders page answers a search`,
      unit: 'ms',
      better: 'lower',
      runs: usable,
      note: 'a search for the first row shown, typed as soon as it is there, while the rest still arrives',
    },
    {
      name: `opened again on a device holding ${shop}: first rows on screen`,
      unit: 'ms',
      better: 'lower',
      runs: reopenedRows,
      note: 'the orders page reloaded after everything synced, newest first: a window read from the far end of the number index on IndexedDB, the rows before it passed over on the index (dexie-windows.ts), from navigation',
    },
    {
      name: `first sign-in, ${shop}: everything synced`,
      unit: 'ms',
      better: 'lower',
      runs: synced,
      note: `${all} in all; until the status says "${SYNCED}". On the way it said: ${lastLabels}`,
    },
    {
      name: `first sign-in, ${shop}: replication rate`,
      unit: 'docs/s',
      better: 'higher',
      runs: rates,
      limit: { name: "the same documents written straight into RxDB's Dexie storage", runs: rxStorage },
      note: `from the first "Syncing" to "${SYNCED}"; IndexedDB alone (one store per collection, no indexes) took the same documents at ${Math.round(summarise(indexedDb).median).toLocaleString('en-US')} docs/s`,
    },
    {
      name: `first sign-in, ${shop}: replication rate / the same documents straight into its storage`,
      unit: '×',
      better: 'higher',
      runs: rates.map((rate, run) => rate / (rxStorage[run] as number)),
      goal: 0.5,
      note: "RxDB's Dexie storage, in batches of the pull's size, in the same page after the sign-in",
    },
    ...(estimates.length > 0
      ? [
          {
            name: `first sign-in, ${shop}: time left as estimated a quarter of the way / as it went`,
            unit: '×',
            better: 'higher',
            runs: estimates,
            note: 'the status\'s "about … left" a quarter of the way through, over the time the sync then took (1 is a true estimate)',
          } satisfies Figure,
        ]
      : []),
  ];
}

/** "…: about 40 s left." → 40; "about 3 min left" → 180; "less than 5 s left" → 2.5. */
function estimateSeconds(text: string): number {
  const minutes = /about (\d+) min left/.exec(text);
  if (minutes) return Number(minutes[1]) * 60;
  const secondsLeft = /about (\d+) s left/.exec(text);
  if (secondsLeft) return Number(secondsLeft[1]);
  return 2.5;
}
