// Sync figures over loopback against the real server (SQLite, synchronous FULL, as `pnpm start` runs it), in its
// own process as deployed: initial pull into a fresh Node RxDB client, push of offline writes, and live propagation
// from one client to another with more clients connected. Beside each, in the same run, the raw engine doing the
// same storage work (better-sqlite3 plus JSON), so the reported figure is a ratio that survives a noisy machine; for
// pull and push, the same requests sent over HTTP with no RxDB client, to tell the server's share from the
// client's; and for pull, the client's storage alone taking the same documents, to tell RxDB's storage from
// replication. The goals for pull and push are ratios, so each is a figure of its own, run by run.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  collectionOperations,
  createSynclineDatabase,
  getMemoryStorage,
  type SynclineDatabase,
  type SynclineReplication,
  startReplication,
} from '@syncline/data';
import { createDemoData, generateOrders, type Order, orderSchema } from '@syncline/domain';
import { createSqliteStorage } from '@syncline/server';
import Database from 'better-sqlite3';
import { createClient } from 'graphql-ws';
import { createRevision, now, type RxCollection, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import WebSocket from 'ws';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { type Figure, percentile, summarise } from './harness';

export interface SyncBenchOptions {
  runs: number;
  pullSizes: readonly number[];
  pushSize: number;
  /** connected clients for the propagation rows */
  clientCounts: readonly number[];
  /** writes timed per propagation run */
  propagationWrites: number;
  /** documents per pull request (the data layer's default: 500) */
  pullBatchSize: number;
  /** documents per push request (the data layer's default: 100) */
  pushBatchSize: number;
  log?: (line: string) => void;
}

const collections = { orders: orderSchema };
const customers = createDemoData({ orders: 0, customers: 200 }).customers;

function orders(count: number, seed: number, firstNumber = 10_001): Order[] {
  return Array.from(generateOrders({ seed, count, customers, firstNumber }));
}

const rate = (documents: number, ms: number) => (documents / ms) * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Makes RxDB's memory storage apply the writes it holds back (at the next read of each collection; Syncline's applies them as they come). */
async function settle(database: SynclineDatabase) {
  for (const collection of Object.values(database.collections) as RxCollection[]) await collection.count().exec();
}

let databases = 0;
/**
 * A fresh database as the bench's clients open one: what a production build runs, no dev-mode, no schema validation
 * wrapper, Syncline's memory storage (what a Node client opens by default).
 */
function freshDatabase(prefix: string, storage: RxStorage<unknown, unknown> = getMemoryStorage() as never) {
  databases += 1;
  return createSynclineDatabase({
    name: `${prefix}${databases}${Date.now().toString(36)}`,
    collections,
    devMode: false,
    storage,
    multiInstance: false,
  });
}

async function openClient(server: ServerProcess, tenant: string, opts: SyncBenchOptions, start = true) {
  const database = await freshDatabase('bench');
  const token = await server.token(tenant, 'bench', '2h');
  const connect = () =>
    startReplication({
      database,
      url: server.url,
      wsUrl: server.wsUrl,
      token,
      batchSize: opts.pullBatchSize,
      pushBatchSize: opts.pushBatchSize,
      backoff: { initialMs: 50 },
    });
  const replication: SynclineReplication | null = start ? connect() : null;
  return {
    database,
    replication,
    connect,
    async close(other?: SynclineReplication | null) {
      await (other ?? replication)?.stop();
      await database.remove();
    },
  };
}

/**
 * Seeds a tenant's orders straight into the server's SQLite file, in the shape the server stores them (what a
 * push would have left: `updatedAt` from the tenant clock, the whole document as JSON). Returns them as stored,
 * made again each time asked: the bench's process holds none of them while a client pulls (a device would not, and
 * 100,000 orders held beside the client's own made its garbage collector's work grow with the shop).
 */
function seed(dbPath: string, tenant: string, make: () => readonly Order[]): () => Order[] {
  const db = new Database(dbPath);
  db.pragma('journal_mode = WAL');
  const insert = db.prepare(
    'insert into sync_documents (tenant, collection, id, updated_at, deleted, data) values (?, ?, ?, ?, 0, ?)',
  );
  const first = Date.now() + 1;
  let clock = first - 1;
  db.transaction(() => {
    for (const doc of make()) {
      clock += 1;
      insert.run(tenant, 'orders', doc.id, clock, JSON.stringify({ ...doc, updatedAt: clock, _deleted: false }));
    }
    db.prepare(
      'insert into sync_tenant_clocks (tenant, last_updated_at) values (?, ?) on conflict (tenant) do update set last_updated_at = excluded.last_updated_at',
    ).run(tenant, clock);
  })();
  db.close();
  return () => make().map((doc, at) => ({ ...doc, updatedAt: first + at }));
}

/**
 * The limit of a pull: the same keyset pages read with better-sqlite3, each page's documents parsed and encoded
 * as the answer's JSON, nothing else (no GraphQL, no HTTP, no RxDB).
 */
function rawRead(dbPath: string, tenant: string, expected: number, batchSize: number): number {
  const db = new Database(dbPath, { readonly: true });
  const page = db.prepare(
    `select id, updated_at, data from sync_documents where tenant = ? and collection = 'orders'
     and (updated_at, id) > (?, ?) order by updated_at, id limit ?`,
  );
  const started = performance.now();
  let after = { id: '', updatedAt: 0 };
  let read = 0;
  for (;;) {
    const rows = page.all(tenant, after.updatedAt, after.id, batchSize) as {
      id: string;
      updated_at: number;
      data: string;
    }[];
    if (rows.length === 0) break;
    const documents = rows.map((row) => JSON.parse(row.data) as unknown);
    const last = rows[rows.length - 1] as { id: string; updated_at: number };
    after = { id: last.id, updatedAt: last.updated_at };
    JSON.stringify({ data: { pullOrders: { documents, checkpoint: after } } });
    read += rows.length;
  }
  const ms = performance.now() - started;
  db.close();
  if (read !== expected) throw new Error(`Raw read found ${read} documents, expected ${expected}.`);
  return rate(read, ms);
}

/**
 * The limit of a push: the same documents inserted with better-sqlite3 in transactions of one request's batch,
 * each document JSON-encoded, in a table of the same shape and a file with the same pragmas (WAL, FULL).
 */
function rawInsert(dir: string, run: number, docs: readonly Order[], batchSize: number): number {
  const db = new Database(join(dir, `raw-insert-${run}.sqlite`));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`create table docs (tenant text not null, collection text not null, id text not null,
    updated_at integer not null, deleted integer not null, data text not null, primary key (tenant, collection, id));
    create index docs_pull on docs (tenant, collection, updated_at, id);`);
  const insert = db.prepare(
    `insert into docs (tenant, collection, id, updated_at, deleted, data) values ('t', 'orders', ?, ?, 0, ?)
     on conflict (tenant, collection, id) do update set updated_at = excluded.updated_at, data = excluded.data`,
  );
  const batch = db.transaction((rows: readonly Order[], clock: number) => {
    for (const doc of rows) {
      clock += 1;
      insert.run(doc.id, clock, JSON.stringify({ ...doc, updatedAt: clock, _deleted: false }));
    }
  });
  const started = performance.now();
  for (let start = 0; start < docs.length; start += batchSize) batch(docs.slice(start, start + batchSize), start);
  const ms = performance.now() - started;
  db.close();
  return rate(docs.length, ms);
}

const ordersOperations = collectionOperations('orders', orderSchema as RxJsonSchema<unknown>);

async function graphql(server: ServerProcess, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: { message: string }[] };
  if (!body.data || body.errors) throw new Error(`HTTP alone: ${body.errors?.[0]?.message ?? response.status}`);
  return body.data;
}

/** The server's share of a push: the same batches as the client sends, over HTTP, with no RxDB behind them. */
async function httpPush(server: ServerProcess, tenant: string, docs: readonly Order[], batchSize: number) {
  const token = await server.token(tenant, 'bench', '2h');
  const started = performance.now();
  for (let start = 0; start < docs.length; start += batchSize) {
    const rows = docs.slice(start, start + batchSize).map((doc) => ({ newDocumentState: { ...doc, _deleted: false } }));
    const data = await graphql(server, token, ordersOperations.push, { [ordersOperations.pushVariable]: rows });
    if ((data[ordersOperations.pushField] as unknown[]).length > 0) throw new Error('HTTP alone: conflicts');
  }
  return rate(docs.length, performance.now() - started);
}

/** The server's share of a pull: the same pages as the client asks for, over HTTP, with no RxDB behind them. */
async function httpPull(server: ServerProcess, tenant: string, expected: number, batchSize: number) {
  const token = await server.token(tenant, 'bench', '2h');
  const started = performance.now();
  let checkpoint: unknown = null;
  let read = 0;
  for (;;) {
    const data = await graphql(server, token, ordersOperations.pull, { checkpoint, limit: batchSize });
    const page = data[ordersOperations.pullField] as { documents: unknown[]; checkpoint: unknown };
    if (page.documents.length === 0) break;
    read += page.documents.length;
    checkpoint = page.checkpoint;
  }
  if (read !== expected) throw new Error(`HTTP alone pulled ${read} documents, expected ${expected}.`);
  return rate(read, performance.now() - started);
}

/**
 * The push's ratio to HTTP alone if the client did nothing but its storage writes, one after the other with the
 * requests: a request of n documents takes n / http, the writes n / writes, so the rate is 1 / (1 / http + 1 / writes).
 */
const writesBound = (http: readonly number[], writes: readonly number[]) => {
  const [h, w] = [summarise(http).median, summarise(writes).median];
  return w / (w + h);
};

const rounded = (values: readonly number[]) => Math.round(summarise(values).median).toLocaleString('en-US');

/** Per run, `figures` over `limits`: a ratio measured side by side, which a busy machine moves less than either. */
function ratioFigure(name: string, figures: readonly number[], limits: readonly number[], goal: number, note: string) {
  return {
    name,
    unit: '×',
    better: 'higher',
    runs: figures.map((value, run) => value / (limits[run] as number)),
    goal,
    note,
  } satisfies Figure;
}

/**
 * What the client's storage alone does with the documents of a pull: the same documents, in the same batches,
 * bulk-inserted into a fresh database of the same kind (Syncline's memory storage, no dev-mode), until applied; or
 * into RxDB's memory storage, which Node clients opened before.
 */
async function storageAlone(docs: readonly Order[], batchSize: number, rxdbMemory = false): Promise<number> {
  const database = await freshDatabase(
    'benchstorage',
    rxdbMemory ? (getRxStorageMemory() as RxStorage<unknown, unknown>) : undefined,
  );
  const started = performance.now();
  for (let at = 0; at < docs.length; at += batchSize) {
    await database.collections.orders?.bulkInsert(docs.slice(at, at + batchSize));
  }
  await settle(database);
  const ms = performance.now() - started;
  await database.remove();
  return rate(docs.length, ms);
}

interface PullRuns {
  size: number;
  rates: number[];
  http: number[];
  storage: number[];
  /** RxDB's memory storage alone, the same documents in the same batches */
  rxdbStorage: number[];
}

async function initialPull(server: ServerProcess, size: number, opts: SyncBenchOptions) {
  const tenant = `pull-${size}`;
  const stored = seed(server.dbPath, tenant, () => orders(size, size));
  const runs: PullRuns = { size, rates: [], http: [], storage: [], rxdbStorage: [] };
  const limit: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    // alternate which goes first, so neither always meets a warmer cache
    if (run % 2 === 1) limit.push(rawRead(server.dbPath, tenant, size, opts.pullBatchSize));
    const client = await openClient(server, tenant, opts, false);
    const started = performance.now();
    const replication = client.connect();
    await Promise.all(Object.values(replication.states).map((state) => state.awaitInitialReplication()));
    await settle(client.database);
    const ms = performance.now() - started;
    const count = await client.database.collections.orders?.count().exec();
    await client.close(replication);
    if (count !== size) throw new Error(`Initial pull of ${size} ended with ${count} documents.`);
    runs.rates.push(rate(size, ms));
    if (run % 2 === 0) limit.push(rawRead(server.dbPath, tenant, size, opts.pullBatchSize));
    runs.http.push(await httpPull(server, tenant, size, opts.pullBatchSize));
    runs.storage.push(await storageAlone(stored(), opts.pullBatchSize));
    runs.rxdbStorage.push(await storageAlone(stored(), opts.pullBatchSize, true));
    opts.log?.(
      `  pull ${size}: ${Math.round(runs.rates.at(-1) ?? 0)} docs/s (raw ${Math.round(limit.at(-1) ?? 0)}, ` +
        `HTTP alone ${Math.round(runs.http.at(-1) ?? 0)}, storage alone ${Math.round(runs.storage.at(-1) ?? 0)})`,
    );
  }
  const count = size.toLocaleString('en-US');
  const figures: Figure[] = [
    {
      name: `initial pull, ${count} orders`,
      unit: 'docs/s',
      better: 'higher',
      runs: runs.rates,
      goal: 25_000,
      limit: { name: 'raw SQLite read + JSON', runs: limit },
      note:
        `the same pages over HTTP alone (no RxDB) ran at ${rounded(runs.http)} docs/s in this run, and the client's ` +
        `storage alone (Syncline's memory storage, the same documents bulk-inserted in the same batches) at ${rounded(runs.storage)}` +
        ` (RxDB's memory storage: ${rounded(runs.rxdbStorage)}). ` +
        `Per request of ${opts.pullBatchSize}, the server reads one keyset page and shapes the documents in one pass`,
    },
    ratioFigure(
      `initial pull, ${count} orders: rate / the same pages over HTTP alone`,
      runs.rates,
      runs.http,
      0.5,
      "the server's share is the HTTP-alone rate; the rest is the client's (RxDB's replication and its storage)",
    ),
    ratioFigure(
      `initial pull, ${count} orders: rate / the client's storage alone`,
      runs.rates,
      runs.storage,
      0.5,
      'what replication adds over writing the same documents: the assumed-master state RxDB keeps per document, ' +
        'and the checkpoints',
    ),
  ];
  return { figures, runs };
}

/** The pull at the largest size against the smallest, run by run: does a document cost more in a bigger shop? */
function pullGrowth(small: PullRuns, large: PullRuns): Figure[] {
  const name = (what: string) =>
    `${what}, ${large.size.toLocaleString('en-US')} vs ${small.size.toLocaleString('en-US')} orders (rate ratio)`;
  const growth = (large: readonly number[], small: readonly number[]) =>
    summarise(large.map((value, run) => value / (small[run] as number))).median.toFixed(2);
  return [
    ratioFigure(
      name('initial pull'),
      large.rates,
      small.rates,
      0.9,
      `the client's storage alone (Syncline's memory storage) ran at ${growth(large.storage, small.storage)} of its ` +
        `own rate; RxDB's memory storage, which Node clients opened before, at ${growth(large.rxdbStorage, small.rxdbStorage)} ` +
        '(it merges each batch into sorted index arrays that it copies whole, so a document costs more as the ' +
        'collection grows). What still grows: the garbage collector over a larger heap, and index searches that ' +
        'reach past the CPU caches. The browser stores in IndexedDB instead',
    ),
    ratioFigure(
      name("the client's storage alone"),
      large.storage,
      small.storage,
      0.9,
      "Syncline's memory storage, no replication: each index a list of short sorted runs",
    ),
    ratioFigure(
      name("RxDB's memory storage alone"),
      large.rxdbStorage,
      small.rxdbStorage,
      0.9,
      'no replication; what Node clients opened before',
    ),
  ];
}

/**
 * What the client's storage alone does for a push, as the data layer does it once the server took a batch: each
 * document's pending record removed (the tracker's acknowledgement) and the server's clock written into each
 * document (its echo's), in batches of one request, on a database of the same kind holding the same offline
 * writes, until applied. No request, no RxDB replication: the writes a push cannot do without.
 */
async function pushWritesAlone(docs: readonly Order[], batchSize: number): Promise<number> {
  const database = await freshDatabase('benchpushwrites');
  const orders = database.collections.orders as RxCollection;
  const records = database.collections.syncstate as RxCollection;
  await orders.bulkInsert([...docs]);
  // the offline writes' pending records are stored a moment after the writes
  while ((await records.count().exec()) < docs.length) await sleep(10);
  await settle(database);
  const started = performance.now();
  let clock = Date.now();
  for (let at = 0; at < docs.length; at += batchSize) {
    const ids = docs.slice(at, at + batchSize).map((doc) => doc.id);
    await records.bulkRemove(ids.map((id) => `orders|${id}`));
    const current = await orders.storageInstance.findDocumentsById(ids, true);
    await orders.storageInstance.bulkWrite(
      current.map((doc) => {
        clock += 1;
        const next = { ...doc, updatedAt: clock, _meta: { ...doc._meta, lwt: now() } };
        return { previous: doc, document: { ...next, _rev: createRevision(database.token, doc) } };
      }),
      'replication-downstream-echo',
    );
  }
  await settle(database);
  const ms = performance.now() - started;
  await database.remove();
  return rate(docs.length, ms);
}

async function offlinePush(server: ServerProcess, opts: SyncBenchOptions, tempDir: string): Promise<Figure[]> {
  const runs: number[] = [];
  const limit: number[] = [];
  const http: number[] = [];
  const writes: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    const docs = orders(opts.pushSize, 1000 + run);
    if (run % 2 === 1) limit.push(rawInsert(tempDir, run, docs, opts.pushBatchSize));
    const tenant = `push-${run}`;
    const client = await openClient(server, tenant, opts, false);
    // written offline: nothing replicates yet, every write is pending
    await client.database.collections.orders?.bulkInsert(docs);
    // the writes were made long before the device comes back: the memory storage applies them lazily, at the
    // next read, which must not be counted as the push's work
    await settle(client.database);
    const started = performance.now();
    const replication = client.connect();
    await replication.awaitInSync();
    const ms = performance.now() - started;
    await client.close(replication);
    const storage = createSqliteStorage({ path: server.dbPath });
    const onServer = await storage.pull({ tenant, collection: 'orders', after: null, limit: opts.pushSize + 1 });
    await storage.close();
    if (onServer.length !== opts.pushSize) throw new Error(`Push left ${onServer.length} documents on the server.`);
    runs.push(rate(opts.pushSize, ms));
    if (run % 2 === 0) limit.push(rawInsert(tempDir, run, docs, opts.pushBatchSize));
    http.push(await httpPush(server, `push-http-${run}`, docs, opts.pushBatchSize));
    writes.push(await pushWritesAlone(docs, opts.pushBatchSize));
    opts.log?.(
      `  push ${opts.pushSize}: ${Math.round(runs.at(-1) ?? 0)} docs/s (raw ${Math.round(limit.at(-1) ?? 0)}, HTTP alone ${Math.round(http.at(-1) ?? 0)}, storage writes alone ${Math.round(writes.at(-1) ?? 0)})`,
    );
  }
  const push: Figure = {
    name: `push of ${opts.pushSize.toLocaleString('en-US')} offline writes, acknowledged`,
    unit: 'docs/s',
    better: 'higher',
    runs,
    goal: 10_000,
    limit: { name: 'raw SQLite batched insert (FULL)', runs: limit },
    note:
      `the same batches pushed over HTTP alone (no RxDB) ran at ${rounded(http)} docs/s in this run. ` +
      `Per request of ${opts.pushBatchSize}, the server reads the masters in one statement, writes in one, and fsyncs once`,
  };
  return [
    push,
    ratioFigure(
      `push of ${opts.pushSize.toLocaleString('en-US')} offline writes: rate / the same batches over HTTP alone`,
      runs,
      http,
      0.5,
      "the client's share: RxDB's upstream (a query for what changed, the assumed-master state of each document), " +
        "the data layer's acknowledgements, and writing the server's clock from each echo into the document. " +
        `Those two writes alone (each pending record removed, each document given the server's clock, in the same ` +
        `batches, Syncline's memory storage) ran at ${rounded(writes)} docs/s in this run: were the client to do nothing ` +
        `else, one after the other with the requests they would leave it at ${writesBound(http, writes).toFixed(2)}`,
    ),
  ];
}

/** A stock graphql-ws subscriber on the orders stream: a connected client the server must fan out to. */
async function openListener(server: ServerProcess, tenant: string, onDocument: (id: string) => void) {
  const token = await server.token(tenant, 'listener', '2h');
  const headers = { Authorization: `Bearer ${token}` };
  const client = createClient({
    url: server.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { headers },
    lazy: false,
    retryAttempts: 0,
  });
  const operations = collectionOperations('orders', orderSchema as RxJsonSchema<unknown>);
  const ready = new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
    client.on('error', reject);
  });
  const unsubscribe = client.subscribe<{ streamOrders: { documents: { id: string }[] } }>(
    { query: operations.stream, variables: { headers } },
    {
      next: (message) => {
        for (const doc of message.data?.streamOrders.documents ?? []) onDocument(doc.id);
      },
      error: () => {},
      complete: () => {},
    },
  );
  await ready;
  return async () => {
    unsubscribe();
    await client.dispose();
  };
}

async function propagation(server: ServerProcess, clients: number, opts: SyncBenchOptions): Promise<Figure[]> {
  const p50: number[] = [];
  const p95: number[] = [];
  const p99: number[] = [];
  const listenersP99: number[] = [];
  for (let run = 0; run < opts.runs; run++) {
    const tenant = `live-${clients}-${run}`;
    const writer = await openClient(server, tenant, opts);
    const reader = await openClient(server, tenant, opts);
    await Promise.all([writer.replication?.awaitInSync(), reader.replication?.awaitInSync()]);
    // client B is an RxDB client; the other connected clients are stock graphql-ws subscribers on the same stream
    const writtenAt = new Map<string, number>();
    const arrived = new Map<string, (at: number) => void>();
    const listenerLatencies: number[] = [];
    const closers = await Promise.all(
      Array.from({ length: clients - 1 }, () =>
        openListener(server, tenant, (id) => {
          const at = writtenAt.get(id);
          if (at !== undefined) listenerLatencies.push(performance.now() - at);
        }),
      ),
    );
    const subscription = reader.database.collections.orders?.insert$.subscribe((event) => {
      arrived.get(event.documentId)?.(performance.now());
    });
    // wait until the reader's stream is live before timing
    await sleep(300);
    const latencies: number[] = [];
    const docs = orders(opts.propagationWrites, 5000 + run);
    for (const doc of docs) {
      const seen = new Promise<number>((resolve) => arrived.set(doc.id, resolve));
      const started = performance.now();
      writtenAt.set(doc.id, started);
      await writer.database.collections.orders?.insert(doc);
      const at = await Promise.race([seen, sleep(10_000).then(() => Number.NaN)]);
      if (Number.isNaN(at)) throw new Error(`Order ${doc.id} never reached client B.`);
      latencies.push(at - started);
      // writes a person makes are spaced; do not time a queue of back-to-back pushes
      await sleep(5);
    }
    subscription?.unsubscribe();
    await Promise.all(closers.map((close) => close()));
    await writer.close();
    await reader.close();
    p50.push(percentile(latencies, 50));
    p95.push(percentile(latencies, 95));
    p99.push(percentile(latencies, 99));
    if (listenerLatencies.length > 0) listenersP99.push(percentile(listenerLatencies, 99));
    opts.log?.(
      `  propagation, ${clients} clients: p50 ${p50.at(-1)?.toFixed(1)} p99 ${p99.at(-1)?.toFixed(1)} ms` +
        (listenerLatencies.length ? ` (subscribers p99 ${listenersP99.at(-1)?.toFixed(1)} ms)` : ''),
    );
  }
  const name = (p: string) => `propagation A→B ${p}, ${clients} connected client${clients === 1 ? '' : 's'}`;
  const figures: Figure[] = [
    { name: name('p50'), unit: 'ms', better: 'lower', runs: p50 },
    { name: name('p95'), unit: 'ms', better: 'lower', runs: p95 },
    { name: name('p99'), unit: 'ms', better: 'lower', runs: p99, ...(clients >= 100 ? { goal: 50 } : {}) },
  ];
  if (listenersP99.length > 0) {
    figures.push({
      name: `stream delivery p99 to the other ${clients - 1} subscribers (write → message)`,
      unit: 'ms',
      better: 'lower',
      runs: listenersP99,
    });
  }
  return figures;
}

export async function runSyncBench(opts: SyncBenchOptions): Promise<Figure[]> {
  // the server pulls at most 1000 documents per request unless told otherwise
  if (opts.pullBatchSize > 1000) throw new Error("A pull batch above the server's limit of 1000 would be refused.");
  // `syncline-server` in its own process, as deployed
  const server = await startServerProcess({ collections });
  const tempDir = join(server.dbPath, '..');
  const figures: Figure[] = [];
  try {
    const pulls: PullRuns[] = [];
    for (const size of opts.pullSizes) {
      const pull = await initialPull(server, size, opts);
      figures.push(...pull.figures);
      pulls.push(pull.runs);
    }
    const [smallest, largest] = [pulls[0], pulls.at(-1)];
    if (smallest && largest && largest !== smallest) figures.push(...pullGrowth(smallest, largest));
    figures.push(...(await offlinePush(server, opts, tempDir)));
    for (const clients of opts.clientCounts) figures.push(...(await propagation(server, clients, opts)));
  } finally {
    await server.close();
  }
  return figures;
}
