// A push whose answer comes back while the device is paused (it went offline with the push on its way) is sent again
// when the device resumes. RxDB drops such an answer and means to read those documents again on resume, but a
// pulled page written to the device meanwhile moves its upstream checkpoint past them: without Syncline sending them
// again, the edit stayed pending on the device for good and never reached the server.
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { filter, firstValueFrom } from 'rxjs';
import { afterEach, expect, it } from 'vitest';
import { createSynclineDatabase } from '../src';
import { eventually, type Gate, gate, pushTasksTaken, replicateTasks, tasksOnServer } from './helpers';
import { type Task, taskSchema } from './task-schemas';

const TENANT = 'shop-1';

let server: TestServer | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await server?.close();
});

/** Another device's push of tasks, straight to the server. */
const pushElsewhere = async (live: TestServer, rows: { newDocumentState: Task; assumedMasterState?: Task }[]) =>
  pushTasksTaken(
    live,
    await live.token(TENANT),
    rows.map(({ newDocumentState, assumedMasterState }) => ({
      newDocumentState: { ...newDocumentState, _deleted: false },
      ...(assumedMasterState ? { assumedMasterState: { ...assumedMasterState, _deleted: false } } : {}),
    })),
  );

/**
 * A device whose edit of `a` went up while offline and came back, its push's answer arriving while paused again
 * (RxDB drops it): another device marked `a` done meanwhile, and retitled `b`.
 */
async function dropAPushAnswer(name: string) {
  const live = await startTestServer({ collections: { tasks: taskSchema } });
  server = live;
  const a = { id: 'a', title: 'Calibrate', done: false };
  const b = { id: 'b', title: 'Restock', done: false };
  await pushElsewhere(live, [{ newDocumentState: a }, { newDocumentState: b }]);

  // the device's pushes can be held on their way back
  let pushes: Gate | undefined;
  const holdingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (String(init?.body).includes('pushTasks')) await pushes?.pass();
    return response;
  };

  const database = await createSynclineDatabase({ name, collections: { tasks: taskSchema }, multiInstance: false });
  const replication = replicateTasks(database, live, TENANT, { fetch: holdingFetch });
  await replication.awaitInSync();
  const state = replication.states.tasks;
  if (!state) throw new Error('tasks are not replicated');

  // offline: the device retitles a; another device marks a done and retitles b
  await replication.pause();
  await database.tasks.findOne('a').incrementalPatch({ title: 'Calibrate the press' });
  await pushElsewhere(live, [
    { assumedMasterState: a, newDocumentState: { ...a, done: true } },
    { assumedMasterState: b, newDocumentState: { ...b, title: 'Restock paper' } },
  ]);

  // back online: the push of a goes out (a conflict) while the pull brings b; the device goes offline before the
  // push's answer
  const held = gate();
  pushes = held;
  await replication.resume();
  await held.reached;
  await eventually(
    async () => (await database.tasks.findOne('b').exec())?.title,
    (title) => title === 'Restock paper',
  );
  await replication.pause();
  pushes = undefined;
  held.open();
  // RxDB has taken the answer (and dropped it, being paused)
  await firstValueFrom(state.active$.pipe(filter((active) => !active)));
  return { live, database, replication };
}

/** Both edits of `a` are on the server, merged, and the device has nothing left to send. */
async function expectBothEditsSynced(live: TestServer, replication: ReturnType<typeof replicateTasks>) {
  expect((await tasksOnServer<Task>(live, TENANT, 'id title done')).find((task) => task.id === 'a')).toEqual({
    id: 'a',
    title: 'Calibrate the press',
    done: true,
  });
  await eventually(
    async () => replication.store.getState().pendingCount,
    (count) => count === 0,
  );
}

it('sends again an edit whose push was answered while the device was paused', async () => {
  const { live, database, replication } = await dropAPushAnswer(`pausedpush${Date.now().toString(36)}`);
  cleanups.push(() => database.remove().then(() => undefined));
  cleanups.push(() => replication.stop());

  await replication.resume();
  await replication.syncNow();
  await expectBothEditsSynced(live, replication);
});

it('sends such an edit when the app opens again, closed before it resumed', async () => {
  const name = `pausedreload${Date.now().toString(36)}`;
  const { live, database, replication } = await dropAPushAnswer(name);
  // the app closes while paused (a reload, a closed tab): what it stored stays
  await replication.stop();
  await database.close();

  const reopened = await createSynclineDatabase({ name, collections: { tasks: taskSchema }, multiInstance: false });
  cleanups.push(() => reopened.remove().then(() => undefined));
  const again = replicateTasks(reopened, live, TENANT);
  cleanups.push(() => again.stop());
  await again.syncNow();
  await expectBothEditsSynced(live, again);
  expect((await reopened.tasks.findOne('a').exec())?.toJSON()).toMatchObject({
    title: 'Calibrate the press',
    done: true,
  });
});
