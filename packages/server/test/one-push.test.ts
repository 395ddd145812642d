// A push request is one transaction, so one request carries one push field: an operation with two (aliases of
// one collection's push, or two collections') is refused whole before anything runs, and its error says so.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing.js';
import { bearer, gql, makeTask, pullAllTasks, testCollections, wire } from './helpers.js';

let server: TestServer;
let tenants = 0;
/** Each test in a shop of its own, so what one wrote cannot show in another. */
const freshToken = () => server.token(`shop-one-push-${++tenants}`);

beforeAll(async () => {
  server = await startTestServer({ collections: testCollections });
});

afterAll(async () => {
  await server?.close();
});

it('refuses an operation with two push fields and writes neither, saying why', async () => {
  const token = await freshToken();
  const answer = await gql(
    server.url,
    `mutation($good: [TasksInputPushRow!], $bad: [TasksInputPushRow!]) {
      first: pushTasks(tasksPushRow: $good) { id }
      second: pushTasks(tasksPushRow: $bad) { id }
    }`,
    {
      good: [{ newDocumentState: wire(makeTask('good-one')) }],
      bad: [{ newDocumentState: wire(makeTask('bad-one', { priority: 9 })) }],
    },
    bearer(token),
  );
  expect(answer.errors?.[0]?.message).toMatch(
    /one push field per request: this one has 2 \(first: pushTasks, second: pushTasks\)\. Nothing was written/,
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe('ONE_PUSH_PER_REQUEST');
  expect(await pullAllTasks(server.url, token)).toEqual([]);
});

it('refuses pushes of two collections in one operation, fragments included', async () => {
  const token = await freshToken();
  const answer = await gql(
    server.url,
    `mutation($tasks: [TasksInputPushRow!], $notes: [NotesInputPushRow!]) {
      pushTasks(tasksPushRow: $tasks) { id }
      ...more
    }
    fragment more on Mutation { pushNotes(notesPushRow: $notes) { id } }`,
    {
      tasks: [{ newDocumentState: wire(makeTask('task-one')) }],
      notes: [{ newDocumentState: { id: 'note-one', body: 'hello', updatedAt: 0, _deleted: false } }],
    },
    bearer(token),
  );
  expect(answer.errors?.[0]?.message).toMatch(/this one has 2 \(pushTasks, pushNotes\)/);
  expect(await pullAllTasks(server.url, token)).toEqual([]);
});

it('still takes one push field per request', async () => {
  const token = await freshToken();
  const answer = await gql(
    server.url,
    'mutation($rows: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $rows) { id } }',
    { rows: [{ newDocumentState: wire(makeTask('alone')) }] },
    bearer(token),
  );
  expect(answer.errors).toBeUndefined();
  expect((await pullAllTasks(server.url, token)).map((task) => task.id)).toEqual(['alone']);
});
