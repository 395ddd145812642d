// A schema that moves on: the server now serves version 1 of tasks (a `priority` added), a device still runs the app
// of version 0 with changes made offline. The server refuses to sync that collection with words that say to update
// the app, and nothing is lost or marked failed; once the app is updated, the device's data moves up on open
// (RxDB's migration, pending changes kept) and everything it held reaches the server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '@syncline/server/testing';
import type { RxJsonSchema, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { expect, it } from 'vitest';
import { createSynclineDatabase, startReplication } from '../src';
import { storeReaches, tasksOnServer } from './helpers';
import { type Task, type TaskV1, taskMigrationsV1, taskSchema, taskSchemaV1 } from './task-schemas';

const tenant = 'versions-shop';

it('refuses an outdated app with words that say to update it, keeps its changes, and syncs them once updated', async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'syncline-versions-')), 'sync.sqlite');
  // one storage for the device across the "update": RxDB's memory storage keeps data while the process runs
  const storage = getRxStorageMemory() as RxStorage<unknown, unknown>;
  const name = `versions${Date.now().toString(36)}`;
  let server = await startTestServer({ collections: { tasks: taskSchema }, dbPath });
  const open = (schema: RxJsonSchema<Task> | RxJsonSchema<TaskV1>) =>
    createSynclineDatabase({
      name,
      storage,
      multiInstance: false,
      collections: { tasks: schema },
      migrationStrategies: { tasks: schema.version === 1 ? taskMigrationsV1 : {} },
    });
  const replicate = (database: Awaited<ReturnType<typeof open>>) =>
    startReplication({
      database,
      url: server.url,
      wsUrl: server.wsUrl,
      token: () => server.token(tenant),
      backoff: { initialMs: 50, maxMs: 300 },
    });

  // version 0 everywhere: a task syncs
  let database = await open(taskSchema);
  let replication = replicate(database);
  await database.collections.tasks?.insert({ id: 't1', title: 'Wash the towels', done: false });
  await storeReaches({ replication }, (status) => status.connection === 'online' && status.pendingCount === 0);
  await replication.stop();

  // offline: an edit and a new task wait on the device
  await (await database.collections.tasks?.findOne('t1').exec())?.patch({ done: true });
  await database.collections.tasks?.insert({ id: 't2', title: 'Fold the sheets', done: false });

  // the server moves to version 1, at the same address (the device's replication records are kept per address:
  // they go on, and RxDB moves them up a version with the documents); the app has not
  await server.close();
  server = await startTestServer({ collections: { tasks: taskSchemaV1 }, dbPath, port: server.port });
  replication = replicate(database);
  const refused = await storeReaches({ replication }, (status) => status.lastError?.kind === 'outdated');
  expect(refused.lastError?.message).toBe(
    "This app's tasks are schema version 0; the server serves version 1. Update the app to sync tasks; changes made here stay on this device until then.",
  );
  expect(refused.pendingCount).toBe(2);
  expect(refused.failedCount).toBe(0);
  await replication.stop();
  await database.close();

  // the app is updated: its data moves up on open, pending changes and all, and reaches the server
  database = await open(taskSchemaV1);
  replication = replicate(database);
  await storeReaches(
    { replication },
    (status) => status.connection === 'online' && status.pendingCount === 0 && status.failedCount === 0,
  );
  await replication.awaitInSync();
  const onServer = await tasksOnServer<TaskV1>(server, tenant, 'id title done priority');
  const byId = onServer.toSorted((a, b) => a.id.localeCompare(b.id));
  // the edit made offline landed, merged on the state it started from as the server had it (kept by the device:
  // RxDB's own record of it went through the migration, and would say the server removed the new field); the
  // migration's new field went up with it and with the task created
  expect(byId.map((task) => [task.id, task.done, task.priority ?? null])).toEqual([
    ['t1', true, 1],
    ['t2', false, 1],
  ]);
  // and the device holds what the server holds
  const onDevice = (await database.collections.tasks?.find().exec())?.map((task) => task.toJSON() as TaskV1) ?? [];
  expect(onDevice.map((task) => [task.id, task.done, task.priority ?? null])).toEqual([
    ['t1', true, 1],
    ['t2', false, 1],
  ]);
  expect(await database.collections.conflicts?.count().exec()).toBe(0);
  await replication.stop();
  await database.remove();
  await server.close();
});
