// Documents outside a device's scope, on demand: the lookup answers any stored document of the caller's tenant that
// its role may read, by id or by a field's prefix, whatever the scope, newest change first, never a deleted one and
// never a field the role may not see. Bad arguments get an error that says what was wrong.
import { LOOKUP_QUERY, MAX_LOOKUP } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signToken } from '../src/index.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import { bearer, gql, type Job, jobSchema, makeTask, PUSH_TASKS, type Task, taskSchema } from './helpers.js';

// a device keeps open tasks only
const scopedTasks = {
  ...taskSchema,
  sync: { scope: { keep: [{ field: 'done', in: [false] }] } },
} as unknown as RxJsonSchema<Task>;

const PULL = 'query { pullTasks(checkpoint: null, limit: 100) { documents { id } } }';
const PUSH_JOBS = 'mutation($rows: [JobsInputPushRow!]) { pushJobs(jobsPushRow: $rows) { id } }';

describeOnEngines('looking up documents on demand', (engine) => {
  let server: TestServer;
  const tenant = `lookup-${engine.name}`;
  const token = (role = 'lead', tenantName = tenant) =>
    signToken({ secret: TEST_JWT_SECRET, tenant: tenantName, sub: role, role });

  const lookup = async (variables: Record<string, unknown>, role = 'lead', tenantName = tenant) => {
    const answer = await gql<{ lookupDocuments: string[] }>(
      server.url,
      LOOKUP_QUERY,
      variables,
      bearer(await token(role, tenantName)),
    );
    return {
      docs: (answer.data?.lookupDocuments ?? []).map((text) => JSON.parse(text) as Record<string, unknown>),
      errors: answer.errors,
    };
  };

  beforeAll(async () => {
    server = await startTestServer({ ...engine, collections: { tasks: scopedTasks, jobs: jobSchema } });
    const tasks = [
      makeTask('done-1', { title: 'Iron shirts for Ana', done: true }),
      makeTask('done-2', { title: 'iron sheets', done: true, priority: 4 }),
      makeTask('open-1', { title: 'Wash towels', done: false, priority: 42 % 5 }),
      makeTask('odd', { title: '100% wool_coat', done: true }),
      makeTask('gone', { title: 'Iron gone', done: true }),
    ];
    const pushed = await gql(
      server.url,
      PUSH_TASKS,
      { rows: tasks.map((task) => ({ newDocumentState: { ...task, _deleted: false } })) },
      bearer(await token()),
    );
    expect(pushed.errors).toBeUndefined();
    // then deleted, over the state the server stored
    const [stored] = (await lookup({ collection: 'tasks', ids: ['gone'] })).docs;
    const removed = await gql<{ pushTasks: unknown[] }>(
      server.url,
      PUSH_TASKS,
      { rows: [{ newDocumentState: { ...stored, _deleted: true }, assumedMasterState: stored }] },
      bearer(await token()),
    );
    expect(removed.errors).toBeUndefined();
    expect(removed.data?.pushTasks, 'no conflict').toEqual([]);
    const jobs: Job[] = [{ id: 'j1', title: 'Boiler service', budget: 900, updatedAt: 0 } as Job];
    const job = await gql(
      server.url,
      PUSH_JOBS,
      { rows: jobs.map((doc) => ({ newDocumentState: { ...doc, _deleted: false } })) },
      bearer(await token()),
    );
    expect(job.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers documents out of the scope by id, which a pull leaves out', async () => {
    const pulled = await gql<{ pullTasks: { documents: { id: string }[] } }>(
      server.url,
      PULL,
      {},
      // a device syncing from nothing: it is sent only what is in its scope
      { ...bearer(await token()), 'x-syncline-fresh': '1' },
    );
    expect(pulled.data?.pullTasks.documents.map((doc) => doc.id)).not.toContain('done-1');
    const { docs, errors } = await lookup({ collection: 'tasks', ids: ['done-1', 'open-1', 'missing'] });
    expect(errors).toBeUndefined();
    expect(docs.map((doc) => doc.id).sort()).toEqual(['done-1', 'open-1']);
    expect(docs.find((doc) => doc.id === 'done-1')).toMatchObject({ title: 'Iron shirts for Ana', done: true });
  });

  it('finds by the start of a text field ignoring case, newest change first', async () => {
    const { docs } = await lookup({ collection: 'tasks', field: 'title', prefix: 'IRON S' });
    expect(docs.map((doc) => doc.id)).toEqual(['done-2', 'done-1']);
  });

  it('takes % and _ in the text literally', async () => {
    expect((await lookup({ collection: 'tasks', field: 'title', prefix: '100%' })).docs.map((doc) => doc.id)).toEqual([
      'odd',
    ]);
    expect((await lookup({ collection: 'tasks', field: 'title', prefix: '1_0' })).docs).toEqual([]);
    expect((await lookup({ collection: 'tasks', field: 'title', prefix: '%' })).docs).toEqual([]);
  });

  it('finds a whole-number field by its digits', async () => {
    const { docs } = await lookup({ collection: 'tasks', field: 'priority', prefix: '4' });
    expect(docs.map((doc) => doc.id)).toEqual(['done-2']);
  });

  it('never answers a deleted document', async () => {
    expect((await lookup({ collection: 'tasks', field: 'title', prefix: 'iron gone' })).docs).toEqual([]);
    expect((await lookup({ collection: 'tasks', ids: ['gone'] })).docs).toEqual([]);
  });

  it("answers nothing of another tenant's", async () => {
    const { docs, errors } = await lookup({ collection: 'tasks', ids: ['done-1'] }, 'lead', `${tenant}-other`);
    expect(errors).toBeUndefined();
    expect(docs).toEqual([]);
  });

  it('leaves out the fields a role may not read, and refuses to search by them', async () => {
    const lead = await lookup({ collection: 'jobs', ids: ['j1'] }, 'lead');
    expect(lead.docs[0]).toMatchObject({ id: 'j1', budget: 900 });
    const guest = await lookup({ collection: 'jobs', ids: ['j1'] }, 'guest');
    expect(guest.docs[0]).toMatchObject({ id: 'j1', title: 'Boiler service' });
    expect(guest.docs[0]).not.toHaveProperty('budget');
    const searched = await lookup({ collection: 'jobs', field: 'budget', prefix: '9' }, 'guest');
    expect(searched.errors?.[0]?.message).toMatch(/"budget" is not a field your role may read; nothing was looked up/);
  });

  it('says what was wrong with a lookup it cannot answer', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ collection: 'nope', ids: ['a'] }, /There is no collection "nope"/],
      [{ collection: 'tasks' }, /Give either ids or a field and a prefix/],
      [{ collection: 'tasks', ids: ['a'], field: 'title', prefix: 'a' }, /Give either ids or a field/],
      [{ collection: 'tasks', field: 'done', prefix: 't' }, /"done" is not a text or whole-number field/],
      [{ collection: 'tasks', field: 'title', prefix: '  ' }, /prefix must be the text to look for/],
      [{ collection: 'tasks', ids: ['a'], limit: MAX_LOOKUP + 1 }, /limit must be a whole number from 1 to 50/],
      [{ collection: 'tasks', ids: [] }, /ids must hold 1 to 50 ids/],
    ];
    for (const [variables, message] of cases) {
      const { errors } = await lookup(variables);
      expect(errors?.[0]?.message, JSON.stringify(variables)).toMatch(message);
    }
  });
});
