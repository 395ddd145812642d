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
    expect(twice).toEqual({ conflicts: [], written: [], checkpoint: null });
    const stored = await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 });
    expect(stored.map((s) => [s.data.title, s.updatedAt])).toEqual([['two', once.written[0]?.updatedAt]]);
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
  });

  it('writes nothing of a push whose transaction fails half-way', async () => {
    await open();
    await expect(
      storage.transaction('acme', async (tx) => {
        await tx.write('tasks', { id: 'x', updatedAt: tx.nextUpdatedAt(), deleted: false, data: doc('x') });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await storage.pull({ tenant: 'acme', collection: 'tasks', after: null, limit: 10 })).toEqual([]);
  });
});
