// A fresh device never pushes back what it has just pulled (seen in the control center under load: two devices
// signed in, and one of them sent every customer and order it had pulled, each without an assumed state, so each
// came back as a conflict without a base; the person's next offline edit of such an order then met a conflict of its
// own). RxDB stores a pulled batch, then records it as the server's; its upstream pass, run again when the live
// stream connects, can read the batch in between. Here recording is slow on purpose, so the pass always does.
import { conflictsCollectionName, createSynclineDatabase, startReplication } from '@syncline/data';
import type { RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { expect, it } from 'vitest';
import { itemRules, itemSchema, itemServer } from './items';

const tenant = 'pulled-not-pushed-shop';
const suite = itemServer();
const graphql = (query: string, variables?: Record<string, unknown>) => suite.graphql(tenant, query, variables);

const pullAll = async () =>
  (
    (await graphql('query { pullItems(checkpoint: null, limit: 100) { documents { id title updatedAt } } }'))
      .pullItems as { documents: { id: string; title: string; updatedAt: number }[] }
  ).documents;

/** Memory storage whose replication records (RxDB's meta instances) are written 300 ms late. */
function slowRecords(): RxStorage<unknown, unknown> {
  const storage = getRxStorageMemory() as RxStorage<unknown, unknown>;
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = await storage.createStorageInstance(params);
      if (!params.collectionName.startsWith('rx-replication-meta')) return instance;
      const write = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return write(rows, context);
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
}

it('stores what it pulled as the server sent it, and sends none of it back', async () => {
  const seeded = Array.from({ length: 40 }, (_, i) => ({ id: `item-${i}`, title: `seeded ${i}`, qty: i }));
  await graphql('mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }', {
    rows: seeded.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })),
  });
  const before = await pullAll();
  expect(before).toHaveLength(40);

  const database = await createSynclineDatabase({
    name: `pulled${Date.now().toString(36)}`,
    collections: { items: itemSchema },
    mergeRules: { items: itemRules },
    storage: slowRecords(),
    multiInstance: false,
  });
  const pushed: string[] = [];
  const watching: typeof fetch = async (input, init) => {
    const body = String(init?.body ?? '');
    if (body.includes('pushItems')) {
      const rows = (JSON.parse(body) as { variables: { itemsPushRow: { newDocumentState: { id: string } }[] } })
        .variables.itemsPushRow;
      pushed.push(...rows.map((row) => row.newDocumentState.id));
    }
    return fetch(input, init);
  };
  const replication = startReplication({
    database,
    url: suite.server.url,
    wsUrl: suite.server.wsUrl,
    token: () => suite.server.token(tenant),
    fetch: watching,
  });
  try {
    await expect.poll(() => replication.store.getState().connection, { timeout: 10_000 }).toBe('online');
    await replication.awaitInSync();
    await expect.poll(() => database.items.count().exec(), { timeout: 10_000 }).toBe(40);
    // the stream reconnects (a new RESYNC pass meets the records still being written)
    await replication.syncNow();
    await replication.awaitInSync();

    expect(pushed).toEqual([]);
    expect(await database.collections[conflictsCollectionName]?.count().exec()).toBe(0);
    // the server's documents are as they were: nothing was written again
    expect(await pullAll()).toEqual(before);

    // a person's edit goes up with its base, and lands
    await (await database.items.findOne('item-3').exec())?.patch({ title: 'edited here' });
    await replication.awaitInSync();
    expect((await pullAll()).find((doc) => doc.id === 'item-3')?.title).toBe('edited here');
    expect(await database.collections[conflictsCollectionName]?.count().exec()).toBe(0);
    expect(pushed).toEqual(['item-3']);
  } finally {
    await replication.stop();
    await database.remove();
  }
});
