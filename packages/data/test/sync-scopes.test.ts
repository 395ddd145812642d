// Sync scopes against a real sync server: a device keeps only what its collection's `sync.scope` names (open tasks
// and those changed in the last 30 days, of its own site). A first sync brings only those; one that leaves the scope
// on the server, by a change or by time, is let go of on the device without a delete reaching the server; one the
// device changed and has not sent yet is never let go of.
import { signToken } from '@syncline/server';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import type { RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSynclineDatabase, startReplication } from '../src';
import { type Gate, gate, pushTasksTaken } from './helpers';
import { type Task, taskSchema } from './task-schemas';

type SiteTask = Task & { site: string };
const DAY = 86_400_000;
/** Tasks of a site: a device keeps the open ones and those changed in the last `days` days, of its own site. */
const scopedWith = (days: number) =>
  ({
    ...taskSchema,
    properties: { ...taskSchema.properties, site: { type: 'string' } },
    required: ['id', 'title', 'done', 'site'],
    sync: { scope: { keep: [{ field: 'done', in: [false] }, { changedWithinDays: days }], claims: { site: 'site' } } },
  }) as unknown as RxJsonSchema<SiteTask>;
const siteTaskSchema = scopedWith(30);

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ collections: { tasks: siteTaskSchema } });
});
afterAll(async () => {
  await server?.close();
});

const tokenFor = (tenant: string, site?: string) =>
  signToken({ secret: TEST_JWT_SECRET, tenant, sub: 'tester', ...(site ? { claims: { site } } : {}) });

/**
 * Writes tasks on the server as another device would (no site claim: it sees every site), over what is there; or
 * deletes them.
 */
async function push(tenant: string, tasks: readonly SiteTask[], deleted = false) {
  const rows = [];
  for (const task of tasks) {
    const current = await serverTask(tenant, task.id);
    rows.push({
      newDocumentState: { ...task, _deleted: deleted },
      ...(current ? { assumedMasterState: current.data } : {}),
    });
  }
  await pushTasksTaken(server, await tokenFor(tenant), rows);
}

/** Stores tasks on the server as last changed `daysAgo` days ago, behind its back. */
async function storeOld(tenant: string, daysAgo: number, tasks: readonly SiteTask[]) {
  const storage = await server.openStorage();
  const updatedAt = Date.now() - daysAgo * DAY;
  await storage.transaction(tenant, (tx) =>
    tx.write(
      'tasks',
      tasks.map((task, index) => ({
        id: task.id,
        updatedAt: updatedAt + index,
        deleted: false,
        data: { ...task, updatedAt: updatedAt + index, _deleted: false },
      })),
    ),
  );
  await storage.close();
}

/** The server's stored state of a task. */
async function serverTask(tenant: string, id: string) {
  const storage = await server.openStorage();
  const rows = await storage.pull({ tenant, collection: 'tasks', after: null, limit: 1000 });
  await storage.close();
  return rows.find((row) => row.id === id);
}

/** The server holds the task with these fields, not deleted: a scope exit never reached it as a delete. */
async function expectKeptOnServer(tenant: string, id: string, fields: Partial<SiteTask>) {
  const stored = await serverTask(tenant, id);
  expect(stored?.data).toMatchObject(fields);
  expect(stored?.deleted).toBe(false);
}

interface DeviceOptions {
  /** the database's name, to open a device's database again (a reload); a new one when omitted */
  name?: string;
  /** the rows of each push, as sent */
  pushed?: Record<string, unknown>[];
  /** each pull's x-syncline-fresh header, or "held" */
  requests?: string[];
  on?: TestServer;
  scopeSweepMs?: number;
  /** the server's published schemas cannot be read until this is set to false */
  schemasDown?: boolean;
  /** false: the live stream cannot be had (its socket is refused), so only pulls bring the server's news */
  stream?: boolean;
  /** documents per pull */
  batchSize?: number;
  /** runs before each pull of documents goes to the server */
  beforePull?: () => Promise<void>;
  /** runs once each pull of documents has been answered, before the device reads the answer */
  afterPull?: () => Promise<void>;
  /** runs before each push goes to the server */
  beforePush?: () => Promise<void>;
  /** runs once each push has been answered (the server took it), before the device reads the answer (throw: lost) */
  afterPush?: () => Promise<void>;
}

/** The storage every device's database is kept in: a database closed and opened again by name finds its documents. */
const storage = getRxStorageMemory();

async function openDevice(tenant: string, site: string | (() => string), options: DeviceOptions = {}) {
  const {
    requests,
    on = server,
    scopeSweepMs,
    batchSize,
    beforePull,
    afterPull,
    beforePush,
    afterPush,
    pushed,
  } = options;
  const network = { down: false, schemasDown: options.schemasDown ?? false };
  const database = await createSynclineDatabase({
    name: options.name ?? `scopes${Math.random().toString(36).slice(2, 10)}`,
    collections: { tasks: siteTaskSchema },
    storage,
    multiInstance: false,
  });
  const replication = startReplication({
    database,
    url: on.url,
    // nothing listens on port 1
    wsUrl: options.stream === false ? 'ws://127.0.0.1:1/graphql' : on.wsUrl,
    token: () => tokenFor(tenant, typeof site === 'string' ? site : site()),
    ...(scopeSweepMs ? { scopeSweepMs } : {}),
    ...(batchSize ? { batchSize } : {}),
    fetch: async (input, init) => {
      if (network.down || (network.schemasDown && String(input).endsWith('/sync/schemas'))) {
        throw new TypeError('Failed to fetch (the test took the network away)');
      }
      const headers = new Headers(init?.headers);
      const body = JSON.parse(String(init?.body ?? '{}')) as {
        query?: string;
        variables?: { limit?: number; tasksPushRow?: { newDocumentState: Record<string, unknown> }[] };
      };
      const pull = body.query?.includes('pullTasks') === true;
      if (pull) requests?.push(headers.get('x-syncline-fresh') ?? 'held');
      const push = body.query?.includes('pushTasks') === true;
      if (push) pushed?.push(...(body.variables?.tasksPushRow ?? []).map((row) => row.newDocumentState));
      // a census (a page of one) brings nothing the device keeps
      const documents = pull && (body.variables?.limit ?? 0) > 1;
      if (documents) await beforePull?.();
      if (push) await beforePush?.();
      const response = await fetch(input, init);
      if (documents) await afterPull?.();
      if (push) await afterPush?.();
      return response;
    },
  });
  /** what the first sync said it would bring */
  const expected: number[] = [];
  const unsubscribe = replication.store.subscribe((status) => {
    const count = status.progress?.expected;
    if (typeof count === 'number') expected.push(count);
  });
  await replication.awaitInSync();
  unsubscribe();
  const ids = async () => (await database.tasks.find().exec()).map((doc) => doc.id).sort();
  const close = async () => {
    await replication.stop();
    await database.close();
  };
  return { database, replication, network, expected, ids, close };
}

const task = (id: string, site: string, done = false): SiteTask => ({ id, title: id, done, site });

describe('sync scopes', () => {
  it('a first sync brings only what is in the scope: open, recent, and of the device’s site', async () => {
    const tenant = `scope-first-${Date.now().toString(36)}`;
    await storeOld(tenant, 90, [task('old-open', 'north'), task('old-done', 'north', true)]);
    await push(tenant, [task('new-done', 'north', true), task('new-open', 'north'), task('south-open', 'south')]);
    const requests: string[] = [];
    const device = await openDevice(tenant, 'north', { requests });
    expect(await device.ids()).toEqual(['new-done', 'new-open', 'old-open']);
    // the first sync says it started from nothing, so what is out of scope is left out rather than sent as removed
    expect(requests[0]).toBe('1');
    // and counts only what it brings
    expect(device.expected.at(-1)).toBe(3);
    await device.close();
  });

  it('lets go of a task that leaves the scope on the server, without a delete reaching the server', async () => {
    const tenant = `scope-leave-${Date.now().toString(36)}`;
    await push(tenant, [task('moving', 'north'), task('staying', 'north')]);
    const device = await openDevice(tenant, 'north');
    expect(await device.ids()).toEqual(['moving', 'staying']);

    // another device moves it to the south site: it is out of this device's scope
    await push(tenant, [{ ...task('moving', 'south'), title: 'moved south' }]);
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['staying']);
    const stored = await serverTask(tenant, 'moving');
    expect(stored?.deleted).toBe(false);
    expect(stored?.data).toMatchObject({ site: 'south', title: 'moved south' });

    // and back: it comes back to the device as the server has it
    await push(tenant, [{ ...task('moving', 'north'), title: 'back north' }]);
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['moving', 'staying']);
    expect((await device.database.tasks.findOne('moving').exec())?.title).toBe('back north');
    await device.close();
  });

  it('lets go of its new task that another writer moved out of its scope while the push was on its way', async () => {
    const tenant = `scope-exited-${Date.now().toString(36)}`;
    await push(tenant, [task('open', 'north')]);
    let pulled: Gate | undefined;
    let answer: Gate | undefined;
    // only pulls bring the server's news (a stream's event of the move would wait for the push and let go of the
    // task after it: here nothing but the pull that passed it brings the removal)
    const device = await openDevice(tenant, 'north', {
      stream: false,
      beforePull: async () => pulled?.pass(),
      afterPush: async () => answer?.pass(),
    });
    expect(await device.ids()).toEqual(['open']);

    // a pull is on its way when the device creates a task; the server takes it, and before its answer is back
    // another writer moves it to the south site (and retitles the open task)
    pulled = gate();
    void device.replication.syncNow().catch(() => undefined);
    await pulled.reached;
    answer = gate();
    await device.database.tasks.insert(task('new', 'north'));
    await answer.reached;
    await push(tenant, [
      { ...task('new', 'south'), title: 'moved south' },
      { ...task('open', 'north'), title: 'renamed' },
    ]);
    // the pull brings the removal while the push is on its way: RxDB keeps the device's task, which has a change to
    // send, and stores the rest of the page (the renamed task says the page is in)
    pulled.open();
    await expect
      .poll(async () => (await device.database.tasks.findOne('open').exec())?.title, { timeout: 10_000 })
      .toBe('renamed');
    expect(await device.ids()).toEqual(['new', 'open']);
    // taken, it goes: nothing else would bring its removal again
    answer.open();
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['open']);
    await expectKeptOnServer(tenant, 'new', { site: 'south', title: 'moved south' });
    await device.close();
  });

  it('lets go of a task whose conflict resolves to the server’s state, moved out of its scope meanwhile', async () => {
    const tenant = `scope-conflict-${Date.now().toString(36)}`;
    await push(tenant, [task('open', 'north'), task('kept', 'north')]);
    let loseAnswer = false;
    let retry: Gate | undefined;
    let pulled: Gate | undefined;
    // only pulls bring the server's news, as in the test above
    const device = await openDevice(tenant, 'north', {
      stream: false,
      beforePull: async () => pulled?.pass(),
      beforePush: async () => retry?.pass(),
      afterPush: async () => {
        if (!loseAnswer) return;
        loseAnswer = false;
        retry = gate();
        throw new TypeError('Failed to fetch (the test lost the answer)');
      },
    });
    expect(await device.ids()).toEqual(['open', 'kept'].sort());

    // a pull is on its way when the device retitles a task; the server takes it but the answer is lost, and before
    // it goes again another writer moves it to the south site (and retitles the open task)
    pulled = gate();
    void device.replication.syncNow().catch(() => undefined);
    await pulled.reached;
    loseAnswer = true;
    await device.database.tasks.findOne('kept').incrementalPatch({ title: 'mine' });
    await expect.poll(() => retry !== undefined).toBe(true);
    await retry?.reached;
    await push(tenant, [
      { ...task('kept', 'south'), title: 'mine' },
      { ...task('open', 'north'), title: 'renamed' },
    ]);
    // the pull brings the removal while the change waits to go again: RxDB keeps the device's task
    pulled.open();
    await expect
      .poll(async () => (await device.database.tasks.findOne('open').exec())?.title, { timeout: 10_000 })
      .toBe('renamed');
    expect(await device.ids()).toEqual(['kept', 'open']);
    // sent again, it is a conflict whose resolution is the server's state (the same title, moved south): nothing more
    // goes up, and nothing else would bring its removal again
    retry?.open();
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['open']);
    await expectKeptOnServer(tenant, 'kept', { site: 'south', title: 'mine' });
    expect(device.replication.store.getState().pendingCount).toBe(0);
    await device.close();
  });

  it('lets go of what it was sent earlier in its first sync and was deleted or left the scope since', async () => {
    const tenant = `scope-pages-${Date.now().toString(36)}`;
    await push(
      tenant,
      ['a', 'b', 'c', 'd', 'e'].map((id) => task(id, 'north')),
    );
    const requests: string[] = [];
    let pulls = 0;
    // between the first page (a and b) and the next: a is deleted, b moves to the south site
    const afterPull = async () => {
      pulls += 1;
      if (pulls !== 1) return;
      await push(tenant, [task('a', 'north')], true);
      await push(tenant, [task('b', 'south')]);
    };
    const device = await openDevice(tenant, 'north', { requests, batchSize: 2, afterPull });
    expect(await device.ids()).toEqual(['c', 'd', 'e']);
    // every page of the first sync said it started from nothing: the later ones, from when
    const fresh = requests.filter((value) => value !== 'held');
    expect(fresh.length).toBeGreaterThan(2);
    expect(fresh[0]).toBe('1');
    expect(new Set(fresh.slice(1)).size).toBe(1);
    expect(Number(fresh[1])).toBeGreaterThan(1);
    expect((await serverTask(tenant, 'b'))?.data).toMatchObject({ site: 'south' });
    await device.close();
  });

  it('lets go of what time took out of the scope, and never of a change not yet sent', async () => {
    const tenant = `scope-time-${Date.now().toString(36)}`;
    await push(tenant, [task('done-1', 'north', true), task('done-2', 'north', true), task('open', 'north')]);
    const device = await openDevice(tenant, 'north');
    expect(await device.ids()).toEqual(['done-1', 'done-2', 'open']);

    // the requests fail: a person's edit of done-2 waits to be sent
    device.network.down = true;
    await device.database.tasks
      .findOne('done-2')
      .exec()
      .then((doc) => doc?.incrementalPatch({ title: 'reopened' }));
    // 31 days on, the done tasks are out of scope; the open one stays, and so does the edited one (the device lets
    // go once its replication can: with the next pull's answer, after the edit is sent)
    const removing = device.replication.sweepScopes(Date.now() + 31 * DAY);
    device.network.down = false;
    await device.replication.syncNow();
    const removed = await removing;
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['done-2', 'open']);
    expect((await device.database.tasks.findOne('done-2').exec())?.title).toBe('reopened');
    expect((await serverTask(tenant, 'done-2'))?.data.title).toBe('reopened');
    // the sweep let go of done-1 only; nothing let go of was deleted on the server
    expect(removed).toBe(1);
    const done1 = await serverTask(tenant, 'done-1');
    expect(done1?.deleted).toBe(false);
    expect(done1?.data.title).toBe('done-1');
    await device.close();
  });

  it('lets go of nothing while a pull is on its way: it may bring a state back in the scope', async () => {
    const tenant = `scope-inflight-${Date.now().toString(36)}`;
    await push(tenant, [task('done', 'north', true), task('open', 'north')]);
    /** while set, a pull's answer waits at it before the device reads it */
    let answer: Gate | undefined;
    const device = await openDevice(tenant, 'north', { afterPull: async () => answer?.pass() });
    expect(await device.ids()).toEqual(['done', 'open']);

    // the task is reopened on the server behind the stream's back: only a pull brings it
    await storeOld(tenant, 0, [task('done', 'north', false)]);
    const held = gate();
    answer = held;
    const synced = device.replication.syncNow();
    await held.reached;
    // 31 days on, the done task the device holds is out of scope; the reopened one on its way is not: the sweep's
    // removal goes with that pull's answer, which brings the task back in scope, so nothing is let go
    const swept = device.replication.sweepScopes(Date.now() + 31 * DAY);
    answer = undefined;
    held.open();
    expect(await swept).toBe(0);
    await synced;
    await expect
      .poll(async () => (await device.database.tasks.findOne('done').exec())?.done, { timeout: 10_000 })
      .toBe(false);
    expect(await device.replication.sweepScopes(Date.now() + 31 * DAY)).toBe(0);
    expect(await device.ids()).toEqual(['done', 'open']);
    await device.close();
  });

  it('keeps as much history as the server publishes, whatever the app’s own schema says', async () => {
    // the deployment keeps 90 days (`--keep-days tasks=90`); the app's schema says 30
    const longer = await startTestServer({ collections: { tasks: scopedWith(90) } });
    try {
      const tenant = `scope-days-${Date.now().toString(36)}`;
      await pushTasksTaken(longer, await tokenFor(tenant), [
        { newDocumentState: { ...task('done', 'north', true), _deleted: false } },
      ]);
      // the device cannot read the server's scopes at first: it lets go of nothing by its app's 30 days
      const device = await openDevice(tenant, 'north', { on: longer, schemasDown: true });
      expect(await device.replication.sweepScopes(Date.now() + 31 * DAY)).toBe(0);
      expect(await device.ids()).toEqual(['done']);
      // and asks again once it can
      device.network.schemasDown = false;
      expect(await device.replication.sweepScopes(Date.now() + 31 * DAY)).toBe(0);
      expect(await device.replication.sweepScopes(Date.now() + 91 * DAY)).toBe(1);
      await expect.poll(device.ids, { timeout: 10_000 }).toEqual([]);
      await device.close();
    } finally {
      await longer.close();
    }
  });

  it('lets go by itself, now and again, of what time takes out of the scope', async () => {
    const tenant = `scope-timer-${Date.now().toString(36)}`;
    // done, and last changed 30 days less 4 seconds ago: in the scope for 4 more seconds
    await storeOld(tenant, 30 - 4_000 / DAY, [task('ageing', 'north', true)]);
    await push(tenant, [task('open', 'north')]);
    const device = await openDevice(tenant, 'north', { scopeSweepMs: 500 });
    expect(await device.ids()).toEqual(['ageing', 'open']);
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['open']);
    expect((await serverTask(tenant, 'ageing'))?.deleted).toBe(false);
    await device.close();
  });
});

describe('documents outside the scope, on demand', () => {
  it('looks up an old task on the server, keeps it while held, and lets go of it after, pushing nothing', async () => {
    const tenant = `scope-demand-${Date.now().toString(36)}`;
    await storeOld(tenant, 90, [task('old-done', 'north', true), task('older-done', 'north', true)]);
    await push(tenant, [task('open', 'north')]);
    const device = await openDevice(tenant, 'north');
    expect(await device.ids()).toEqual(['open']);
    const before = await serverTask(tenant, 'old-done');

    const byPrefix = await device.replication.lookup('tasks', { field: 'title', prefix: 'OLD-D' });
    expect(byPrefix.status === 'ok' && byPrefix.documents.map((doc) => doc.id)).toEqual(['old-done']);
    const found = await device.replication.lookup('tasks', { ids: ['old-done'] });
    if (found.status !== 'ok') throw new Error(found.message);
    // a lookup stores nothing by itself
    expect(await device.ids()).toEqual(['open']);

    const release = await device.replication.keep('tasks', ['old-done'], found.documents);
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['old-done', 'open']);
    expect((await device.database.tasks.findOne('old-done').exec())?.toJSON()).toMatchObject({
      title: 'old-done',
      done: true,
    });
    // held: a sweep keeps it however far out of the scope it is
    expect(await device.replication.sweepScopes()).toBe(0);
    expect(await device.ids()).toEqual(['old-done', 'open']);

    release();
    expect(await device.replication.sweepScopes()).toBe(1);
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['open']);
    await device.replication.awaitInSync();
    // nothing went to the server: not the kept document, not its letting go
    const after = await serverTask(tenant, 'old-done');
    expect(after?.deleted).toBe(false);
    expect(after?.updatedAt).toBe(before?.updatedAt);

    // opened again: the same state the device let go of is kept again
    const releaseAgain = await device.replication.keep('tasks', ['old-done'], found.documents);
    await expect.poll(device.ids, { timeout: 10_000 }).toEqual(['old-done', 'open']);
    releaseAgain();
    await device.close();
  });

  it('never puts an older state over a newer one the device holds', async () => {
    const tenant = `scope-demand-newer-${Date.now().toString(36)}`;
    await push(tenant, [task('open', 'north')]);
    const device = await openDevice(tenant, 'north');
    const found = await device.replication.lookup('tasks', { ids: ['open'] });
    if (found.status !== 'ok') throw new Error(found.message);
    await push(tenant, [{ ...task('open', 'north'), title: 'renamed' }]);
    await expect
      .poll(async () => (await device.database.tasks.findOne('open').exec())?.title, { timeout: 10_000 })
      .toBe('renamed');
    const release = await device.replication.keep('tasks', ['open'], found.documents);
    await device.replication.awaitInSync();
    expect((await device.database.tasks.findOne('open').exec())?.title).toBe('renamed');
    release();
    await device.close();
  });

  it('says why it cannot look up while offline, and what a bad lookup was', async () => {
    const tenant = `scope-demand-offline-${Date.now().toString(36)}`;
    await push(tenant, [task('open', 'north')]);
    const device = await openDevice(tenant, 'north');
    const bad = await device.replication.lookup('tasks', { field: 'done', prefix: 'x' });
    expect(bad).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/"done" is not a text or whole-number/),
    });
    device.network.down = true;
    expect(await device.replication.lookup('tasks', { ids: ['open'] })).toEqual({
      status: 'offline',
      message: 'Looking beyond what this device keeps needs a connection to the sync server.',
    });
    await expect(device.replication.keep('nope', ['x'])).rejects.toThrow('"nope" is not replicated by this client.');
    await device.close();
  });
});

describe('a token with other claims', () => {
  it('lets go of the old site’s tasks and brings the new site’s, after sending a change made before', async () => {
    const tenant = `scope-claims-${Date.now().toString(36)}`;
    await push(tenant, [task('n-1', 'north'), task('n-2', 'north'), task('s-1', 'south'), task('s-2', 'south', true)]);
    let site = 'north';
    const pushed: Record<string, unknown>[] = [];
    const device = await openDevice(tenant, () => site, { pushed });
    expect(await device.ids()).toEqual(['n-1', 'n-2']);

    // offline, a person edits a north task; then the device is handed a token for the south site
    device.network.down = true;
    await (await device.database.tasks.findOne('n-1').exec())?.incrementalPatch({ title: 'fixed before the move' });
    site = 'south';
    device.network.down = false;
    await device.replication.syncNow();

    // the south site's tasks arrive, the north site's leave
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['s-1', 's-2']);
    // the edit made before the switch reached the server; nothing went as a delete
    expect((await serverTask(tenant, 'n-1'))?.data).toMatchObject({ title: 'fixed before the move', site: 'north' });
    expect(pushed.map((row) => row.id)).toEqual(['n-1']);
    expect(pushed.filter((row) => row._deleted)).toEqual([]);
    for (const id of ['n-1', 'n-2']) expect((await serverTask(tenant, id))?.deleted).toBe(false);

    // and the live stream follows the new site: a north task written now never reaches the device
    await push(tenant, [task('n-3', 'north'), task('s-3', 'south')]);
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['s-1', 's-2', 's-3']);
    await device.close();
  });

  it('sends an old-site task edited while it starts over, and lets go of it after', async () => {
    const tenant = `scope-claims-left-${Date.now().toString(36)}`;
    await push(tenant, [task('n-1', 'north'), task('n-2', 'north'), task('s-1', 'south')]);
    let site = 'north';
    const requests: string[] = [];
    const pushed: Record<string, unknown>[] = [];
    let edited = false;
    const device = await openDevice(tenant, () => site, {
      requests,
      pushed,
      // a person edits a north task just as the south pass from nothing is answered: the pass ends with the edit
      // still to send, so the task stays for now
      afterPull: async () => {
        if (edited || site !== 'south' || requests.at(-1) !== '1') return;
        edited = true;
        await (await device.database.tasks.findOne('n-2').exec())?.incrementalPatch({ title: 'edited at the move' });
      },
    });
    expect(await device.ids()).toEqual(['n-1', 'n-2']);

    site = 'south';
    await device.replication.syncNow();
    // once the edit is on the server, the north task goes too
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['s-1']);
    expect(edited).toBe(true);
    await expectKeptOnServer(tenant, 'n-2', { title: 'edited at the move', site: 'north' });
    expect(pushed.filter((row) => row._deleted)).toEqual([]);
    await device.close();
  });

  it('lets go of an old-site task the pass left behind for its change on the way, once the server takes it', async () => {
    const tenant = `scope-claims-behind-${Date.now().toString(36)}`;
    await push(tenant, [task('n-1', 'north'), task('n-2', 'north'), task('s-1', 'south')]);
    const edit = { ...task('n-2', 'north'), title: 'edited at the move' };
    let site = 'north';
    const requests: string[] = [];
    const answer = gate();
    let edited = false;
    const device = await openDevice(tenant, () => site, {
      requests,
      // a person edits a north task just as the south pass from nothing is answered; the server holds that edit
      // already (a push of it landed and its answer was lost: written behind the stream's back), so taking it again
      // changes nothing there and nothing comes back; the pass ends with the edit on its way, so the task stays
      afterPull: async () => {
        if (edited || site !== 'south' || requests.at(-1) !== '1') return;
        edited = true;
        await (await device.database.tasks.findOne('n-2').exec())?.incrementalPatch({ title: edit.title });
        await storeOld(tenant, 1, [edit]);
        await answer.reached;
      },
      afterPush: async () => {
        if (edited) await answer.pass();
      },
    });
    expect(await device.ids()).toEqual(['n-1', 'n-2']);

    site = 'south';
    void device.replication.syncNow().catch(() => undefined);
    // the pass's last page is in: the north task without a change goes, the edited one waits for its push
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['n-2', 's-1']);
    answer.open();
    // taken, it goes too
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['s-1']);
    await expectKeptOnServer(tenant, 'n-2', { title: 'edited at the move', site: 'north' });
    await device.close();
  });

  it('pulls its pass from nothing again when it was paused just as the pass was answered', async () => {
    const tenant = `scope-claims-paused-${Date.now().toString(36)}`;
    await push(tenant, [task('n-1', 'north'), task('s-1', 'south'), task('s-2', 'south')]);
    let site = 'north';
    const requests: string[] = [];
    const answer = gate();
    const device = await openDevice(tenant, () => site, {
      requests,
      // the south pass's answer from nothing waits before the device reads it
      afterPull: async () => {
        if (site === 'south' && requests.at(-1) === '1') await answer.pass();
      },
    });
    expect(await device.ids()).toEqual(['n-1']);

    site = 'south';
    void device.replication.syncNow().catch(() => undefined);
    await answer.reached;
    // the person pauses the sync while that answer is on its way; it comes in paused, and RxDB throws it away
    await device.replication.pause();
    answer.open();
    await device.replication.states.tasks?.awaitInSync();
    expect(await device.ids()).toEqual(['n-1']);

    await device.replication.resume();
    // resumed, it starts that pass again from nothing: every south task comes, the north one goes
    await expect.poll(device.ids, { timeout: 15_000 }).toEqual(['s-1', 's-2']);
    expect(requests.filter((value) => value === '1')).toHaveLength(3);
    await device.close();
  });

  it('remembers the claims across a reload: opened again with another site’s token, it starts over', async () => {
    const tenant = `scope-claims-reload-${Date.now().toString(36)}`;
    await push(tenant, [task('n-1', 'north'), task('s-1', 'south')]);
    const name = `reload${Math.random().toString(36).slice(2, 10)}`;
    const before = await openDevice(tenant, 'north', { name });
    expect(await before.ids()).toEqual(['n-1']);
    await before.close();

    const pushed: Record<string, unknown>[] = [];
    const after = await openDevice(tenant, 'south', { name, pushed });
    await expect.poll(after.ids, { timeout: 15_000 }).toEqual(['s-1']);
    expect(pushed).toEqual([]);
    expect((await serverTask(tenant, 'n-1'))?.deleted).toBe(false);
    await after.close();
  });

  it('lets go of one person’s own tasks when someone else signs in on the device, and brings theirs', async () => {
    // tasks of people's own (as saved views are): each person reads and writes only theirs
    const ownTaskSchema = {
      ...taskSchema,
      properties: { ...taskSchema.properties, ownerId: { type: 'string' } },
      required: ['id', 'title', 'done', 'ownerId'],
      permissions: { owner: 'ownerId' },
    } as unknown as RxJsonSchema<Task & { ownerId: string }>;
    const own = await startTestServer({ collections: { tasks: ownTaskSchema } });
    const tenant = `scope-owner-${Date.now().toString(36)}`;
    const tokenOf = (sub: string) => signToken({ secret: TEST_JWT_SECRET, tenant, sub });
    try {
      for (const person of ['ann', 'bob']) {
        const rows = [1, 2].map((n) => ({
          newDocumentState: {
            id: `${person}-${n}`,
            title: `${person} ${n}`,
            done: false,
            ownerId: person,
            _deleted: false,
          },
        }));
        await pushTasksTaken(own, await tokenOf(person), rows);
      }
      let person = 'ann';
      const database = await createSynclineDatabase({
        name: `owners${Math.random().toString(36).slice(2, 10)}`,
        collections: { tasks: ownTaskSchema },
        multiInstance: false,
      });
      const replication = startReplication({
        database,
        url: own.url,
        wsUrl: own.wsUrl,
        token: () => tokenOf(person),
      });
      const ids = async () => (await database.tasks.find().exec()).map((doc) => doc.id).sort();
      await replication.awaitInSync();
      expect(await ids()).toEqual(['ann-1', 'ann-2']);

      person = 'bob';
      await replication.syncNow();
      await expect.poll(ids, { timeout: 15_000 }).toEqual(['bob-1', 'bob-2']);
      await replication.stop();
      await database.close();
    } finally {
      await own.close();
    }
  });
});
