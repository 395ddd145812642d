// Real RxDB clients (memory storage, replication-graphql, RxDB's own query builders) against a live server
// on loopback: initial pull, live stream, conflicts, idempotent pushes, deletes, RESYNC after reconnects. On
// SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { createSqliteStorage } from '../src/index.js';
import { applyPush } from '../src/push.js';
import { createSyncServer, type SyncSchemas } from '../src/server.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import {
  createRxClient,
  eventually,
  makeTask,
  pullAllTasks,
  pushTasks,
  type RxClient,
  storageWith,
  type Task,
  testCollections,
  wire,
} from './helpers.js';

describeOnEngines('replication with RxDB clients', (engine) => {
  let server: TestServer;
  let settings: SyncSchemas;
  const clients: RxClient[] = [];

  async function client(tenant: string, options: { batchSize?: number; only?: string[] } = {}) {
    const created = await createRxClient({
      url: server.url,
      wsUrl: server.wsUrl,
      token: await server.token(tenant),
      settings,
      // Syncline's settlements are not what these tests are about; RxDB opens at most 13 collections per process
      only: options.only ?? Object.keys(testCollections),
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    });
    clients.push(created);
    return created;
  }

  const titleOf = async (c: RxClient, id: string) =>
    ((await c.collection('tasks').findOne(id).exec())?.toJSON() as Task | undefined)?.title;

  beforeAll(async () => {
    server = await startTestServer({
      collections: testCollections,
      postgresUrl: engine.postgresUrl,
      redisUrl: engine.redisUrl,
    });
    settings = (await (await fetch(`${server.origin}/sync/schemas`)).json()) as SyncSchemas;
  });

  afterAll(async () => {
    for (const c of clients) await c.close();
    await server.close();
  });

  it('delivers an initial pull of a few thousand documents', async () => {
    const tenant = 'bulk';
    const token = await server.token(tenant);
    for (let batch = 0; batch < 6; batch++) {
      const rows = Array.from({ length: 500 }, (_, i) => ({
        newDocumentState: wire(makeTask(`t${String(batch * 500 + i).padStart(5, '0')}`)),
      }));
      const answer = await pushTasks(server.url, token, rows);
      expect(answer.errors).toBeUndefined();
    }
    const reader = await client(tenant, { batchSize: 250, only: ['tasks'] });
    await reader.replication('tasks').awaitInitialReplication();
    expect(await reader.collection('tasks').count().exec()).toBe(3000);
    const updatedAts = (await reader.collection('tasks').find().exec()).map((d) => (d.toJSON() as Task).updatedAt);
    expect(new Set(updatedAts).size).toBe(3000);
  });

  it('streams one client’s writes to another, and deletes too', async () => {
    const a = await client('live');
    const b = await client('live');
    await Promise.all([a.inSync(), b.inSync()]);
    await a.collection('tasks').insert(makeTask('s1', { title: 'from A' }));
    await eventually(async () => expect(await titleOf(b, 's1')).toBe('from A'));

    const stored = (await pullAllTasks(server.url, await server.token('live')))[0];
    expect(stored?.updatedAt).toBeGreaterThan(0);

    await (await a.collection('tasks').findOne('s1').exec())?.remove();
    await eventually(async () => expect(await b.collection('tasks').findOne('s1').exec()).toBeNull());
    const tombstone = (await pullAllTasks(server.url, await server.token('live'))).find((t) => t.id === 's1');
    expect(tombstone?._deleted).toBe(true);
  });

  it('answers a push on a stale base with the server’s state, and the client converges to it', async () => {
    const a = await client('conflict');
    const b = await client('conflict');
    await a.collection('tasks').insert(makeTask('c1', { title: 'base' }));
    await eventually(async () => expect(await titleOf(b, 'c1')).toBe('base'));

    await b.replication('tasks').pause();
    await (await a.collection('tasks').findOne('c1').exec())?.incrementalPatch({ title: 'A wins' });
    await a.inSync();
    await (await b.collection('tasks').findOne('c1').exec())?.incrementalPatch({ title: 'B offline edit' });
    await b.replication('tasks').start();

    await eventually(async () => expect(await titleOf(b, 'c1')).toBe('A wins'));
    const [onServer] = await pullAllTasks(server.url, await server.token('conflict'));
    expect(onServer?.title).toBe('A wins');
  });

  it('changes nothing when the same push arrives twice', async () => {
    const token = await server.token('twice');
    const v1 = wire(makeTask('d1', { title: 'v1' }));
    await pushTasks(server.url, token, [{ newDocumentState: v1 }]);
    const [base] = await pullAllTasks(server.url, token);
    const row = { assumedMasterState: base ?? null, newDocumentState: { ...v1, title: 'v2' } };

    const watcher = await client('twice', { only: ['tasks'] });
    await eventually(async () => expect(await titleOf(watcher, 'd1')).toBe('v1'));
    const seen: string[] = [];
    const sub = watcher.replication('tasks').received$.subscribe((doc) => seen.push((doc as unknown as Task).title));

    const first = await pushTasks(server.url, token, [row]);
    const afterFirst = await pullAllTasks(server.url, token);
    const second = await pushTasks(server.url, token, [row]);
    const afterSecond = await pullAllTasks(server.url, token);
    await eventually(() => seen.includes('v2'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    sub.unsubscribe();

    expect(first.data?.pushTasks).toEqual([]);
    expect(second.data?.pushTasks).toEqual([]);
    expect(afterSecond).toEqual(afterFirst);
    expect(seen.filter((title) => title === 'v2')).toHaveLength(1);
  });

  it('RESYNCs after a server restart: writes made while it was down reach the client', async () => {
    const watcher = await client('restart', { only: ['tasks'] });
    await watcher.inSync();
    const [tasks] = defineCollections({ tasks: testCollections.tasks });
    if (!tasks) throw new Error('no collection');
    await server.restart({
      whileStopped: async () => {
        // Written straight to the database: no stream event exists for it, only a pull finds it.
        const storage = await server.openStorage();
        await applyPush(storage, 'restart', tasks, [
          { newDocumentState: { ...wire(makeTask('r1', { title: 'offline' })) } },
        ]);
        await storage.close();
      },
    });
    await eventually(async () => expect(await titleOf(watcher, 'r1')).toBe('offline'), 30_000);
    // And the stream is live again.
    const writer = await client('restart', { only: ['tasks'] });
    await writer.collection('tasks').insert(makeTask('r2', { title: 'after restart' }));
    await eventually(async () => expect(await titleOf(watcher, 'r2')).toBe('after restart'));
  });

  it('makes streams RESYNC when the server asks (as after a pub/sub reconnect)', async () => {
    const watcher = await client('resync', { only: ['tasks'] });
    await watcher.inSync();
    const [tasks] = defineCollections({ tasks: testCollections.tasks });
    if (!tasks) throw new Error('no collection');
    // A second handle on the same database, as another process would write: this server publishes nothing.
    const storage = await server.openStorage();
    await applyPush(storage, 'resync', tasks, [{ newDocumentState: { ...wire(makeTask('x1', { title: 'missed' })) } }]);
    await storage.close();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await titleOf(watcher, 'x1')).toBeUndefined();

    server.server.resync();
    await eventually(async () => expect(await titleOf(watcher, 'x1')).toBe('missed'), 30_000);
  });
});

describe('graceful shutdown', () => {
  it('finishes an in-flight push before closing the storage', async () => {
    const { TEST_JWT_SECRET } = await import('../src/testing.js');
    const { signToken } = await import('../src/auth.js');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'syncline-shutdown-'));
    const path = join(dir, 'db.sqlite');
    const storage = createSqliteStorage({ path });
    // Slow every write transaction down so the push is surely in flight when close() starts.
    const slowStorage = storageWith(storage, {
      transaction: (tenant, work) =>
        storage.transaction(tenant, async (tx) => {
          await new Promise((resolve) => setTimeout(resolve, 400));
          return work(tx);
        }),
    });
    const local = createSyncServer({
      collections: testCollections,
      storage: slowStorage,
      auth: { secret: TEST_JWT_SECRET },
      logger: 'silent',
    });
    const { url } = await local.listen(0);
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'shutdown' });
    const push = pushTasks(url, token, [{ newDocumentState: wire(makeTask('g1')) }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await local.close();
    const answer = await push;
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.pushTasks).toEqual([]);

    const reopened = createSqliteStorage({ path });
    const rows = await reopened.pull({ tenant: 'shutdown', collection: 'tasks', after: null, limit: 10 });
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
    expect(rows.map((r) => r.id)).toEqual(['g1']);
  });
});
