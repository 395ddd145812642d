// Sync in priority classes, against a real sync server: a device that comes back with writes waiting in a critical
// collection (class 0) and in a history collection (class 3), while both changed on the server, sends and fetches
// everything critical first; the history collection only asks how much is coming until then. The status says
// "critical data synced" (prioritySynced) before the history is in.
import { startTestServer, type TestServer } from '@syncline/server/testing';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSynclineDatabase, prioritySynced, type SyncStatus, startReplication } from '../src';
import { type Task, taskSchema } from './task-schemas';

const alarms = { ...taskSchema, sync: { priority: 0 } } as RxJsonSchema<Task>;
const history = { ...taskSchema, sync: { priority: 3 } } as RxJsonSchema<Task>;

type Entry = Omit<Task, 'done'> & { done?: boolean; listId?: string };
const listSchema = { ...taskSchema, sync: { priority: 1 } } as RxJsonSchema<Task>;
/** An entry points to its list: a list new on the device goes up before its entries. */
const entrySchema = {
  ...taskSchema,
  properties: { ...taskSchema.properties, listId: { type: 'string' } },
  required: ['id', 'title'],
  sync: { priority: 1, references: { listId: 'lists' } },
} as unknown as RxJsonSchema<Entry>;

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ collections: { alarms, history, lists: listSchema, entries: entrySchema } });
});
afterAll(async () => {
  await server?.close();
});

/** The server's answers, in the order they came: the operation per request; `slow` ones answer 300 ms late. */
function recordingFetch(log: string[], slow: readonly string[] = []): typeof fetch {
  return async (input, init) => {
    const body = JSON.parse(String(init?.body ?? '{}')) as { query?: string; variables?: { limit?: number } };
    const operation = /(?:query|mutation) (\w+)/.exec(body.query ?? '')?.[1] ?? 'unknown';
    const response = await fetch(input, init);
    if (slow.includes(operation)) await new Promise((resolve) => setTimeout(resolve, 300));
    log.push(body.variables?.limit === 1 ? `${operation} (count)` : operation);
    return response;
  };
}

async function push(tenant: string, collection: 'Alarms' | 'History', id: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
    body: JSON.stringify({
      query: `mutation($rows: [${collection}InputPushRow!]) { push${collection}(${collection.toLowerCase()}PushRow: $rows) { id } }`,
      variables: { rows: [{ newDocumentState: { id, title: `${id} from the server`, done: false, _deleted: false } }] },
    }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
}

describe('sync priorities', () => {
  it('sends and fetches the critical class before history, and says when the critical data is in', async () => {
    const tenant = `priorities-${Date.now().toString(36)}`;
    for (let i = 0; i < 3; i++) {
      await push(tenant, 'Alarms', `alarm-server-${i}`);
      await push(tenant, 'History', `history-server-${i}`);
    }
    const database = await createSynclineDatabase({
      name: `priorities${Date.now().toString(36)}`,
      collections: { alarms, history },
      multiInstance: false,
    });
    // written offline: both wait to be sent when the device connects
    await database.alarms.bulkInsert([{ id: 'alarm-local', title: 'Drain pump blocked', done: false }]);
    await database.history.bulkInsert([{ id: 'history-local', title: 'Cycle 512 done', done: false }]);

    const log: string[] = [];
    const seen: Array<{ critical: boolean; historyIn: boolean }> = [];
    const replication = startReplication({
      database,
      url: server.url,
      wsUrl: server.wsUrl,
      token: () => server.token(tenant),
      fetch: recordingFetch(log),
      backoff: { initialMs: 50, maxMs: 400 },
    });
    const historyIn = () => log.includes('PullHistory') && log.includes('PushHistory');
    replication.store.subscribe((status: SyncStatus) => {
      seen.push({ critical: prioritySynced(status, 0), historyIn: historyIn() });
    });
    try {
      await replication.awaitInSync();
      await expect.poll(() => prioritySynced(replication.store.getState(), 3)).toBe(true);

      // the alarms' write went and their documents came before history sent its write or fetched its documents
      const historyWork = log.findIndex(
        (entry) => entry === 'PushHistory' || (entry.startsWith('PullHistory') && !entry.endsWith('(count)')),
      );
      expect(log).toContain('PushAlarms');
      expect(log).toContain('PullAlarmsCounting');
      expect(log).toContain('PushHistory');
      expect(historyWork, log.join('\n')).toBeGreaterThan(log.indexOf('PushAlarms'));
      expect(historyWork, log.join('\n')).toBeGreaterThan(log.indexOf('PullAlarmsCounting'));
      // the history collection said how much was coming before its turn: the progress had its whole total at once
      expect(log.indexOf('PullHistoryCounting (count)')).toBeGreaterThanOrEqual(0);
      expect(log.indexOf('PullHistoryCounting (count)')).toBeLessThan(historyWork);

      // the status told "critical data synced" while history was not in yet
      expect(seen.some((state) => state.critical && !state.historyIn)).toBe(true);
      expect((await database.alarms.find().exec()).map((doc) => doc.id).sort()).toEqual([
        'alarm-local',
        'alarm-server-0',
        'alarm-server-1',
        'alarm-server-2',
      ]);
      expect(await database.history.count().exec()).toBe(4);

      // paused (as offline), both sides write again; on resuming, the same order
      await replication.pause();
      await database.alarms.insert({ id: 'alarm-later', title: 'Door open', done: false });
      await database.history.insert({ id: 'history-later', title: 'Cycle 513 done', done: false });
      await push(tenant, 'Alarms', 'alarm-server-later');
      await push(tenant, 'History', 'history-server-later');
      log.length = 0;
      await replication.resume();
      await replication.awaitInSync();
      await expect.poll(() => prioritySynced(replication.store.getState(), 3)).toBe(true);
      const laterHistory = log.findIndex((entry) => entry === 'PushHistory' || entry.startsWith('PullHistory'));
      expect(laterHistory, log.join('\n')).toBeGreaterThan(log.indexOf('PushAlarms'));
      expect(laterHistory, log.join('\n')).toBeGreaterThan(log.findIndex((entry) => entry.startsWith('PullAlarms')));
      expect(await database.alarms.count().exec()).toBe(6);
      expect(await database.history.count().exec()).toBe(6);
    } finally {
      await replication.stop();
      await database.remove();
    }
  });

  it('pushes a list new on the device before the entries that point to it, however slow its answer', async () => {
    const tenant = `parents-${Date.now().toString(36)}`;
    const database = await createSynclineDatabase({
      name: `parents${Date.now().toString(36)}`,
      collections: { lists: listSchema, entries: entrySchema },
      multiInstance: false,
    });
    await database.lists.insert({ id: 'list-1', title: 'Counter', done: false });
    await database.entries.bulkInsert([
      { id: 'entry-1', title: 'Shirts', listId: 'list-1' },
      { id: 'entry-2', title: 'Loose', listId: '' },
    ]);
    const log: string[] = [];
    const replication = startReplication({
      database,
      url: server.url,
      wsUrl: server.wsUrl,
      token: () => server.token(tenant),
      fetch: recordingFetch(log, ['PushLists']),
      backoff: { initialMs: 50, maxMs: 400 },
    });
    try {
      await replication.awaitInSync();
      expect(log.indexOf('PushLists'), log.join('\n')).toBeGreaterThanOrEqual(0);
      expect(log.indexOf('PushEntries'), log.join('\n')).toBeGreaterThan(log.indexOf('PushLists'));
      expect(replication.store.getState().pendingCount).toBe(0);
    } finally {
      await replication.stop();
      await database.remove();
    }
  });

  it('refuses references to a parent that syncs later, naming both, and opens nothing', async () => {
    const later = { ...listSchema, sync: { priority: 2 } } as RxJsonSchema<Task>;
    await expect(
      createSynclineDatabase({
        name: `laterparent${Date.now().toString(36)}`,
        collections: { lists: later, entries: entrySchema },
      }),
    ).rejects.toThrow(
      'The "entries" schema\'s "sync.references" points "listId" to "lists", which syncs in a later class (2) than "entries" (1): a parent syncs in the same class or earlier. Nothing was opened.',
    );
  });

  it('refuses a schema whose priority is not a class, saying what it takes, and opens nothing', async () => {
    const wrong = { ...taskSchema, sync: { priority: 7 } } as RxJsonSchema<Task>;
    await expect(
      createSynclineDatabase({ name: `wrongpriority${Date.now().toString(36)}`, collections: { wrong } }),
    ).rejects.toThrow('The "wrong" schema: "sync.priority" must be 0, 1, 2 or 3 (0 syncs first); it is 7.');
  });
});
