// The local database on its own: every local write is pending until a server acknowledges it, the pending mark
// survives closing and reopening a persisted (IndexedDB) database, and edits stamp the `latest` clock.
import {
  controlCenterMergeRules,
  controlCenterMigrations,
  controlCenterSchemas,
  createDemoData,
} from '@syncline/domain';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { describe, expect, it } from 'vitest';
import { bindSyncCounts, createSynclineDatabase, createSyncStore, type SyncStatus } from '../src';

const demo = createDemoData({ seed: 11, orders: 3, customers: 3, machines: 2 });

function openPersisted(name: string) {
  return createSynclineDatabase({
    name,
    collections: controlCenterSchemas,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
  });
}

function countsReach(
  status: { getState(): SyncStatus; subscribe: (l: (s: SyncStatus) => void) => () => void },
  test: (s: SyncStatus) => boolean,
) {
  return new Promise<SyncStatus>((resolve) => {
    if (test(status.getState())) return resolve(status.getState());
    const stop = status.subscribe((s) => {
      if (test(s)) {
        stop();
        resolve(s);
      }
    });
  });
}

describe('a Syncline database without a server', () => {
  it('marks local writes pending and keeps them pending across a reopen', async () => {
    const db = await openPersisted('pending-survives-reload');
    const [order] = demo.orders;
    if (!order) throw new Error('demo data has no order');
    await db.orders.insert(order);
    await db.customers.bulkInsert(demo.customers);
    const pending = await firstValueFrom(
      db.syncstate.find({ selector: { state: 'pending' } }).$.pipe(filter((docs) => docs.length === 4)),
    );
    expect(pending.map((doc) => doc.documentId).sort()).toEqual([order.id, ...demo.customers.map((c) => c.id)].sort());
    await db.close();

    const reopened = await openPersisted('pending-survives-reload');
    const store = createSyncStore();
    const unbind = bindSyncCounts(store, reopened);
    const status = await countsReach(store, (s) => s.pendingCount === 4);
    expect(status.pendingCount).toBe(4);
    expect((await reopened.orders.findOne(order.id).exec())?.notes).toBe(order.notes);
    unbind();
    await reopened.remove();
  });

  it('opens orders stored at the schema version before the orders page indexes, documents and pending writes kept', async () => {
    const name = 'orders-before-indexes';
    const orders = controlCenterSchemas.orders;
    // orders as version 0 stored them: only the status and number indexes
    const before = await createSynclineDatabase({
      name,
      collections: { orders: { ...orders, version: 0, indexes: ['status', 'number'] } },
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
    });
    const [order] = demo.orders;
    if (!order) throw new Error('demo data has no order');
    await before.orders.insert(order);
    await firstValueFrom(
      before.syncstate.find({ selector: { state: 'pending' } }).$.pipe(filter((d) => d.length === 1)),
    );
    await before.close();

    const after = await openPersisted(name);
    try {
      expect(after.orders.schema.version).toBe(orders.version);
      // as inserted: the insert stamped its own edit time over the generated one
      expect((await after.orders.findOne(order.id).exec())?.toJSON()).toMatchObject({
        ...order,
        editedAt: expect.any(Number),
      });
      // the new indexes answer: the status-and-number index counts without reading documents
      expect(await after.orders.count({ selector: { status: order.status } }).exec()).toBe(1);
      const pending = await after.syncstate.find({ selector: { state: 'pending' } }).exec();
      expect(pending.map((record) => record.documentId)).toEqual([order.id]);
    } finally {
      await after.remove();
    }
  });

  it('stamps editedAt on every local edit, for the `latest` rule', async () => {
    const db = await createSynclineDatabase({
      name: 'edited-at',
      collections: controlCenterSchemas,
      migrationStrategies: controlCenterMigrations,
    });
    const [machine] = demo.machines;
    if (!machine) throw new Error('demo data has no machine');
    const inserted = await db.machines.insert(machine);
    const first = inserted.editedAt ?? 0;
    expect(first).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const patched = await inserted.incrementalPatch({ state: 'maintenance' });
    expect(patched.editedAt ?? 0).toBeGreaterThan(first);
    await db.remove();
  });

  it('refuses a collection named like its own local ones', async () => {
    await expect(
      createSynclineDatabase({ name: 'reserved', collections: { conflicts: controlCenterSchemas.orders } }),
    ).rejects.toThrow(/Syncline's own collection/);
  });
});
