// What the push reads of the local changes, a batch at a time: a bulk write gives its documents one write time, and
// every one of them is read exactly once, in order, across the batches, on both storages a device uses (memory in
// Node, Dexie over IndexedDB in the browser; fake-indexeddb here).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { createSynclineDatabase } from '../src';
import type { LocalChangesCheckpoint } from '../src/changes-by-index';
import { type Task, taskSchema } from './task-schemas';

const storages: [string, () => RxStorage<unknown, unknown>][] = [
  ['memory', () => getRxStorageMemory() as RxStorage<unknown, unknown>],
  ['Dexie (IndexedDB)', () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>],
];

const task = (n: number): Task => ({ id: `task-${String(n).padStart(5, '0')}`, title: `Task ${n}`, done: false });

let opened = 0;

describe.each(storages)('the local changes the push reads, on the %s storage', (_name, storage) => {
  it('reads every document of a bulk write once, in order, a batch at a time', async () => {
    opened += 1;
    const database = await createSynclineDatabase({
      name: `localchanges${opened}${Date.now().toString(36)}`,
      collections: { tasks: taskSchema },
      storage: storage(),
      multiInstance: false,
    });
    try {
      const tasks = database.collections.tasks;
      // written offline in one go: one write time for all of them
      await tasks.bulkInsert(Array.from({ length: 1_050 }, (_, n) => task(n)));
      // and one more change later, after the bulk write: read after it
      await tasks.insert(task(99_999));
      await (await tasks.findOne('task-00007').exec())?.incrementalPatch({ done: true });

      const instance = tasks.storageInstance;
      const read: { id: string; lwt: number }[] = [];
      const batchSizes: number[] = [];
      let checkpoint: LocalChangesCheckpoint | undefined;
      for (;;) {
        const page = await instance.getChangedDocumentsSince?.(100, checkpoint);
        if (!page) throw new Error('The storage cannot say what changed: RxDB would query it instead.');
        if (page.documents.length === 0) break;
        batchSizes.push(page.documents.length);
        for (const doc of page.documents) read.push({ id: doc.id, lwt: doc._meta.lwt });
        checkpoint = page.checkpoint as LocalChangesCheckpoint;
      }

      const bulk = read.filter(({ id }) => id !== 'task-99999' && id !== 'task-00007');
      expect(new Set(bulk.map(({ lwt }) => lwt)).size).toBe(1);
      expect(read).toHaveLength(1_051);
      expect(new Set(read.map(({ id }) => id)).size).toBe(1_051);
      expect(batchSizes.every((size) => size <= 100)).toBe(true);
      // in (write time, id) order: the bulk write by id, then the insert, then the update
      expect(read.map(({ id }) => id)).toEqual([...bulk.map(({ id }) => id).sort(), 'task-99999', 'task-00007']);
    } finally {
      await database.remove();
    }
  });
});
