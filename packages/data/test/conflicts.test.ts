// Conflict records and their resolution on a local database, through the same conflict handler the replication
// calls: every choice (local, server, base, a typed value) ends up in the document as a normal pending write,
// and delete versus edit is a decision too.
import { controlCenterMergeRules, controlCenterSchemas, createDemoData, type Order } from '@syncline/domain';
import type { WithDeleted } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createConflictHandler, pruneResolvedConflicts, resolveConflict, type SynclineDatabase } from '../src';
import { openLocalDatabase } from './open-local';

const [order] = createDemoData({ seed: 8, orders: 1 }).orders;
if (!order) throw new Error('no demo order');
const base: WithDeleted<Order> = { ...order, notes: 'Base notes', priority: 'normal', _deleted: false };
const schemas = { orders: controlCenterSchemas.orders };
let database: SynclineDatabase<typeof schemas>;

beforeEach(async () => {
  database = await openLocalDatabase('conflicts', schemas);
});

afterEach(async () => {
  await database.remove();
});

/** What the replication does on a push conflict: merge, record, write the merged state locally. */
async function meetConflict(local: WithDeleted<Order>, server: WithDeleted<Order>) {
  const handler = createConflictHandler<Order>(() => database, 'orders', controlCenterMergeRules.orders);
  const merged = await handler.resolve(
    { assumedMasterState: base, newDocumentState: local, realMasterState: server },
    'replication-resolve-conflict',
  );
  const { _deleted, ...data } = merged;
  if (_deleted) await (await database.orders.findOne(order?.id).exec())?.remove();
  else await database.orders.upsert(data);
  const [record] = await database.conflicts.find({ selector: { status: 'open' } }).exec();
  if (!record) throw new Error('no conflict recorded');
  return record;
}

describe('resolveConflict', () => {
  it('writes the chosen version of each field and closes the record', async () => {
    await database.orders.insert(base);
    const record = await meetConflict(
      { ...base, notes: 'Local notes', items: [] },
      { ...base, notes: 'Server notes', items: [{ sku: 'X', name: 'Server item', quantity: 1, unitPrice: 100 }] },
    );
    expect([...record.fields].sort()).toEqual(['items', 'notes']);
    // meeting the very same conflict again (a retried push) records nothing new
    await meetConflict(
      { ...base, notes: 'Local notes', items: [] },
      { ...base, notes: 'Server notes', items: [{ sku: 'X', name: 'Server item', quantity: 1, unitPrice: 100 }] },
    );
    expect(await database.conflicts.count().exec()).toBe(1);
    expect((await database.orders.findOne(base.id).exec())?.notes).toBe('Server notes');

    await expect(resolveConflict(database, record.id, { notes: 'local' })).rejects.toThrow(/items/);
    await resolveConflict(database, record.id, { notes: 'base', items: { custom: base.items } });
    const resolved = await database.orders.findOne(base.id).exec();
    expect(resolved?.notes).toBe('Base notes');
    expect(resolved?.items).toEqual(base.items);
    expect((await database.conflicts.findOne(record.id).exec())?.status).toBe('resolved');
    expect((await database.syncstate.findOne(`orders|${base.id}`).exec())?.state).toBe('pending');

    // resolved records are an audit trail until pruned; open ones are never pruned
    await meetConflict({ ...base, notes: 'Again local' }, { ...base, notes: 'Again server' });
    expect(await pruneResolvedConflicts(database, { olderThanMs: 0 })).toBe(1);
    expect((await database.conflicts.find().exec()).map((c) => c.status)).toEqual(['open']);
  });

  it('keeps the server edit against a local delete until a person decides, then deletes if asked', async () => {
    await database.orders.insert(base);
    const record = await meetConflict({ ...base, _deleted: true }, { ...base, priority: 'urgent' });
    expect(record.fields).toEqual(['_deleted']);
    expect((await database.orders.findOne(base.id).exec())?.priority).toBe('urgent');

    await resolveConflict(database, record.id, { _deleted: 'local' });
    expect(await database.orders.findOne(base.id).exec()).toBeNull();
    expect(await database.conflicts.count({ selector: { status: 'open' } }).exec()).toBe(0);
  });

  it('brings a document back when the edit wins over a server-side delete', async () => {
    await database.orders.insert(base);
    const record = await meetConflict({ ...base, notes: 'Edited here' }, { ...base, _deleted: true });
    expect(record.fields).toEqual(['_deleted']);
    expect(await database.orders.findOne(base.id).exec()).toBeNull();
    expect(record.local.notes).toBe('Edited here');

    await resolveConflict(database, record.id, { _deleted: 'local' });
    const revived = await database.orders.findOne(base.id).exec();
    expect(revived?.notes).toBe('Edited here');
  });
});
