// The pull fast path (src/pull-output.ts) answers exactly what graphql-js answers: the same query with a directive
// the fast path declines runs on the real schema, and both answers are compared, for the stock client's selection,
// aliases, nested documents and absent optional fields, and for stored values graphql-js converts or refuses.
import { createDemoData, generateOrders, orderSchema } from '@syncline/domain';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/testing.js';
import { bearer, gql, makeTask, pushTasks, testCollections, wire } from './helpers.js';

const ORDER_FIELDS = `id number customerId customerName status priority items { sku name quantity unitPrice }
  totals { subtotal tax total } notes tags assignedMachineId labelPrints
  history { id at by summary changes { field from to } } receivedAt dueAt deliveredAt editedAt updatedAt _deleted`;

const pullOrders = (documents: string) => `query($checkpoint: OrdersInputCheckpoint, $limit: Int!) {
  pullOrders(checkpoint: $checkpoint, limit: $limit) { ${documents} checkpoint { id updatedAt } }
}`;

const pullTasks = (documents: string) => `query($limit: Int!) {
  pullTasks(checkpoint: null, limit: $limit) { ${documents} checkpoint { id updatedAt } }
}`;

/** The same query, declined by the fast path (a directive on `documents`): graphql-js's own answer. */
const onRealSchema = (query: string) => query.replace(/documents(?= \{)/, 'documents @include(if: true)');

/** An answer without error locations (the directive moves the columns). */
function comparable(answer: { data?: unknown; errors?: { message: string; path?: unknown }[] }) {
  return { data: answer.data, errors: answer.errors?.map(({ message, path }) => ({ message, path })) };
}

describe('pull fast path', () => {
  let server: TestServer;
  let token: string;
  const logged: string[] = [];
  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
    server = await startTestServer({
      collections: { orders: orderSchema, ...testCollections },
      serverOptions: { logger },
    });
    token = await server.token('acme');
  });
  afterAll(() => server.close());

  async function both(query: string, variables: Record<string, unknown>) {
    const fast = await gql(server.url, query, variables, bearer(token));
    const real = await gql(server.url, onRealSchema(query), variables, bearer(token));
    expect(onRealSchema(query)).not.toBe(query);
    return { fast, real };
  }

  it('answers orders (nested, optional fields absent, deleted) as graphql-js does', async () => {
    const customers = createDemoData({ orders: 0, customers: 5 }).customers;
    const orders = Array.from(generateOrders({ seed: 9, count: 40, customers, firstNumber: 1 }));
    const push = await gql(
      server.url,
      'mutation($rows: [OrdersInputPushRow!]) { pushOrders(ordersPushRow: $rows) { id } }',
      { rows: orders.map((order, i) => ({ newDocumentState: { ...order, _deleted: i % 7 === 0 } })) },
      bearer(token),
    );
    expect(push.errors).toBeUndefined();
    for (const documents of [
      `documents { ${ORDER_FIELDS} }`,
      // aliases, a reordered and partial selection, the same field under two keys
      'documents { key: id totals { total sum: subtotal } tags id again: id items { quantity } }',
    ]) {
      const { fast, real } = await both(pullOrders(documents), { checkpoint: null, limit: 25 });
      expect(fast.errors).toBeUndefined();
      expect(JSON.stringify(fast)).toBe(JSON.stringify(real));
    }
    expect(logged).toEqual([]);
  });

  it('answers stored values graphql-js converts or refuses as graphql-js does', async () => {
    await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('plain', { note: 'kept' })) }]);
    // Written behind the server's back, as an older server or a hand edit could have left them.
    const storage = await server.openStorage();
    const odd: Record<string, unknown>[] = [
      { ...makeTask('number-title'), title: 42 },
      { ...makeTask('huge-priority'), priority: 2 ** 40 },
      { ...makeTask('no-title'), title: undefined },
      { ...makeTask('string-done'), done: 'yes' },
    ];
    await storage.transaction('acme', async (tx) => {
      await tx.write(
        'tasks',
        odd.map((data) => ({ id: String(data.id), updatedAt: tx.nextUpdatedAt(), deleted: false, data })),
      );
    });
    await storage.close();
    const query = pullTasks('documents { id title done priority updatedAt note _deleted }');
    for (const limit of [1, 2, 3, 4, 5]) {
      const { fast, real } = await both(query, { limit });
      expect(comparable(fast)).toEqual(comparable(real));
    }
    const { fast } = await both(query, { limit: 5 });
    expect(fast.errors?.length).toBeGreaterThan(0);
    // The fast path ran, met the odd values, and handed the query to graphql-js.
    expect(logged.join('')).toMatch(/a pulled document is not of its GraphQL type/);
  });
});
