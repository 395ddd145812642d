// One refused document freezes nothing: in a batch of good rows and one the server refuses, the good ones land;
// later writes of the same collection push; another device's writes still come down; the refused row is failed
// with the server's reason, kept on the device and not retried on its own (Retry sends it again, as it is); the
// person's fix syncs and merges
// with what changed on the server meanwhile.
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, expect, it } from 'vitest';
import { createSynclineDatabase, type SyncStateRecord, startReplication } from '../src';
import { eventually, storeReaches } from './helpers';
import { serverTaskSchema, type Task, taskSchema } from './task-schemas';

const tooLong = 'A title far longer than twenty characters';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
const cleanup: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
  await server?.close();
});

/** A device of team-a; `pushes` counts the push requests it sends. */
async function device(label: string) {
  const database = await createSynclineDatabase({
    name: `${label}${Math.random().toString(36).slice(2, 8)}`,
    collections: { tasks: taskSchema },
    mergeRules: { tasks: { fields: { title: 'manual' } } },
  });
  let pushes = 0;
  const replication = startReplication({
    database,
    url: server.url,
    token: () => server.token('team-a'),
    backoff: { initialMs: 50, maxMs: 400 },
    fetch: (input, init) => {
      if (String(init?.body).includes('mutation Push')) pushes += 1;
      return fetch(input, init);
    },
  });
  cleanup.push(
    async () => {
      await database.remove();
    },
    () => replication.stop(),
  );
  await storeReaches({ replication }, (status) => status.connection === 'online');
  return { database, replication, pushes: () => pushes, status: () => replication.store.getState() };
}

async function tasksOnServer(): Promise<Task[]> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers('team-a')) },
    body: JSON.stringify({ query: '{ pullTasks(checkpoint: null, limit: 100) { documents { id title done } } }' }),
  });
  const body = (await response.json()) as { data: { pullTasks: { documents: Task[] } } };
  return body.data.pullTasks.documents;
}

const ids = (tasks: readonly { id: string }[]) => tasks.map((task) => task.id).sort();

it('lands the rest of a batch, keeps both directions flowing, and leaves the refused row failed, unretried', async () => {
  server = await startTestServer({ collections: { tasks: serverTaskSchema } });
  const a = await device('a');
  const b = await device('b');
  const good = ['g1', 'g2', 'g3', 'g4', 'g5'].map((id) => ({ id, title: `Task ${id}`, done: false }));
  await a.database.tasks.bulkInsert([...good, { id: 'bad', title: tooLong, done: false }]);

  await eventually(tasksOnServer, (tasks) => tasks.length === 5, 10_000);
  const failed = await storeReaches(a, (status) => status.failedCount === 1 && status.pendingCount === 0, 10_000);
  expect(ids(await tasksOnServer())).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
  expect(failed.lastError).toMatchObject({ kind: 'rejected', message: expect.stringMatching(/"bad".*\/title/) });
  const record = (await a.database.syncstate.findOne('tasks|bad').exec())?.toJSON() as SyncStateRecord | undefined;
  expect(record).toMatchObject({ state: 'failed', error: expect.stringMatching(/title/) });

  // a later write of the same collection pushes at once
  await a.database.tasks.insert({ id: 'later', title: 'Written later', done: false });
  await eventually(tasksOnServer, (tasks) => tasks.some((task) => task.id === 'later'), 5_000);
  await storeReaches(a, (status) => status.pendingCount === 0, 5_000);

  // another device's write comes down
  await b.database.tasks.insert({ id: 'from-b', title: 'From B', done: true });
  await eventually(
    () => a.database.tasks.findOne('from-b').exec(),
    (doc) => doc !== null,
    5_000,
  );

  // the refused row is not retried on its own loop
  const before = a.pushes();
  await sleep(2_000);
  expect(a.pushes() - before).toBe(0);
  expect((await a.database.tasks.findOne('bad').exec())?.title).toBe(tooLong);
  expect(a.status().failedCount).toBe(1);

  // Retry sends it again, as it is: the server refuses it again, with its reason, and nothing else moves
  const beforeRetry = a.pushes();
  const failedAt =
    ((await a.database.syncstate.findOne('tasks|bad').exec())?.toJSON() as SyncStateRecord | undefined)?.changedAt ?? 0;
  await a.replication.retry([{ collectionName: 'tasks', documentId: 'bad' }]);
  await eventually(
    async () => (await a.database.syncstate.findOne('tasks|bad').exec())?.toJSON() as SyncStateRecord | undefined,
    (again) => again?.state === 'failed' && again.changedAt > failedAt,
    5_000,
  );
  expect(a.pushes() - beforeRetry).toBeGreaterThanOrEqual(1);
  expect((await a.database.tasks.findOne('bad').exec())?.title).toBe(tooLong);
  expect(ids(await tasksOnServer())).not.toContain('bad');

  // the person's fix syncs
  await (await a.database.tasks.findOne('bad').exec())?.incrementalPatch({ title: 'Fixed title' });
  await eventually(tasksOnServer, (tasks) => tasks.some((task) => task.id === 'bad'), 5_000);
  await storeReaches(a, (status) => status.failedCount === 0 && status.pendingCount === 0, 5_000);
});

it('keeps a refused edit on the device while the server moves on, and merges the fix with what changed there', async () => {
  server = await startTestServer({ collections: { tasks: serverTaskSchema } });
  const a = await device('a');
  const b = await device('b');
  await a.database.tasks.insert({ id: 't1', title: 'Short', done: false });
  await eventually(
    () => b.database.tasks.findOne('t1').exec(),
    (doc) => doc !== null,
    5_000,
  );

  await (await a.database.tasks.findOne('t1').exec())?.incrementalPatch({ title: tooLong });
  await storeReaches(a, (status) => status.failedCount === 1, 5_000);
  await (await b.database.tasks.findOne('t1').exec())?.incrementalPatch({ done: true });
  await eventually(tasksOnServer, (tasks) => tasks.some((task) => task.id === 't1' && task.done), 5_000);
  await sleep(500);
  // the pull did not overwrite the refused edit
  expect((await a.database.tasks.findOne('t1').exec())?.toJSON()).toMatchObject({ title: tooLong, done: false });

  await (await a.database.tasks.findOne('t1').exec())?.incrementalPatch({ title: 'Shorter' });
  const onServer = await eventually(
    tasksOnServer,
    (tasks) => tasks.some((task) => task.id === 't1' && task.title === 'Shorter'),
    5_000,
  );
  // B's change survived the merge, A's fix landed
  expect(onServer.find((task) => task.id === 't1')).toMatchObject({ title: 'Shorter', done: true });
  await eventually(
    async () => (await a.database.tasks.findOne('t1').exec())?.toJSON(),
    (doc) => doc?.done === true && doc.title === 'Shorter',
    5_000,
  );
});
