// Each write still on the device says what it is, as the queue shows it: a new document, an edit of the fields it
// changed since the server last had it, or a deletion; a refused write keeps saying so; and records stored by the
// version before (no operation, no fields) move up when the database opens.
import { createDemoData } from '@syncline/domain';
import type { RxJsonSchema } from 'rxdb';
import { expect, it } from 'vitest';
import { pendingChange, type SyncStateRecord, syncStateSchema } from '../src';
import { afterUpgrade, type Client, eventually, orderOnServer, serverPerTest, storeReaches } from './helpers';

const demo = createDemoData({ seed: 17, orders: 3, customers: 2, machines: 1 });
const orders = demo.orders.map((order) => ({ ...order, notes: 'Collar stain.' }));

const suite = serverPerTest();

const recordOf = async (client: Client, id: string) =>
  (await client.database.syncstate.findOne(`orders|${id}`).exec())?.toJSON() as SyncStateRecord | undefined;

it('names a new document, an edit of the fields it changed, and a deletion', async () => {
  const a = await suite.client();
  await storeReaches(a, (s) => s.connection === 'online');
  const [kept, edited, deleted] = orders as [(typeof orders)[0], (typeof orders)[0], (typeof orders)[0]];
  await a.database.orders.bulkInsert([edited, deleted]);
  await eventually(() => orderOnServer(suite.server, 'shop-1', deleted.id), Boolean);
  await eventually(
    () => a.database.syncstate.count().exec(),
    (count) => count === 0,
  );

  a.replication.pause();
  await a.database.orders.insert(kept);
  const editedDoc = await a.database.orders.findOne(edited.id).exec();
  await editedDoc?.incrementalPatch({ notes: 'Collar stain, both cuffs.' });
  await editedDoc?.getLatest().incrementalPatch({ priority: 'urgent', notes: 'Cuffs only.' });
  await (await a.database.orders.findOne(deleted.id).exec())?.remove();

  await eventually(
    async () => [await recordOf(a, kept.id), await recordOf(a, edited.id), await recordOf(a, deleted.id)],
    (records) => records.every(Boolean),
  );
  expect(await recordOf(a, kept.id)).toMatchObject({ state: 'pending', operation: 'create', fields: [] });
  expect(await recordOf(a, edited.id)).toMatchObject({ operation: 'update', fields: ['notes', 'priority'] });
  expect(await recordOf(a, deleted.id)).toMatchObject({ operation: 'delete' });

  // a creation stays a creation however often it is edited before the server has it
  await (await a.database.orders.findOne(kept.id).exec())?.incrementalPatch({ notes: 'New note.' });
  await eventually(
    () => recordOf(a, kept.id),
    (record) => record?.changedAt !== undefined && record.operation === 'create',
  );

  await a.replication.resume();
  await storeReaches(a, (s) => s.pendingCount === 0);
  for (const id of [kept.id, edited.id, deleted.id]) expect(await recordOf(a, id)).toBeUndefined();
});

it('gathers what a run of local writes amounts to', () => {
  const created = pendingChange(undefined, { operation: 'INSERT', previous: undefined, next: { id: 'o1', notes: '' } });
  expect(created).toEqual({ operation: 'create', fields: [] });
  const edit = pendingChange(undefined, {
    operation: 'UPDATE',
    previous: { id: 'o1', notes: 'a', priority: 'normal', updatedAt: 1, editedAt: 1 },
    next: { id: 'o1', notes: 'b', priority: 'normal', updatedAt: 2, editedAt: 2 },
  });
  // the server's clock and the edit clock are bookkeeping, not a person's edit; the base is where the edit began
  const base = JSON.stringify({ id: 'o1', notes: 'a', priority: 'normal', updatedAt: 1, editedAt: 1 });
  expect(edit).toEqual({ operation: 'update', fields: ['notes'], baseJson: base });
  expect(
    pendingChange(edit, { operation: 'UPDATE', previous: { id: 'o1', tags: [] }, next: { id: 'o1', tags: ['x'] } }),
  ).toEqual({ operation: 'update', fields: ['notes', 'tags'], baseJson: base });
  expect(pendingChange(edit, { operation: 'DELETE', previous: { id: 'o1' }, next: undefined })).toEqual({
    operation: 'delete',
    fields: [],
    baseJson: base,
  });
});

it('moves records of the previous version up: they read as edits', async () => {
  const { operation: _operation, fields: _fields, ...properties } = syncStateSchema.properties;
  const version0 = { ...syncStateSchema, version: 0, properties } as RxJsonSchema<SyncStateRecord>;
  const old = {
    id: 'orders|o-old',
    collectionName: 'orders',
    documentId: 'o-old',
    state: 'failed',
    error: 'refused',
    changedAt: 1,
  } as const;
  await afterUpgrade('syncstate', version0, old, async (after) => {
    const record = (await after.syncstate.findOne('orders|o-old').exec())?.toJSON();
    expect(record).toMatchObject({ state: 'failed', error: 'refused', documentId: 'o-old' });
    expect(record?.operation).toBeUndefined();
  });
});
