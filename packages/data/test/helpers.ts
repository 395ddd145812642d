// Shared by the suites that run against a real sync server: clients with their own in-memory database, and a way
// to wait for what a user would eventually see.
import {
  type ControlCenterDocuments,
  controlCenterMergeRules,
  controlCenterMigrations,
  controlCenterSchemas,
} from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, beforeEach, expect } from 'vitest';
import {
  createSynclineDatabase,
  type StartReplicationOptions,
  type SynclineDatabase,
  type SyncStatus,
  type SyncStore,
  startReplication,
} from '../src';

let clients = 0;

/**
 * RxDB's open-source build allows 13 collections per JavaScript realm, not per database: a process running
 * several clients opens only the collections its test needs (each client adds Syncline's 2 local ones).
 */
const testCollections = { orders: controlCenterSchemas.orders, customers: controlCenterSchemas.customers };

export async function openClient(server: TestServer, tenant: string, extra: Partial<StartReplicationOptions> = {}) {
  clients += 1;
  const database = await createSynclineDatabase({
    name: `client${clients}${Date.now().toString(36)}`,
    collections: testCollections,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
  });
  const replication = startReplication({
    database,
    url: server.url,
    wsUrl: server.wsUrl,
    token: () => server.token(tenant),
    backoff: { initialMs: 50, maxMs: 400 },
    ...extra,
  });
  return {
    database,
    replication,
    status: () => replication.store.getState(),
    async close() {
      await replication.stop();
      await database.remove();
    },
  };
}

export type Client = Awaited<ReturnType<typeof openClient>>;

/** The tasks of a test database replicated with a test server for a tenant, retrying quickly (50 to 400 ms). */
export function replicateTasks(
  database: StartReplicationOptions['database'],
  server: TestServer,
  tenant: string,
  extra: Partial<StartReplicationOptions> = {},
) {
  return startReplication({
    database,
    url: server.url,
    wsUrl: server.wsUrl,
    token: () => server.token(tenant),
    collections: ['tasks'],
    backoff: { initialMs: 50, maxMs: 400 },
    ...extra,
  });
}

/**
 * A sync server of the control center's schemas for each test of the suite, and clients on it (`client()`), all
 * closed after the test. Call at the suite's top level; read `server` inside the tests.
 */
export function serverPerTest() {
  const suite = {
    server: undefined as unknown as TestServer,
    clients: [] as Client[],
    async client(tenant = 'shop-1') {
      const opened = await openClient(suite.server, tenant);
      suite.clients.push(opened);
      return opened;
    },
  };
  beforeEach(async () => {
    suite.server = await startTestServer({ collections: controlCenterSchemas });
  });
  afterEach(async () => {
    await Promise.all(suite.clients.splice(0).map((client) => client.close()));
    await suite.server.close();
  });
  return suite;
}

/** Resolves when the store satisfies `test`; rejects with the last status after `timeoutMs`. */
export function storeReaches(
  client: { replication: { store: SyncStore } },
  test: (status: SyncStatus) => boolean,
  timeoutMs = 15_000,
) {
  return new Promise<SyncStatus>((resolve, reject) => {
    const store = client.replication.store;
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`Sync status never got there; last: ${JSON.stringify(store.getState())}`));
    }, timeoutMs);
    const stop = store.subscribe((status) => {
      if (test(status)) {
        clearTimeout(timer);
        stop();
        resolve(status);
      }
    });
  });
}

/**
 * A gate a request waits at (`pass`) until the test opens it; `reached` resolves once one waits. Open, it lets every
 * later one through.
 */
export function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  let arrive = () => {};
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return {
    reached,
    open,
    async pass() {
      arrive();
      await opened;
    },
  };
}

export type Gate = ReturnType<typeof gate>;

/** Polls `read` until `test` holds (for state spread over several clients); rejects after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, test: (value: T) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!test(last)) {
    if (Date.now() > deadline) throw new Error(`Never converged; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

/** The order as a client holds it, without storage bookkeeping. */
export async function orderOn(client: Client, id: string): Promise<ControlCenterDocuments['orders'] | null> {
  const doc = await client.database.orders.findOne(id).exec();
  return doc ? (doc.toJSON() as ControlCenterDocuments['orders']) : null;
}

/** The order as the server holds it, read with a plain GraphQL pull from the start. */
export async function orderOnServer(server: TestServer, tenant: string, id: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
    body: JSON.stringify({
      query:
        'query($limit: Int!) { pullOrders(checkpoint: null, limit: $limit) { documents { id status notes tags labelPrints assignedMachineId priority _deleted } } }',
      variables: { limit: 1000 },
    }),
  });
  const body = (await response.json()) as { data: { pullOrders: { documents: Record<string, unknown>[] } } };
  return body.data.pullOrders.documents.find((doc) => doc.id === id) ?? null;
}

/** Sends push rows to a server's tasks as a stock client (another device) does, and expects every one taken. */
export async function pushTasksTaken(server: TestServer, token: string, rows: readonly object[]) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($rows: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $rows) { id } }',
      variables: { rows },
    }),
  });
  const answer = (await response.json()) as { errors?: unknown; data?: { pushTasks: unknown[] } };
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.pushTasks, 'no conflicts').toEqual([]);
}

/** The tasks the server holds for `tenant` (each with `fields`), read with a plain GraphQL pull from the start. */
export async function tasksOnServer<T>(server: TestServer, tenant: string, fields: string): Promise<T[]> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
    body: JSON.stringify({ query: `{ pullTasks(checkpoint: null, limit: 1000) { documents { ${fields} } } }` }),
  });
  const body = (await response.json()) as { data: { pullTasks: { documents: T[] } } };
  return body.data.pullTasks.documents;
}

/**
 * Stores `record` in one of Syncline's local collections as an earlier schema version held it, then opens the
 * database as it is now (its migrations run) and hands it to `check`; the database is removed after.
 */
export async function afterUpgrade<T>(
  collectionName: 'conflicts' | 'syncstate',
  previousSchema: RxJsonSchema<T>,
  record: T,
  check: (database: SynclineDatabase<{ orders: typeof controlCenterSchemas.orders }>) => Promise<void>,
) {
  const storage = getRxStorageMemory();
  const name = `upgrade${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // as dev-mode asks of every storage in tests
  const before = await createRxDatabase({
    name,
    storage: wrappedValidateAjvStorage({ storage }),
    multiInstance: false,
  });
  await before.addCollections({ [collectionName]: { schema: previousSchema } });
  await before.collections[collectionName]?.insert(record);
  await before.close();
  const after = await createSynclineDatabase({
    name,
    storage,
    collections: { orders: controlCenterSchemas.orders },
    migrationStrategies: controlCenterMigrations,
    multiInstance: false,
  });
  try {
    await check(after);
  } finally {
    await after.remove();
  }
}
