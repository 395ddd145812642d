// Faults on the client side: the device's storage refuses writes (an IndexedDB quota error), a reload in the middle
// of a push (a persisted Dexie storage on fake-indexeddb, closed with the push in flight and opened again), and a
// pause while the server cannot be reached. Each shows the person a state they can act on and loses nothing.
import { createSynclineDatabase, type SynclineReplication, type SyncStatus, startReplication } from '@syncline/data';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy';
import { itemRules, itemSchema, openItemDevice } from './items';

let server: TestServer;
let tenantCount = 0;

beforeAll(async () => {
  server = await startTestServer({ collections: { items: itemSchema } });
});

afterAll(async () => {
  await server.close();
});

const nextTenant = () => `faults-${++tenantCount}-${Date.now().toString(36)}`;

/** Every storage write fails with the browser's quota error while `full` is set. */
function quotaStorage(inner: RxStorage<unknown, unknown>) {
  const state = { full: false, refused: 0 };
  const storage: RxStorage<unknown, unknown> = {
    ...inner,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, unknown>) {
      const instance = (await inner.createStorageInstance(params)) as RxStorageInstance<T, unknown, unknown>;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        if (state.full) {
          state.refused += 1;
          const error = new Error('The quota has been exceeded.');
          error.name = 'QuotaExceededError';
          return Promise.reject(error);
        }
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
  return { storage, state };
}

async function serverItems(tenant: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
    body: JSON.stringify({
      query: 'query { pullItems(checkpoint: null, limit: 1000) { documents { id title qty _deleted } } }',
    }),
  });
  const body = (await response.json()) as { data: { pullItems: { documents: Array<Record<string, unknown>> } } };
  return body.data.pullItems.documents;
}

function until(replication: SynclineReplication, test: (status: SyncStatus) => boolean, timeoutMs = 20_000) {
  return new Promise<SyncStatus>((resolve, reject) => {
    const store = replication.store;
    if (test(store.getState())) return resolve(store.getState());
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`the sync status never got there; last ${JSON.stringify(store.getState())}`));
    }, timeoutMs);
    const stop = store.subscribe((status) => {
      if (!test(status)) return;
      clearTimeout(timer);
      stop();
      resolve(status);
    });
  });
}

async function poll<T>(read: () => Promise<T>, test: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!test(value)) {
    if (Date.now() > deadline) throw new Error(`never got there; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

describe('client faults', () => {
  it('a storage quota error shows as a local failure, retries, and loses nothing', async () => {
    const tenant = nextTenant();
    const quota = quotaStorage(getRxStorageMemory() as RxStorage<unknown, unknown>);
    const { database, replication } = await openItemDevice(server, tenant, {
      name: 'quota',
      database: { storage: quota.storage },
    });
    const items = database.collections.items;
    if (!items) throw new Error('no items');
    await until(replication, (s) => s.connection === 'online');
    await items.insert({ id: 'mine-1', title: 'written before the disk filled', qty: 1 });
    await replication.awaitInSync();

    // the device's storage is full: a person's write is refused with the browser's own error, nothing changes
    quota.state.full = true;
    await expect(items.insert({ id: 'mine-2', title: 'no room', qty: 2 })).rejects.toThrow(/quota/i);
    // another device writes meanwhile: this one cannot store it, and says so
    const other = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
      body: JSON.stringify({
        query: 'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }',
        variables: {
          rows: Array.from({ length: 5 }, (_, i) => ({
            newDocumentState: { id: `theirs-${i}`, title: `from elsewhere ${i}`, qty: i, _deleted: false },
          })),
        },
      }),
    });
    expect(other.ok).toBe(true);
    const failed = await until(replication, (s) => s.lastError?.kind === 'local');
    expect(failed.lastError?.message).toMatch(/quota/i);
    expect(quota.state.refused).toBeGreaterThan(1);

    // room again: a retry brings everything, and what was written before is intact
    quota.state.full = false;
    await items.insert({ id: 'mine-2', title: 'room again', qty: 2 });
    await poll(
      async () => {
        await Promise.race([replication.syncNow(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
        return (await items.find().exec()).map((doc) => doc.id).sort();
      },
      (ids) => ids.length === 7,
    );
    await until(replication, (s) => s.pendingCount === 0 && s.lastError === null);
    expect((await serverItems(tenant)).map((doc) => doc.id).sort()).toEqual([
      'mine-1',
      'mine-2',
      'theirs-0',
      'theirs-1',
      'theirs-2',
      'theirs-3',
      'theirs-4',
    ]);
    expect((await items.findOne('mine-1').exec())?.get('title')).toBe('written before the disk filled');
    await replication.stop();
    await database.remove();
  });

  it('a reload in the middle of a push loses nothing (Dexie on fake-indexeddb)', async () => {
    const tenant = nextTenant();
    const name = `reload${Date.now().toString(36)}`;
    const storage = getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>;
    const open = () =>
      createSynclineDatabase({
        name,
        collections: { items: itemSchema },
        mergeRules: { items: itemRules },
        storage,
        multiInstance: false,
      });

    // first session: every push reaches the server, and the page goes away before the answer comes back
    let pushesSent = 0;
    const answerNever: typeof fetch = async (input, init) => {
      const body = String(init?.body ?? '');
      if (!body.includes('pushItems')) return fetch(input, init);
      pushesSent += 1;
      await fetch(input, { ...init, signal: null });
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new TypeError('fetch failed (the page went away)')));
      });
    };
    const first = await open();
    const firstReplication = startReplication({
      database: first,
      url: server.url,
      wsUrl: server.wsUrl,
      token: () => server.token(tenant),
      backoff: { initialMs: 50, maxMs: 300 },
      requestTimeoutMs: 60_000,
      fetch: answerNever,
    });
    await until(firstReplication, (s) => s.connection === 'online');
    const firstItems = first.collections.items;
    if (!firstItems) throw new Error('no items');
    await firstItems.bulkInsert(
      Array.from({ length: 20 }, (_, i) => ({ id: `order-${i}`, title: `written offline ${i}`, qty: i })),
    );
    await poll(
      async () => pushesSent,
      (sent) => sent > 0,
    );
    await poll(
      async () => (await serverItems(tenant)).length,
      (count) => count === 20,
    );
    expect(firstReplication.store.getState().pendingCount).toBe(20);
    // the reload: the replication is torn down with the push unanswered, the database closed
    await firstReplication.stop();
    await first.close();

    // second session: the same storage, the writes are still pending, and they sync (a retry the server takes once)
    const second = await open();
    const pending = await second.collections.syncstate?.find().exec();
    expect(pending?.length).toBe(20);
    expect(await second.collections.items?.count().exec()).toBe(20);
    const secondReplication = startReplication({
      database: second,
      url: server.url,
      wsUrl: server.wsUrl,
      token: () => server.token(tenant),
      backoff: { initialMs: 50, maxMs: 300 },
    });
    await until(secondReplication, (s) => s.pendingCount === 0 && s.connection === 'online');
    const onServer = await serverItems(tenant);
    expect(onServer.map((doc) => doc.title).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `written offline ${i}`).sort(),
    );
    expect(await second.collections.conflicts?.count().exec()).toBe(0);
    await secondReplication.stop();
    await second.remove();
  });

  it('pauses and stops cleanly while the server cannot be reached', async () => {
    const tenant = nextTenant();
    const proxy: FaultProxy = await startFaultProxy({
      targetPort: server.port,
      random: Math.random,
      lifetimeMs: 60_000,
    });
    const { database, replication } = await openItemDevice(server, tenant, {
      name: 'unreachable',
      replication: {
        url: `http://127.0.0.1:${proxy.port}/graphql`,
        wsUrl: `ws://127.0.0.1:${proxy.port}/graphql`,
        backoff: { initialMs: 50, maxMs: 200 },
        requestTimeoutMs: 1_000,
      },
    });
    await until(replication, (s) => s.connection === 'online');
    proxy.fault('drop', 30_000);
    await database.collections.items?.insert({ id: 'kept', title: 'written with no network', qty: 1 });
    await until(replication, (s) => s.connection === 'offline');
    // the live socket is reconnecting against nothing: pausing must not fail with its raw error event
    await expect(replication.pause()).resolves.toBeUndefined();
    await replication.resume();
    await expect(replication.stop()).resolves.toBeUndefined();
    expect((await database.collections.syncstate?.findOne('items|kept').exec())?.get('state')).toBe('pending');
    await database.remove();
    await proxy.close();
  });
});
