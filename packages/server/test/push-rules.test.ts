// The replication rules on the storage itself: the per-tenant clock, idempotent pushes, conflicts judged
// without server-managed fields, nulls read as absent, and pull order with the tenant filter before LIMIT. On
// SQLite and on PostgreSQL.
import { afterEach, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { applyPush } from '../src/push.js';
import { createPostgresStorage } from '../src/storage/postgres.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import type { SyncStorage } from '../src/storage/types.js';
import { createPostgresSchema } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import { makeTask, taskSchema } from './helpers.js';

const [tasks] = defineCollections({ tasks: taskSchema });
if (!tasks) throw new Error('no collection');

describeOnEngines('push rules', (engine) => {
  let storage: SyncStorage;
  let dropSchema: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await storage.close();
    await dropSchema?.();
    dropSchema = null;
  });

  async function open(now?: () => number) {
    if (engine.postgresUrl) {
      const schema = await createPostgresSchema(engine.postgresUrl);
      dropSchema = schema.drop;
      storage = createPostgresStorage({ connectionString: schema.url, maxConnections: 2, ...(now ? { now } : {}) });
    } else {
      storage = createSqliteStorage({ path: ':memory:', ...(now ? { now } : {}) });
    }
    await storage.migrate();
    return storage;
  }

  const doc = (id: string, patch: Record<string, unknown> = {}) => ({ ...makeTask(id), _deleted: false, ...patch });

  it('assigns updatedAt strictly increasing per tenant, even when the wall clock steps back', async () => {
    let clock = 1_000_000;
    await open(() => clock);
    const first = await applyPush(storage, 'acme', tasks, [{ newDocumentState: doc('a', { updatedAt: 5 }) }]);
    clock = 10; // the clock jumps back
    const second = await applyPush(storage, 'acme', tasks, [
      { newDocumentState: doc('b') },
      { newDocumentState: doc('c') },
    ]);
    expect(first.written[0]?.updatedAt).toBe(1_000_000);
    expect(second.written.map((d) => d.updatedAt)).toEqual([1_000_001, 1_000_002]);
    // Another tenant's clock is its own.
    const other = await applyPush(storage, 'globex', tasks, [{ newDocumentState: doc('a') }]);
    expect(other.written[0]?.updatedAt).toBe(10);
  });

  it('treats a repeated push as done: no conflict, no write, no new updatedAt', async () => {
    await open();
    const v1 = doc('a', { title: 'one' });
    const v2 = doc('a', { title: 'two' });
    await applyPush(storage, 'acme', tasks, [{ newDocumentState: v1 }]);
    const once = await applyPush(storage, 'acme', tasks, [{ assumedMasterState: v1, newDocumentState: v2 }]);
    const twice = await applyPush(storage, 'acme', tasks, [{ assumedMasterState: v1, newDocumentState: v2 }]);
    expect(once.conflicts).toEqual([]);
    expect(once.written).toHaveLength(1);
    expect(twice).toEqual({ conflicts: [], written: [], checkpoint: null, previousCheckpoint: null });
    const stored = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 });
    expect(stored.map((s) => [s.data.title, s.updatedAt])).toEqual([['two', once.written[0]?.updatedAt]]);
  });

  it('names the commit each push follows in its collection, for a stream event to carry', async () => {
    await open();
    const first = await applyPush(storage, 'acme', tasks, [{ newDocumentState: doc('a') }]);
    expect(first.previousCheckpoint).toBeNull();
    const second = await applyPush(storage, 'acme', tasks, [
      { newDocumentState: doc('b') },
      { newDocumentState: doc('c') },
    ]);
    expect(second.previousCheckpoint).toEqual(first.checkpoint);
    // another tenant's writes are not this tenant's history
    const other = await applyPush(storage, 'globex', tasks, [{ newDocumentState: doc('a') }]);
    expect(other.previousCheckpoint).toBeNull();
    const third = await applyPush(storage, 'acme', tasks, [
      { newDocumentState: doc('a', { title: 'again' }), assumedMasterState: doc('a') },
    ]);
    expect(third.previousCheckpoint).toEqual(second.checkpoint);
  });

  it('judges conflicts with updatedAt left out and null read as absent', async () => {
    await open();
    const created = await applyPush(storage, 'acme', tasks, [{ newDocumentState: doc('a', { updatedAt: 1 }) }]);
    const master = created.written[0] as Record<string, unknown>;
    // The client's copy has a stale updatedAt and a null for the absent note: still the same state.
    const assumed = { ...master, updatedAt: 1, note: null };
    const ok = await applyPush(storage, 'acme', tasks, [
      { assumedMasterState: assumed, newDocumentState: { ...assumed, note: undefined, title: 'edited' } },
    ]);
    expect(ok.conflicts).toEqual([]);
    expect(ok.written[0]?.title).toBe('edited');

    // A stale base (the title has changed since) is a conflict: the server's state comes back, nothing is written.
    const stale = await applyPush(storage, 'acme', tasks, [
      { assumedMasterState: master, newDocumentState: { ...master, title: 'mine' } },
    ]);
    expect(stale.written).toEqual([]);
    expect(stale.conflicts).toEqual([ok.written[0]]);
    // Creating a document that already exists, without a base, is a conflict too.
    const blind = await applyPush(storage, 'acme', tasks, [{ newDocumentState: doc('a', { title: 'blind' }) }]);
    expect(blind.conflicts.map((c) => c.title)).toEqual(['edited']);
  });

  it('pulls after the checkpoint in (updatedAt, id) order, one tenant and collection at a time', async () => {
    await open(() => 500);
    await applyPush(storage, 'globex', tasks, [{ newDocumentState: doc('g1') }, { newDocumentState: doc('g2') }]);
    await applyPush(storage, 'acme', tasks, [
      { newDocumentState: doc('a1') },
      { newDocumentState: doc('a2') },
      { newDocumentState: doc('a3') },
    ]);
    const page1 = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 2 });
    expect(page1.map((d) => d.id)).toEqual(['a1', 'a2']);
    const last = page1.at(-1);
    if (!last) throw new Error('empty page');
    const page2 = await storage.pull({
      tenant: 'acme',
      collection: 'tasks',
      after: { id: last.id, updatedAt: last.updatedAt },
      limit: 2,
    });
    expect(page2.map((d) => d.id)).toEqual(['a3']);
    expect(await storage.pull({ tenant: 'acme', collection: 'notes', after: null, limit: 10 })).toEqual([]);
    // what a pull from a checkpoint still brings, in every page: the count a first sign-in shows
    const after = { id: last.id, updatedAt: last.updatedAt };
    expect(await storage.countAfter({ tenant: 'acme', collection: 'tasks', after: null })).toBe(3);
    expect(await storage.countAfter({ tenant: 'acme', collection: 'tasks', after })).toBe(1);
    expect(await storage.countAfter({ tenant: 'globex', collection: 'tasks', after: null })).toBe(2);
    expect(await storage.countAfter({ tenant: 'acme', collection: 'tasks', after: { id: '', updatedAt: 1e20 } })).toBe(
      0,
    );
  });

  it('takes the rows of one push in order, when several carry the same document', async () => {
    const clock = 2_000;
    await open(() => clock);
    const v1 = doc('a', { title: 'one' });
    const v2 = doc('a', { title: 'two' });
    const outcome = await applyPush(storage, 'acme', tasks, [
      { newDocumentState: v1 },
      // built on the row before it: written, with the next updatedAt
      { assumedMasterState: v1, newDocumentState: v2 },
      // a repeat of that row: nothing to do
      { assumedMasterState: v1, newDocumentState: v2 },
      // on a base that is no longer current: a conflict carrying the state the rows before it left
      { assumedMasterState: v1, newDocumentState: doc('a', { title: 'three' }) },
      { newDocumentState: doc('b') },
    ]);
    expect(outcome.written.map((d) => [d.id, d.title, d.updatedAt])).toEqual([
      ['a', 'one', 2_000],
      ['a', 'two', 2_001],
      ['b', 'Task b', 2_002],
    ]);
    expect(outcome.conflicts).toEqual([outcome.written[1]]);
    expect(outcome.checkpoint).toEqual({ id: 'b', updatedAt: 2_002 });
    const stored = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 });
    expect(stored.map((s) => [s.id, s.data.title, s.updatedAt])).toEqual([
      ['a', 'two', 2_001],
      ['b', 'Task b', 2_002],
    ]);
  });

  it('stores a delete as a tombstone with a new updatedAt, and a write after it revives the document', async () => {
    let clock = 3_000;
    await open(() => clock);
    const created = (await applyPush(storage, 'acme', tasks, [{ newDocumentState: doc('a') }])).written[0];
    if (!created) throw new Error('not written');
    const gone = { ...created, _deleted: true };
    const deleted = await applyPush(storage, 'acme', tasks, [{ assumedMasterState: created, newDocumentState: gone }]);
    expect(deleted.conflicts).toEqual([]);
    expect(deleted.written).toEqual([{ ...gone, updatedAt: 3_001 }]);
    const [tombstone] = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 });
    expect(tombstone).toMatchObject({ id: 'a', deleted: true, updatedAt: 3_001, data: { _deleted: true } });
    // Editing the deleted document without knowing of the delete is a conflict that answers with the tombstone.
    const edit = await applyPush(storage, 'acme', tasks, [
      { assumedMasterState: created, newDocumentState: { ...created, title: 'edited' } },
    ]);
    expect(edit.conflicts).toEqual([deleted.written[0]]);
    clock = 5_000;
    const revived = await applyPush(storage, 'acme', tasks, [
      { assumedMasterState: gone, newDocumentState: { ...created, title: 'back' } },
    ]);
    expect(revived.written.map((d) => [d.title, d._deleted, d.updatedAt])).toEqual([['back', false, 5_000]]);
    const [row] = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 });
    expect(row).toMatchObject({ id: 'a', deleted: false, updatedAt: 5_000 });
  });

  it('writes a push of more rows than one statement carries, all of them, in order', async () => {
    let clock = 10_000;
    await open(() => clock);
    const ids = Array.from({ length: 1_234 }, (_, i) => `d${String(i).padStart(4, '0')}`);
    const first = await applyPush(
      storage,
      'acme',
      tasks,
      ids.map((id) => ({ newDocumentState: doc(id) })),
    );
    expect(first.written.map((d) => d.updatedAt)).toEqual(ids.map((_, i) => 10_000 + i));
    // Half of them again on their stored state, the other half on a stale one: every stale row conflicts.
    clock = 20_000;
    const second = await applyPush(
      storage,
      'acme',
      tasks,
      first.written.map((stored, i) =>
        i % 2 === 0
          ? { assumedMasterState: stored, newDocumentState: { ...stored, done: true } }
          : { assumedMasterState: { ...stored, title: 'stale' }, newDocumentState: { ...stored, done: true } },
      ),
    );
    expect(second.written.map((d) => d.id)).toEqual(ids.filter((_, i) => i % 2 === 0));
    expect(second.conflicts.map((d) => d.id)).toEqual(ids.filter((_, i) => i % 2 === 1));
    const stored = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 2_000 });
    expect(stored).toHaveLength(ids.length);
    expect(stored.filter((s) => s.data.done === true).map((s) => s.id)).toEqual(second.written.map((d) => d.id));
    // Another tenant's documents of the same ids are untouched by all of this.
    expect(await storage.pull({ tenant: 'globex', collection: 'tasks', after: null, limit: 10 })).toEqual([]);
  });

  it('writes nothing of a push whose transaction fails half-way', async () => {
    await open();
    await expect(
      storage.transaction('acme', async (tx) => {
        await tx.write('tasks', [{ id: 'x', updatedAt: tx.nextUpdatedAt(), deleted: false, data: doc('x') }]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 })).toEqual([]);
  });
});
