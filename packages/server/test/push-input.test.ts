// The push fast path (src/push-input.ts) gives exactly what graphql-js's coercion gives, or leaves the value to
// graphql-js: checked on a stored order and on every single-field corruption of it. Over HTTP, a push mixing a
// variable and a hand-written literal still lands whole.
import { createDemoData, generateOrders, orderSchema } from '@syncline/domain';
import {
  buildSchema,
  coerceInputValue,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  isInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { replicationTypeDefs } from '../src/graphql-schema.js';
import { coerceInputValueFast } from '../src/push-input.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { bearer, gql, makeTask, pullAllTasks, testCollections, wire } from './helpers.js';

// Built with the graphql this file imports, to compare with its coerceInputValue (Yoga may load the other build).
const schema = buildSchema(replicationTypeDefs(defineCollections({ orders: orderSchema, ...testCollections })));
const inputType = (name: string) => {
  const type = schema.getType(name);
  if (!type || !isInputType(type)) throw new Error(`no input type ${name}`);
  return type;
};

/** graphql-js's coercion: `{ value }`, or null when it refuses. */
function coerceLikeGraphQL(type: GraphQLInputType, value: unknown): { value: unknown } | null {
  let refused = false;
  const coerced = coerceInputValue(value, type, () => {
    refused = true;
  });
  return refused ? null : { value: coerced };
}

const customers = createDemoData({ orders: 0, customers: 5 }).customers;
const [order] = Array.from(generateOrders({ seed: 3, count: 1, customers, firstNumber: 1 }));
if (!order) throw new Error('no order');
const row = {
  assumedMasterState: { ...order, notes: null, _deleted: false },
  newDocumentState: { ...order, history: [...(order.history ?? [])], _deleted: true },
};

/** Every place in `value`, as a path of keys. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [at];
  const inner = Object.entries(value).flatMap(([key, item]) =>
    paths(item, [...at, Array.isArray(value) ? Number(key) : key]),
  );
  return [at, ...inner];
}

function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  if (by === DELETE && rest.length === 0) delete copy[head];
  else copy[head] = replaced(copy[head], rest, by);
  return copy;
}

const DELETE = Symbol('delete');
const corruptions: unknown[] = [
  DELETE,
  null,
  undefined,
  'text',
  '',
  0,
  -0,
  1.5,
  2 ** 31,
  -(2 ** 31),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  true,
  [],
  [null],
  {},
  { extra: 1 },
  new Date(0),
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

describe('push fast path', () => {
  const rowsType = inputType('OrdersInputPushRow');

  it('coerces a stored order as graphql-js does (same fields, order and prototypes), without leaving it', () => {
    const fast = coerceInputValueFast(rowsType, row);
    expect(fast).not.toBeNull();
    expect(fast).toStrictEqual(coerceLikeGraphQL(rowsType, row));
    expect(JSON.stringify(fast?.value)).toBe(JSON.stringify(coerceLikeGraphQL(rowsType, row)?.value));
  });

  it('on any corruption of one field, gives what graphql-js gives or leaves it to graphql-js', () => {
    let leftToGraphQL = 0;
    let checked = 0;
    for (const path of paths(row)) {
      for (const by of corruptions) {
        const value = replaced(row, path, by);
        const fast = coerceInputValueFast(rowsType, value);
        const slow = coerceLikeGraphQL(rowsType, value);
        checked += 1;
        if (fast === null) {
          leftToGraphQL += 1;
          continue;
        }
        expect(slow, `${path.join('.')} = ${String(by)}`).not.toBeNull();
        expect(fast, `${path.join('.')} = ${String(by)}`).toStrictEqual(slow);
      }
    }
    // Most corruptions are refused, and refusals are always graphql-js's to word.
    expect(leftToGraphQL).toBeGreaterThan(checked / 2);
  });

  it('takes lists of rows as RxDB and Syncline declare them, nullable or not', () => {
    const lists = [new GraphQLList(rowsType), new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(rowsType)))];
    for (const type of lists) {
      for (const value of [[row, row], [], null, [row, null], row, [row, { newDocumentState: null }]]) {
        const fast = coerceInputValueFast(type, value);
        const slow = coerceLikeGraphQL(type, value);
        if (fast !== null) expect(fast).toStrictEqual(slow);
      }
      expect(coerceInputValueFast(type, [row, row])).not.toBeNull();
    }
  });
});

describe('push fast path over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ collections: testCollections });
  });
  afterAll(() => server.close());

  it('writes a push that mixes a variable and a hand-written literal, and a literal alone', async () => {
    const token = await server.token('acme');
    const mixed = await gql(
      server.url,
      `mutation($row: TasksInputPushRow!) {
        pushTasks(tasksPushRow: [$row, { newDocumentState: {
          id: "literal", title: "Written by hand", done: false, priority: 2, updatedAt: 1, _deleted: false } }]) { id }
      }`,
      { row: { newDocumentState: wire(makeTask('variable')) } },
      bearer(token),
    );
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data).toEqual({ pushTasks: [] });
    const alone = await gql(
      server.url,
      `mutation { pushTasks(tasksPushRow: [{ newDocumentState: {
          id: "alone", title: "Also by hand", done: true, priority: 0, updatedAt: 1, _deleted: false } }]) { id } }`,
      {},
      bearer(token),
    );
    expect(alone.errors).toBeUndefined();
    const stored = await pullAllTasks(server.url, token);
    expect(stored.map((task) => [task.id, task.title])).toEqual([
      ['variable', 'Task variable'],
      ['literal', 'Written by hand'],
      ['alone', 'Also by hand'],
    ]);
  });
});
