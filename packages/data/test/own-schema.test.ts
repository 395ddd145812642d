// A product team's own schema against the sync server: a write the server refuses is marked failed (with the
// server's words) and syncs once fixed, an expired token is replaced by asking the token function again, and
// pause / resume / syncNow do what their names say.
import { createHmac } from 'node:crypto';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSynclineDatabase,
  fetchServerSchemas,
  type StartReplicationOptions,
  type SynclineReplication,
  type SyncStatus,
  startReplication,
} from '../src';
import { storeReaches } from './helpers';
import { serverTaskSchema, type Task, taskSchema } from './task-schemas';

function expiredToken(tenant: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ tenant, iat: now - 7200, exp: now - 3600 })}`;
  return `${body}.${createHmac('sha256', TEST_JWT_SECRET).update(body).digest('base64url')}`;
}

let server: TestServer | undefined;
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await server?.close();
});

async function setup(extra: Partial<StartReplicationOptions> = {}) {
  server = await startTestServer({ collections: { tasks: serverTaskSchema } });
  const database = await createSynclineDatabase({
    name: `tasks${Math.random().toString(36).slice(2, 8)}`,
    collections: { tasks: taskSchema },
    mergeRules: { tasks: { fields: { title: 'manual' } } },
  });
  const current = server;
  const replication = startReplication({
    database,
    url: current.url,
    token: () => current.token('team-a'),
    backoff: { initialMs: 50, maxMs: 400 },
    ...extra,
  });
  cleanup.push(
    async () => {
      await database.remove();
    },
    () => replication.stop(),
  );
  return { database, replication, server: current };
}

/** Another device of the same team on the same server. */
async function secondClient(current: TestServer) {
  const database = await createSynclineDatabase({
    name: `tasksb${Math.random().toString(36).slice(2, 8)}`,
    collections: { tasks: taskSchema },
    mergeRules: { tasks: { fields: { title: 'manual' } } },
  });
  const replication = startReplication({ database, url: current.url, token: () => current.token('team-a') });
  cleanup.push(
    async () => {
      await database.remove();
    },
    () => replication.stop(),
  );
  return { database, replication };
}

function reaches(replication: SynclineReplication, test: (status: SyncStatus) => boolean) {
  return storeReaches({ replication }, test);
}

async function tasksOnServer(current: TestServer) {
  const response = await fetch(current.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await current.headers('team-a')) },
    body: JSON.stringify({ query: '{ pullTasks(checkpoint: null, limit: 100) { documents { id title done } } }' }),
  });
  const body = (await response.json()) as { data: { pullTasks: { documents: Task[] } } };
  return body.data.pullTasks.documents;
}

describe('a product schema against syncline-server', () => {
  it('marks a refused write failed, keeps the good ones flowing, and syncs the fix', async () => {
    const { database, replication, server: current } = await setup();
    await reaches(replication, (s) => s.connection === 'online');
    await database.tasks.bulkInsert([
      { id: 't1', title: 'Order detergent', done: false },
      { id: 't2', title: 'A title far too long for the server to take', done: false },
    ]);
    const failed = await reaches(replication, (s) => s.failedCount === 1 && s.lastError !== null);
    expect(failed.lastError?.kind).toBe('rejected');
    expect(failed.lastError?.message).toMatch(/title/);
    const record = await database.syncstate.findOne('tasks|t2').exec();
    expect(record?.state).toBe('failed');
    expect(record?.error).toMatch(/refused/);
    expect((await tasksOnServer(current)).map((t) => t.id)).toEqual(['t1']);

    const refused = await database.tasks.findOne('t2').exec();
    await refused?.incrementalPatch({ title: 'Shorter title' });
    const fixed = await reaches(replication, (s) => s.failedCount === 0 && s.pendingCount === 0 && !s.lastError);
    expect(fixed.lastSyncedAt).not.toBeNull();
    const onServer = await tasksOnServer(current);
    expect(onServer.find((t) => t.id === 't2')?.title).toBe('Shorter title');
  });

  it('asks the token function again after the server refuses an expired token', async () => {
    let calls = 0;
    let fresh = false;
    const {
      database,
      replication,
      server: current,
    } = await setup({
      token: async () => {
        calls += 1;
        // the app's session may not be ready on the very first ask
        if (calls === 1) throw new Error('the session is still loading');
        return fresh ? (server as TestServer).token('team-a') : expiredToken('team-a');
      },
    });
    await database.tasks.insert({ id: 't1', title: 'Check the dryer', done: false });
    const refused = await reaches(replication, (s) => s.lastError?.kind === 'auth');
    expect(refused.lastError?.message).toMatch(/sign/i);
    fresh = true;
    const synced = await reaches(replication, (s) => s.pendingCount === 0 && s.lastError === null);
    expect(synced.lastSyncedAt).not.toBeNull();
    expect(calls).toBeGreaterThan(1);
    expect((await tasksOnServer(current)).map((t) => t.title)).toEqual(['Check the dryer']);
  });

  it('refuses to replicate a schema without the server clock, saying what to add', async () => {
    const { updatedAt: _clock, ...withoutClock } = taskSchema.properties;
    const database = await createSynclineDatabase({
      name: 'noclock',
      collections: { notes: { ...taskSchema, properties: withoutClock } },
    });
    cleanup.push(async () => {
      await database.remove();
    });
    expect(() => startReplication({ database, url: 'http://127.0.0.1:9/graphql', token: 'x' })).toThrow(
      /"notes" schema needs a number property "updatedAt"/,
    );
  });

  it('opens a client from the schemas the server lists', async () => {
    const { server: current } = await setup();
    const listed = await fetchServerSchemas(current.origin);
    expect(listed.url).toBe(current.url);
    expect(listed.collections.tasks?.properties.title).toEqual({ type: 'string', maxLength: 20 });
    const database = await createSynclineDatabase({ name: 'fromserver', collections: listed.collections });
    const replication = startReplication({ database, url: listed.url, token: () => current.token('team-a') });
    cleanup.push(async () => {
      await replication.stop();
      await database.remove();
    });
    await database.collections.tasks?.insert({ id: 't9', title: 'From the server', done: true });
    await reaches(replication, (s) => s.pendingCount === 0 && s.lastSyncedAt !== null);
    expect((await tasksOnServer(current)).map((t) => t.id)).toEqual(['t9']);
  });

  it('reports stalled while the server takes no writes yet stays connected, and recovers', async () => {
    let blackHole = true;
    // a network that swallows pushes (no answer, no error) while the socket stays up
    const swallowingPushes: typeof fetch = (input, init) => {
      if (blackHole && String(init?.body).includes('mutation')) {
        return new Promise((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        });
      }
      return fetch(input, init);
    };
    const {
      database,
      replication,
      server: current,
    } = await setup({
      fetch: swallowingPushes,
      requestTimeoutMs: 200,
      stallAfterMs: 300,
    });
    await reaches(replication, (s) => s.connection === 'online');
    await database.tasks.insert({ id: 't1', title: 'Refill softener', done: false });
    const stalled = await reaches(replication, (s) => s.stalled);
    expect(stalled).toMatchObject({ connection: 'online', pendingCount: 1 });
    blackHole = false;
    const recovered = await reaches(replication, (s) => !s.stalled && s.pendingCount === 0);
    expect(recovered.connection).toBe('online');
    expect((await tasksOnServer(current)).map((t) => t.id)).toEqual(['t1']);
  });

  it('holds writes while paused, sends them on resume, and syncNow resolves in sync', async () => {
    const { database, replication, server: current } = await setup();
    await reaches(replication, (s) => s.connection === 'online');
    await replication.pause();
    expect(replication.store.getState()).toMatchObject({ paused: true, connection: 'offline' });
    await database.tasks.insert({ id: 't1', title: 'Clean lint filters', done: false });
    await reaches(replication, (s) => s.pendingCount === 1);
    expect(await tasksOnServer(current)).toEqual([]);

    await replication.resume();
    await replication.syncNow();
    await reaches(replication, (s) => s.pendingCount === 0);
    expect(replication.store.getState()).toMatchObject({ paused: false, lastError: null });
    expect((await tasksOnServer(current)).map((t) => t.id)).toEqual(['t1']);

    // "Sync now" while paused resumes and sends
    await replication.pause();
    await database.tasks.insert({ id: 't3', title: 'Sync me now', done: false });
    await reaches(replication, (s) => s.pendingCount === 1);
    await replication.syncNow();
    await reaches(replication, (s) => s.pendingCount === 0 && !s.paused);
    expect((await tasksOnServer(current)).map((t) => t.id).sort()).toEqual(['t1', 't3']);

    await replication.stop();
    expect(replication.states.tasks?.isStopped()).toBe(true);
    expect(replication.store.getState()).toMatchObject({ connection: 'offline', activity: 'idle' });
    // the database stays usable after the replication is gone; the write simply waits
    await database.tasks.insert({ id: 't4', title: 'After stop', done: false });
    const waiting = await firstValueFrom(database.syncstate.findOne('tasks|t4').$.pipe(filter(Boolean)));
    expect(waiting.state).toBe('pending');
  });

  it('still asks a person when they write back exactly what the server had before someone changed it', async () => {
    // no edit clock in this schema, so writing a title back makes the very state this client pushed before
    const { database: a, replication: syncA, server: current } = await setup();
    const { database: b, replication: syncB } = await secondClient(current);
    const title = async (database: typeof a) => (await database.tasks.findOne('t1').exec())?.title;
    const retitle = async (database: typeof a, value: string) =>
      (await database.tasks.findOne('t1').exec())?.incrementalPatch({ title: value });

    await a.tasks.insert({ id: 't1', title: 'Wash towels', done: false });
    await syncA.syncNow();
    await syncB.syncNow();
    await retitle(b, 'Wash towels at 60');
    await syncB.syncNow();
    await syncA.syncNow();
    expect(await title(a)).toBe('Wash towels at 60');

    // A, paused, writes back its first title; meanwhile B changes the title again
    await syncA.pause();
    await retitle(a, 'Wash towels');
    await retitle(b, 'Wash towels at 40');
    await syncB.syncNow();
    await syncA.resume();
    await syncA.syncNow();
    const [conflict] = await a.conflicts.find().exec();
    expect(conflict?.fields).toEqual(['title']);
    expect(conflict?.local.title).toBe('Wash towels');
    expect(conflict?.server.title).toBe('Wash towels at 40');
    expect(await title(a)).toBe('Wash towels at 40');
  });

  it('discards a refused change: back to the newest server state, or gone if the server never had it', async () => {
    const { database: a, replication: syncA, server: current } = await setup();
    const { database: b, replication: syncB } = await secondClient(current);
    await a.tasks.insert({ id: 't1', title: 'Order detergent', done: false });
    await syncA.syncNow();
    await syncB.syncNow();

    // a new task the server refuses: discarding it removes it, and nothing is sent
    await a.tasks.insert({ id: 't2', title: 'A title far too long for the server', done: false });
    await reaches(syncA, (s) => s.failedCount === 1);
    await syncA.discard([{ collectionName: 'tasks', documentId: 't2' }]);
    await reaches(syncA, (s) => s.failedCount === 0 && s.pendingCount === 0);
    expect(await a.tasks.findOne('t2').exec()).toBeNull();

    // a refused change to a task B changes meanwhile: discarding it brings B's newer state, not the older one
    await (await a.tasks.findOne('t1').exec())?.incrementalPatch({ title: 'Order detergent and softener', done: true });
    await reaches(syncA, (s) => s.failedCount === 1);
    await (await b.tasks.findOne('t1').exec())?.incrementalPatch({ title: 'Order softener' });
    await syncB.syncNow();
    await syncA.discard([{ collectionName: 'tasks', documentId: 't1' }]);
    await reaches(syncA, (s) => s.failedCount === 0 && s.pendingCount === 0);
    await syncA.syncNow();
    const t1 = await a.tasks.findOne('t1').exec();
    expect({ title: t1?.title, done: t1?.done }).toEqual({ title: 'Order softener', done: false });
    expect(await a.conflicts.count().exec()).toBe(0);
    expect(await tasksOnServer(current)).toEqual([{ id: 't1', title: 'Order softener', done: false }]);

    // the discarded change no longer holds back the writes after it
    await a.tasks.insert({ id: 't3', title: 'Descale the boiler', done: false });
    await reaches(syncA, (s) => s.pendingCount === 0);
    expect((await tasksOnServer(current)).map((t) => t.id).sort()).toEqual(['t1', 't3']);
    await expect(syncA.discard([{ collectionName: 'notes', documentId: 'n1' }])).rejects.toThrow(
      /"notes" is not replicated by this client; nothing was discarded/,
    );
  });
});
