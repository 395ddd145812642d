// A scoped collection as a stock client pulls it: pages filled with what is in the device's scope (RxDB stops at a
// short page), what is out of it sent as removed to a device that may hold it and left out for one whose sync
// started from nothing (`x-syncline-fresh`), unless it changed since that pass began, and `remaining` counting what
// the pull will bring.
import { syncOptionsOf } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withKeepDays } from '../src/cli.js';
import type { CollectionSchemas } from '../src/collections.js';
import { signToken } from '../src/index.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import { bearer, gql, makeTask, noteSchema, PUSH_TASKS, type Task, taskSchema, type WireTask } from './helpers.js';

const scopedTasks = {
  ...taskSchema,
  sync: { scope: { keep: [{ field: 'done', in: [false] }], claims: { note: 'team' } } },
} as unknown as RxJsonSchema<Task>;

const PULL = `query($checkpoint: TasksInputCheckpoint, $limit: Int!) {
  pullTasks(checkpoint: $checkpoint, limit: $limit) {
    documents { id done note _deleted }
    checkpoint { id updatedAt }
    remaining
    serverTime
  }
}`;

interface Page {
  documents: Pick<WireTask, 'id' | 'done' | 'note' | '_deleted'>[];
  checkpoint: { id: string; updatedAt: number };
  remaining: number;
  serverTime: number;
}

describeOnEngines('a scoped collection', (engine) => {
  let server: TestServer;
  const tenant = `scoped-${engine.name}`;
  const tokenOf = (tenantName: string, team?: string) =>
    signToken({ secret: TEST_JWT_SECRET, tenant: tenantName, ...(team ? { claims: { team } } : {}) });
  const token = (team?: string) => tokenOf(tenant, team);
  // open and done tasks of two teams, interleaved: o = open, d = done
  const tasks = ['o', 'd', 'd', 'o', 'd', 'o', 'd', 'o'].map((kind, i) =>
    makeTask(`t${i}`, { done: kind === 'd', note: i === 7 ? 'blue' : 'red' }),
  );

  /** Writes tasks as a device that sees every team would, each over the state given (`was`), if any. */
  async function push(tenantName: string, rows: { task: Task; deleted?: boolean; was?: Task }[]) {
    const pushed = await gql<{ pushTasks: unknown[] }>(
      server.url,
      PUSH_TASKS,
      {
        rows: rows.map(({ task, deleted = false, was }) => ({
          newDocumentState: { ...task, _deleted: deleted },
          ...(was ? { assumedMasterState: { ...was, _deleted: false } } : {}),
        })),
      },
      bearer(await tokenOf(tenantName)),
    );
    expect(pushed.errors).toBeUndefined();
    expect(pushed.data?.pushTasks, 'no conflicts').toEqual([]);
  }

  beforeAll(async () => {
    server = await startTestServer({ ...engine, collections: { tasks: scopedTasks } });
    await push(
      tenant,
      tasks.map((task) => ({ task })),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  /** One page of a pull from `checkpoint`. */
  async function pullPage(headers: Record<string, string>, limit: number, checkpoint: Page['checkpoint'] | null) {
    const answer = await gql<{ pullTasks: Page }>(server.url, PULL, { checkpoint, limit }, headers);
    expect(answer.errors).toBeUndefined();
    return answer.data?.pullTasks as Page;
  }

  /** Every page of a pull from `checkpoint`, as RxDB asks for them: until a page is short. */
  async function pullAll(headers: Record<string, string>, limit = 2, from: Page['checkpoint'] | null = null) {
    const pages: Page[] = [];
    let checkpoint = from;
    for (;;) {
      const page = await pullPage(headers, limit, checkpoint);
      pages.push(page);
      checkpoint = page.checkpoint;
      if (page.documents.length < limit) return pages;
    }
  }

  it('brings a fresh device only what is in its scope, in full pages, and counts just that', async () => {
    const pages = await pullAll({ ...bearer(await token('red')), 'x-syncline-fresh': '1' });
    expect(pages.map((page) => page.documents.map((doc) => doc.id))).toEqual([['t0', 't3'], ['t5']]);
    expect(pages[0]?.remaining).toBe(1);
    // a token without the claim keeps every team
    const everyTeam = await pullAll({ ...bearer(await token()), 'x-syncline-fresh': '1' }, 10);
    expect(everyTeam[0]?.documents.map((doc) => doc.id)).toEqual(['t0', 't3', 't5', 't7']);
  });

  it('sends a fresh pass what it may have sent on an earlier page and was deleted or left the scope since', async () => {
    const passTenant = `${tenant}-pass`;
    const gone = makeTask('t8', { note: 'red' });
    await push(
      passTenant,
      [...tasks, gone].map((task) => ({ task })),
    );
    await push(passTenant, [{ task: gone, deleted: true, was: gone }]);
    const red = bearer(await tokenOf(passTenant, 'red'));
    const first = await pullPage({ ...red, 'x-syncline-fresh': '1' }, 2, null);
    const [t0, t3] = [tasks[0], tasks[3]] as [Task, Task];
    expect(first.documents.map((doc) => doc.id)).toEqual(['t0', 't3']);
    // between the pages: t0 is deleted, and t3 moves to another team, out of this device's scope
    await push(passTenant, [
      { task: t0, deleted: true, was: t0 },
      { task: { ...t3, note: 'blue' }, was: t3 },
    ]);
    const later = await pullAll({ ...red, 'x-syncline-fresh': String(first.serverTime) }, 2, first.checkpoint);
    const documents = later.flatMap((page) => page.documents);
    // both go as removed; what was deleted or out of scope before the pass began (t8, the done tasks, t7) does not
    expect(documents.map((doc) => `${doc.id}${doc._deleted ? ' removed' : ''}`)).toEqual([
      't5',
      't0 removed',
      't3 removed',
    ]);
    expect(documents.find((doc) => doc.id === 't3')).toMatchObject({ note: 'blue' });
    // a pass that begins now leaves them out: the device was never sent them
    const now = await pullAll({ ...red, 'x-syncline-fresh': '1' }, 10);
    expect(now.flatMap((page) => page.documents).map((doc) => doc.id)).toEqual(['t5']);
  });

  it('sends a device that may hold them what is out of its scope as removed, whole', async () => {
    const pages = await pullAll(bearer(await token('red')), 10);
    const documents = pages.flatMap((page) => page.documents);
    expect(documents.map((doc) => `${doc.id}${doc._deleted ? ' removed' : ''}`)).toEqual([
      't0',
      't1 removed',
      't2 removed',
      't3',
      't4 removed',
      't5',
      't6 removed',
      't7 removed',
    ]);
    expect(documents.find((doc) => doc.id === 't7')).toMatchObject({ note: 'blue', done: false });
    // a header that names no time is not a fresh pull
    const named = await pullAll({ ...bearer(await token('red')), 'x-syncline-fresh': 'yes' }, 10);
    expect(named.flatMap((page) => page.documents)).toEqual(documents);
  });
});

describe('--keep-days', () => {
  const schemas = { tasks: scopedTasks, notes: noteSchema } as CollectionSchemas;
  const recent = {
    ...taskSchema,
    sync: { priority: 1, scope: { keep: [{ field: 'done', in: [false] }, { changedWithinDays: 30 }] } },
  } as unknown as CollectionSchemas[string];

  it('sets how many days of history a device keeps of a scoped collection', () => {
    const kept = withKeepDays({ tasks: recent }, ['tasks=90']);
    expect(syncOptionsOf(kept.tasks as object)).toEqual({
      priority: 1,
      scope: { keep: [{ field: 'done', in: [false] }, { changedWithinDays: 90 }] },
    });
  });

  it('names what is wrong and starts nothing', () => {
    expect(() => withKeepDays(schemas, ['tasks'])).toThrow(
      '--keep-days (SYNCLINE_KEEP_DAYS) takes collection=DAYS, such as orders=90; it was "tasks".',
    );
    expect(() => withKeepDays(schemas, ['tasks=0'])).toThrow(/takes collection=DAYS/);
    expect(() => withKeepDays(schemas, ['jobs=9'])).toThrow(
      '--keep-days names "jobs", which is not one of the collections served.',
    );
    expect(() => withKeepDays(schemas, ['tasks=9'])).toThrow(
      '--keep-days names "tasks", whose sync scope keeps nothing by its last change (no "changedWithinDays").',
    );
  });
});
