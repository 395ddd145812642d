// The pull fast path (src/pull-output.ts) answers exactly what graphql-js answers: the same query with a directive
// the fast path declines runs on the real schema, and both answers are compared, for the stock client's selection,
// aliases, nested documents and absent optional fields, and for stored values graphql-js converts or refuses.
// Stream events take the same path, shaped once for all subscribers: a subscriber on the fast path and one
// declined by it get the same messages, for pushed orders and for an event graphql-js has to answer.
import { createDemoData, generateOrders, orderSchema } from '@syncline/domain';
import { createClient } from 'graphql-ws/client';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createInMemoryPubSub } from '../src/index.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { bearer, eventually, gql, makeTask, pushTasks, testCollections, wire } from './helpers.js';

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

describe('pull and stream fast path', () => {
  let server: TestServer;
  let token: string;
  const logged: string[] = [];
  const pubsub = createInMemoryPubSub();
  beforeAll(async () => {
    const logger = pino({ level: 'warn' }, { write: (line: string) => logged.push(line) });
    server = await startTestServer({
      collections: { orders: orderSchema, ...testCollections },
      serverOptions: { logger, pubsub },
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

  /** A stock subscriber of `query`: the messages it gets, and a way to stop. */
  async function subscriber(query: string) {
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { headers: bearer(token) },
    });
    const messages: unknown[] = [];
    const started = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    const stop = client.subscribe(
      { query },
      { next: (m) => messages.push(m), error: (e) => messages.push({ error: JSON.stringify(e) }), complete: () => {} },
    );
    await started;
    return {
      messages,
      async close() {
        stop();
        await client.dispose();
      },
    };
  }

  const streamOrders = (documents: string) =>
    `subscription { streamOrders { ${documents} checkpoint { id updatedAt } } }`;
  const streamTasks = (documents: string) =>
    `subscription { streamTasks { ${documents} checkpoint { id updatedAt } } }`;

  it('streams each event to every subscriber as graphql-js answers it, shaped once for all of them', async () => {
    const fast = await Promise.all([1, 2, 3].map(() => subscriber(streamOrders(`documents { ${ORDER_FIELDS} }`))));
    const real = await subscriber(onRealSchema(streamOrders(`documents { ${ORDER_FIELDS} }`)));
    // wait until every subscription is live: a push then reaches all of them
    await new Promise((resolve) => setTimeout(resolve, 200));
    const customers = createDemoData({ orders: 0, customers: 5 }).customers;
    const orders = Array.from(generateOrders({ seed: 11, count: 12, customers, firstNumber: 500 }));
    for (const batch of [orders.slice(0, 5), orders.slice(5)]) {
      const push = await gql(
        server.url,
        'mutation($rows: [OrdersInputPushRow!]) { pushOrders(ordersPushRow: $rows) { id } }',
        { rows: batch.map((order, i) => ({ newDocumentState: { ...order, _deleted: i === 1 } })) },
        bearer(token),
      );
      expect(push.errors).toBeUndefined();
    }
    await eventually(() => expect(real.messages).toHaveLength(2));
    for (const { messages } of fast) {
      await eventually(() => expect(messages).toHaveLength(2));
      expect(JSON.stringify(messages)).toBe(JSON.stringify(real.messages));
    }
    expect(JSON.stringify(real.messages)).toContain(orders[7]?.customerName);
    for (const s of [...fast, real]) await s.close();
  });

  it('hands an event graphql-js must answer to graphql-js, and the stream goes on', async () => {
    const selection = 'documents { id title done priority updatedAt note _deleted }';
    const fast = await subscriber(streamTasks(selection));
    const real = await subscriber(onRealSchema(streamTasks(selection)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const checkpoint = { id: 'odd', updatedAt: Date.now() };
    // an event no push makes (pushes are checked against the schema): a title graphql-js converts, a priority it refuses
    pubsub.publish('acme', {
      collection: 'tasks',
      documents: [{ ...makeTask('odd'), title: 42, priority: 2 ** 40, _deleted: false }],
      checkpoint,
    });
    await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('after-odd')) }]);
    await eventually(() => expect(real.messages).toHaveLength(2));
    await eventually(() => expect(fast.messages).toHaveLength(2));
    type Answer = Parameters<typeof comparable>[0];
    expect((fast.messages as Answer[]).map(comparable)).toEqual((real.messages as Answer[]).map(comparable));
    // graphql-js's answer: the priority it cannot represent is a (masked) error at its path
    expect(fast.messages[0]).toMatchObject({ errors: [{ path: ['streamTasks', 'documents', 0, 'priority'] }] });
    // the fast path ran, met the odd value, and handed the event to graphql-js
    expect(logged.join('')).toMatch(/TasksPullBulk.*a pulled document is not of its GraphQL type/);
    expect(JSON.stringify(fast.messages[1])).toContain('after-odd');
    for (const s of [fast, real]) await s.close();
  });
});
