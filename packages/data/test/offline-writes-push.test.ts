// A device back online with writes made offline pushes them and pulls none of them back: its first pull reads only
// what changed on the server meanwhile (another device's write here), and the echoes of its push come by the live
// stream. Counted on the wire: every document in the device's pull answers. And when the live stream cannot be had,
// the offline writes still go up over HTTP.
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, expect, it } from 'vitest';
import { createSynclineDatabase, type StartReplicationOptions } from '../src';
import { eventually, pushTasksTaken, replicateTasks, tasksOnServer } from './helpers';
import { type Task, taskSchema } from './task-schemas';

const OFFLINE_WRITES = 450;
const TENANT = 'shop-1';

let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.close();
});

let opened = 0;
/** A device with `OFFLINE_WRITES` tasks written before it syncs; `start` connects it, counting what it pulls. */
async function deviceWithOfflineWrites(options: Partial<StartReplicationOptions> = {}) {
  opened += 1;
  const database = await createSynclineDatabase({
    name: `offlinepush${opened}${Date.now().toString(36)}`,
    collections: { tasks: taskSchema },
    multiInstance: false,
  });
  cleanups.push(() => database.remove().then(() => undefined));
  const written: Task[] = Array.from({ length: OFFLINE_WRITES }, (_, n) => ({
    id: `offline-${String(n).padStart(4, '0')}`,
    title: `Written offline ${n}`,
    done: false,
  }));
  await database.tasks.bulkInsert(written);
  const pulledIds: string[] = [];
  const countingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const body = (await response.clone().json()) as { data?: { pullTasks?: { documents: { id: string }[] } } };
    for (const doc of body.data?.pullTasks?.documents ?? []) pulledIds.push(doc.id);
    return response;
  };
  const start = () => {
    const live = server as TestServer;
    const replication = replicateTasks(database, live, TENANT, { fetch: countingFetch, ...options });
    cleanups.push(() => replication.stop());
    return replication;
  };
  return { database, written, pulledIds, start };
}

it('pushes writes made offline and pulls back none of them, only what changed on the server meanwhile', async () => {
  server = await startTestServer({ collections: { tasks: taskSchema } });
  const device = await deviceWithOfflineWrites();
  // another device's write while this one was offline
  await pushTasksTaken(server, await server.token(TENANT), [
    { newDocumentState: { id: 'elsewhere', title: 'From another device', done: false, _deleted: false } },
  ]);

  const replication = device.start();
  await replication.awaitInSync();

  const onServer = await tasksOnServer<{ id: string }>(server, TENANT, 'id');
  expect(onServer.map((task) => task.id).sort()).toEqual(
    ['elsewhere', ...device.written.map((task) => task.id)].sort(),
  );
  expect(device.pulledIds).toEqual(['elsewhere']);
  expect(await device.database.tasks.count().exec()).toBe(OFFLINE_WRITES + 1);
  // nothing left waiting: every offline write is acknowledged
  await eventually(
    async () => replication.store.getState().pendingCount,
    (count) => count === 0,
  );
  // the server's clock came with each echo, with no pull
  const held = await device.database.tasks.find().exec();
  expect(held.every((task) => typeof task.updatedAt === 'number')).toBe(true);
});

// port 1: nothing listens there, so the socket is refused at once
it('pushes writes made offline when the live stream cannot be had', async () => {
  server = await startTestServer({ collections: { tasks: taskSchema } });
  const device = await deviceWithOfflineWrites({ wsUrl: 'ws://127.0.0.1:1/graphql' });
  const replication = device.start();
  await replication.awaitInSync();

  const onServer = await tasksOnServer<{ id: string }>(server, TENANT, 'id');
  expect(onServer.map((task) => task.id).sort()).toEqual(device.written.map((task) => task.id).sort());
  expect(device.pulledIds).toEqual([]);
});
