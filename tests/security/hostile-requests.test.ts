// The hostile-request suite: malformed and oversized bodies, query bombs, introspection in production, invalid
// documents, unknown collections, bad tokens, other tenants' ids and streams, over HTTP and ws, against the
// `syncline-server` command in its own process. Each request gets a clear error, the process stays up, and the
// SQLite file's row count and checksum are unchanged.
import { createHmac } from 'node:crypto';
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { signToken } from '@syncline/server';
import { TEST_JWT_SECRET } from '@syncline/server/testing';
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { databaseFingerprint, type Fingerprint } from '../support/database-fingerprint';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const collections = { customers: controlCenterSchemas.customers, orders: controlCenterSchemas.orders };
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT made by hand, so it can be anything a forger would send. */
function handMade(header: Record<string, unknown>, payload: Record<string, unknown>, secret = TEST_JWT_SECRET) {
  const head = `${b64(header)}.${b64(payload)}`;
  const signature = header.alg === 'none' ? '' : createHmac('sha256', secret).update(head).digest('base64url');
  return `${head}.${signature}`;
}

const [demoOrder] = createDemoData({ seed: 8, orders: 1, customers: 1, machines: 1 }).orders;

const customer = (id: string, patch: Record<string, unknown> = {}) => ({
  id,
  name: `Customer ${id}`,
  orderCount: 1,
  createdAt: 1_700_000_000_000,
  _deleted: false,
  ...patch,
});

const PUSH = 'mutation($rows: [CustomersInputPushRow!]) { pushCustomers(customersPushRow: $rows) { id name } }';
const PULL = `query($limit: Int!) { pullCustomers(checkpoint: null, limit: $limit) {
  documents { id name orderCount createdAt notes tags updatedAt _deleted } checkpoint { id updatedAt } } }`;
const push = (rows: unknown[]) => JSON.stringify({ query: PUSH, variables: { rows } });
const pushOne = (doc: Record<string, unknown>) => push([{ newDocumentState: doc }]);

let server: ServerProcess;
let production: ServerProcess;
let acme: string;
let globex: string;
let baseline: Fingerprint;

interface HttpCase {
  name: string;
  /** the request body, or a function of the tokens */
  body: string | (() => string);
  /** default: acme's valid token */
  auth?: () => string | undefined;
  method?: 'GET' | 'POST';
  contentType?: string;
  path?: string;
  production?: boolean;
  status?: number;
  message: RegExp;
  code?: string;
}

const tokens = {
  expired: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme', exp: now() - 120 }),
  forged: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme', exp: now() + 600 }, 'x'.repeat(40)),
  none: () => handMade({ alg: 'none', typ: 'JWT' }, { tenant: 'acme', exp: now() + 600 }),
  noExp: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme' }),
  noTenant: () => handMade({ alg: 'HS256', typ: 'JWT' }, { exp: now() + 600 }),
  pathTenant: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: '../../etc/passwd', exp: now() + 600 }),
  longTenant: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: 'a'.repeat(200), exp: now() + 600 }),
  objectTenant: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: { $ne: null }, exp: now() + 600 }),
  notYet: () => handMade({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme', exp: now() + 600, nbf: now() + 300 }),
  swappedPayload: () => {
    // acme's signature over globex's claims
    const [, payload] = globex.split('.');
    const [head, , signature] = acme.split('.');
    return `${head}.${payload}.${signature}`;
  },
};

let hs512 = '';

const nest = (depth: number) => {
  let query = 'name';
  for (let i = 0; i < depth; i++) query = `fields { type { ${query} } }`;
  return `{ __schema { types { ${query} } } }`;
};

const httpCases: HttpCase[] = [
  // --- bodies
  { name: 'malformed JSON', body: '{"query": "mutation { pushCustomers(', status: 400, message: /invalid JSON/i },
  { name: 'empty body', body: '', status: 400, message: /./ },
  { name: 'a JSON string as body', body: '"pushCustomers"', status: 400, message: /./ },
  { name: 'a JSON number as body', body: '42', status: 400, message: /./ },
  { name: 'no query', body: '{}', message: /Must provide query string/i },
  { name: 'query is not a string', body: '{"query": 42}', status: 400, message: /query.*string/i },
  {
    name: 'variables are not an object',
    body: '{"query": "{ __typename }", "variables": "x"}',
    status: 400,
    message: /variables/i,
  },
  {
    name: 'extensions are not an object',
    body: '{"query": "{ __typename }", "extensions": 7}',
    status: 400,
    message: /extensions/i,
  },
  {
    name: 'a body over the 1 MiB limit',
    body: () => push([{ newDocumentState: customer('big', { notes: 'x'.repeat(1_200_000) }) }]),
    status: 413,
    message: /too large/i,
  },
  {
    name: 'a mutation over GET',
    method: 'GET',
    body: '',
    path: `?query=${encodeURIComponent('mutation { pushCustomers(customersPushRow: []) { id } }')}`,
    status: 405,
    message: /mutation.*POST/i,
  },
  { name: 'a syntax error', body: JSON.stringify({ query: 'mutation { pushCustomers(' }), message: /Syntax Error/ },
  // --- bombs
  { name: 'a depth bomb', body: JSON.stringify({ query: nest(20) }), message: /nested too deeply/ },
  {
    name: 'an alias bomb',
    body: JSON.stringify({
      query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: pullCustomers(limit: 1) { checkpoint { id } }`).join(' ')} }`,
    }),
    message: /too many aliases/,
  },
  {
    name: 'a directive bomb',
    body: JSON.stringify({
      query: `{ pullCustomers(limit: 1) ${'@include(if: true) '.repeat(100)} { checkpoint { id } } }`,
    }),
    message: /too many directives/,
  },
  {
    name: 'a token bomb',
    body: JSON.stringify({ query: `{ pullCustomers(limit: 1) { documents { ${'id '.repeat(5000)} } } }` }),
    message: /too long|token/i,
  },
  {
    name: 'a fragment that spreads itself',
    body: JSON.stringify({
      query: 'query { pullCustomers(limit: 1) { ...A } } fragment A on CustomersPullBulk { checkpoint { id } ...A }',
    }),
    message: /spread fragment "A" within itself/,
  },
  {
    name: 'a batched request of many operations',
    body: JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ __typename }' }))),
    message: /Batching is not supported/,
  },
  // --- introspection in production
  {
    name: 'introspection in production',
    production: true,
    body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    message: /Introspection is disabled/,
  },
  {
    name: '__type introspection in production',
    production: true,
    body: JSON.stringify({ query: '{ __type(name: "Customers") { fields { name } } }' }),
    message: /Introspection is disabled/,
  },
  {
    name: 'field suggestions in production',
    production: true,
    body: JSON.stringify({ query: '{ pullCustomer(limit: 1) { checkpoint { id } } }' }),
    message: /^(?![\s\S]*Did you mean)/,
  },
  // --- invalid documents
  {
    name: 'a number where a string belongs',
    body: () => pushOne(customer('c-bad', { name: 42 })),
    message: /String cannot represent/,
  },
  {
    name: 'a string where an integer belongs',
    body: () => pushOne(customer('c-bad', { orderCount: 'ten' })),
    message: /Int cannot represent/,
  },
  {
    name: 'a fraction where an integer belongs',
    body: () => pushOne(customer('c-bad', { orderCount: 1.5 })),
    message: /Int cannot represent/,
  },
  {
    name: 'a missing required field',
    body: () => pushOne({ id: 'c-bad', orderCount: 1, createdAt: 1, _deleted: false }),
    message: /Field "name" of required type "String!" was not provided/,
  },
  { name: 'a null required field', body: () => pushOne(customer('c-bad', { name: null })), message: /name/ },
  {
    name: 'an extra field',
    body: () => pushOne(customer('c-bad', { isAdmin: true })),
    message: /"isAdmin" is not defined/,
  },
  {
    name: 'a __proto__ field',
    body: () =>
      `{"query":${JSON.stringify(PUSH)},"variables":{"rows":[{"newDocumentState":{"id":"c-bad","name":"n","orderCount":1,"createdAt":1,"_deleted":false,"__proto__":{"polluted":true}}}]}}`,
    message: /"__proto__" is not defined/,
  },
  {
    name: 'a huge id',
    body: () => pushOne(customer('i'.repeat(200_000))),
    message: /invalid at \/id/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'a huge name',
    body: () => pushOne(customer('c-bad', { name: 'n'.repeat(300_000) })),
    message: /invalid at \/name/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'a negative counter',
    body: () => pushOne(customer('c-bad', { orderCount: -3 })),
    message: /invalid at \/orderCount/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'a timestamp past the end of time',
    body: () => pushOne(customer('c-bad', { createdAt: 9e18 })),
    message: /invalid at \/createdAt/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'an array of numbers where strings belong',
    body: () => pushOne(customer('c-bad', { tags: [1, 2] })),
    message: /String cannot represent/,
  },
  {
    name: '_deleted as a string',
    body: () => pushOne(customer('c-bad', { _deleted: 'yes' })),
    message: /Boolean cannot represent/,
  },
  {
    name: 'one valid and one invalid document in a push',
    body: () =>
      push([{ newDocumentState: customer('c-fine') }, { newDocumentState: customer('c-bad', { orderCount: -1 }) }]),
    message: /Document "c-bad" of customers is invalid[\s\S]*Nothing of this push was written/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'an order with an unknown status',
    body: () =>
      JSON.stringify({
        query: 'mutation($rows: [OrdersInputPushRow!]) { pushOrders(ordersPushRow: $rows) { id } }',
        variables: { rows: [{ newDocumentState: { ...demoOrder, status: 'teleported', _deleted: false } }] },
      }),
    message: /invalid at \/status/,
    code: 'INVALID_DOCUMENT',
  },
  {
    name: 'more rows than the push batch limit',
    body: () => push(Array.from({ length: 501 }, (_, i) => ({ newDocumentState: customer(`c-many-${i}`) }))),
    message: /Too many rows in one push: 501/,
    code: 'PUSH_BATCH_TOO_LARGE',
  },
  {
    name: 'a pull limit far over the maximum',
    body: JSON.stringify({ query: PULL, variables: { limit: 1_000_000 } }),
    message: /limit/i,
  },
  { name: 'a negative pull limit', body: JSON.stringify({ query: PULL, variables: { limit: -1 } }), message: /limit/i },
  {
    name: 'a pull limit that is not a number',
    body: JSON.stringify({ query: PULL, variables: { limit: 'all' } }),
    message: /Int cannot represent/,
  },
  {
    name: 'a checkpoint of the wrong shape',
    body: JSON.stringify({
      query: 'query { pullCustomers(checkpoint: { id: 5, updatedAt: "yesterday" }, limit: 5) { checkpoint { id } } }',
    }),
    message: /cannot represent/i,
  },
  // --- unknown collections and tenant arguments
  {
    name: 'a push to an unknown collection',
    body: JSON.stringify({ query: 'mutation { pushWidgets(widgetsPushRow: []) { id } }' }),
    message: /Cannot query field "pushWidgets"/,
  },
  {
    name: 'a pull of an unknown collection',
    body: JSON.stringify({ query: '{ pullSyncDocuments(limit: 5) { checkpoint { id } } }' }),
    message: /Cannot query field "pullSyncDocuments"/,
  },
  {
    name: 'a tenant argument',
    body: JSON.stringify({ query: '{ pullCustomers(limit: 5, tenant: "globex") { checkpoint { id } } }' }),
    message: /Unknown argument "tenant"/,
  },
  // --- tokens
  {
    name: 'no token',
    auth: () => undefined,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /Missing token/,
    code: 'UNAUTHENTICATED',
  },
  {
    name: 'an empty bearer',
    auth: () => 'Bearer ',
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /Missing token|not a well-formed/,
  },
  {
    name: 'Basic credentials',
    auth: () => `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /not a well-formed/,
  },
  {
    name: 'not a JWT',
    auth: () => 'Bearer hello',
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /not a well-formed/,
  },
  {
    name: 'an expired token',
    auth: () => `Bearer ${tokens.expired()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /Token expired/,
  },
  {
    name: 'a forged signature',
    auth: () => `Bearer ${tokens.forged()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /signature does not match/,
  },
  {
    name: 'alg: none',
    auth: () => `Bearer ${tokens.none()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /not a well-formed|algorithm/,
  },
  {
    name: 'HS512 when only HS256 is allowed',
    auth: () => `Bearer ${hs512}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /algorithm is not accepted/,
  },
  {
    name: 'no exp claim',
    auth: () => `Bearer ${tokens.noExp()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"exp" claim is missing/,
  },
  {
    name: 'no tenant claim',
    auth: () => `Bearer ${tokens.noTenant()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"tenant" claim/,
  },
  {
    name: 'a path as tenant',
    auth: () => `Bearer ${tokens.pathTenant()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"tenant" claim/,
  },
  {
    name: 'an over-long tenant',
    auth: () => `Bearer ${tokens.longTenant()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"tenant" claim/,
  },
  {
    name: 'an object as tenant',
    auth: () => `Bearer ${tokens.objectTenant()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"tenant" claim/,
  },
  {
    name: 'a token not valid yet',
    auth: () => `Bearer ${tokens.notYet()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /"nbf" claim/,
  },
  {
    name: "one tenant's signature over another's claims",
    auth: () => `Bearer ${tokens.swappedPayload()}`,
    body: () => pushOne(customer('c-anon')),
    status: 401,
    message: /signature does not match/,
  },
  {
    name: 'a token in a query argument instead of the header',
    auth: () => undefined,
    body: () =>
      JSON.stringify({
        query: PULL,
        variables: { limit: 5 },
        extensions: { headers: { Authorization: `Bearer ${acme}` } },
      }),
    status: 401,
    message: /Missing token/,
  },
];

async function send(test: HttpCase) {
  const target = test.production ? production : server;
  const auth = test.auth ? test.auth() : `Bearer ${acme}`;
  const headers: Record<string, string> = { 'content-type': test.contentType ?? 'application/json' };
  if (auth !== undefined) headers.authorization = auth;
  const method = test.method ?? 'POST';
  const response = await fetch(`${target.url}${test.path ?? ''}`, {
    method,
    headers: method === 'GET' ? { ...headers, accept: 'application/json' } : headers,
    ...(method === 'POST' ? { body: typeof test.body === 'function' ? test.body() : test.body } : {}),
  });
  return { status: response.status, text: await response.text() };
}

/** The process answers, and the database is exactly as before. */
async function expectUnharmed(target: ServerProcess = server) {
  expect(target.running).toBe(true);
  expect((await fetch(`${target.origin}/readyz`)).status).toBe(200);
  expect(databaseFingerprint(server.dbPath)).toEqual(baseline);
}

function errorsOf(text: string): Array<{ message: string; extensions?: { code?: string } }> {
  try {
    const body = JSON.parse(text) as unknown;
    const list = Array.isArray(body) ? body : [body];
    return list.flatMap((answer) => (answer as { errors?: [] }).errors ?? []);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  [server, production] = await Promise.all([
    startServerProcess({ collections }),
    startServerProcess({ collections, env: { NODE_ENV: 'production' } }),
  ]);
  acme = await server.token('acme', 'ana');
  globex = await server.token('globex', 'gus');
  hs512 = await signToken({ secret: TEST_JWT_SECRET, tenant: 'acme', algorithm: 'HS512' });
  // something worth protecting: acme's customers
  const seeded = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${acme}` },
    body: push([{ newDocumentState: customer('c1') }, { newDocumentState: customer('c2', { notes: 'VIP' }) }]),
  });
  expect(errorsOf(await seeded.text())).toEqual([]);
  baseline = databaseFingerprint(server.dbPath);
  expect(baseline.rows).toBe(3); // two customers and acme's clock
}, 120_000);

afterAll(async () => {
  await Promise.all([server?.close(), production?.close()]);
});

describe('hostile requests over HTTP', () => {
  it.each(httpCases)('$name: a clear error, nothing written, still up', async (test) => {
    const answer = await send(test);
    if (test.status !== undefined) expect(answer.status).toBe(test.status);
    expect(answer.status).toBeLessThan(500);
    if (answer.status === 413) {
      expect(answer.text).toMatch(test.message);
    } else {
      const errors = errorsOf(answer.text);
      expect(errors.length, answer.text.slice(0, 300)).toBeGreaterThan(0);
      expect(errors.map((e) => e.message).join('\n')).toMatch(test.message);
      if (test.code) expect(errors.map((e) => e.extensions?.code)).toContain(test.code);
      // clear, and no internals
      expect(answer.text).not.toMatch(/Unexpected error|SQLITE|at .*\.ts:\d+/);
    }
    await expectUnharmed(test.production ? production : server);
  });
});

const STREAM = `subscription($headers: CustomersInputHeaders) {
  streamCustomers(headers: $headers) { documents { id name notes } checkpoint { id updatedAt } } }`;

type WsOutcome =
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'error'; message: string }
  | { kind: 'data'; data: unknown };

/** One operation through a graphql-ws client: the first thing that comes back (data, errors, or a close). */
function overWs(
  target: ServerProcess,
  connectionParams: Record<string, unknown> | undefined,
  payload: { query: string; variables?: Record<string, unknown> },
): Promise<WsOutcome> {
  return new Promise((resolve) => {
    const client = createClient({
      url: target.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: true,
      ...(connectionParams ? { connectionParams } : {}),
    });
    const settle = (outcome: WsOutcome) => {
      resolve(outcome);
      // dispose() of a client the server closed rejects with that close: already reported above
      Promise.resolve(client.dispose()).catch(() => undefined);
    };
    client.on('closed', (event) => {
      const { code, reason } = event as { code: number; reason: string };
      settle({ kind: 'closed', code, reason: String(reason) });
    });
    client.subscribe(payload, {
      next: (value) =>
        value.errors?.length
          ? settle({ kind: 'error', message: value.errors.map((e) => e.message).join('\n') })
          : settle({ kind: 'data', data: value.data }),
      error: (error) =>
        settle(
          Array.isArray(error)
            ? { kind: 'error', message: error.map((e: { message: string }) => e.message).join('\n') }
            : error instanceof Error
              ? { kind: 'error', message: error.message }
              : {
                  kind: 'closed',
                  code: (error as { code: number }).code,
                  reason: String((error as { reason: string }).reason),
                },
        ),
      complete: () => undefined,
    });
  });
}

/** Raw frames on a graphql-transport-ws socket: how it closes. */
function rawWs(target: ServerProcess, frames: Array<string | Buffer>): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(target.wsUrl, 'graphql-transport-ws');
    socket.on('error', () => undefined);
    socket.on('open', () => {
      for (const frame of frames) socket.send(frame);
    });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    setTimeout(() => socket.terminate(), 15_000).unref();
  });
}

interface WsCase {
  name: string;
  run: () => Promise<WsOutcome | { code: number; reason: string }>;
  expected: { close?: number; message?: RegExp };
}

const withToken = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
const streamAs = (connectionToken: string | undefined, streamToken?: string) =>
  overWs(server, connectionToken ? withToken(connectionToken) : undefined, {
    query: STREAM,
    variables: streamToken ? { headers: { Authorization: `Bearer ${streamToken}` } } : {},
  });

const wsCases: WsCase[] = [
  { name: 'a stream with no token at all', run: () => streamAs(undefined), expected: { message: /Missing token/ } },
  { name: 'a connection with a forged token', run: () => streamAs(tokens.forged()), expected: { close: 4403 } },
  { name: 'a connection with an expired token', run: () => streamAs(tokens.expired()), expected: { close: 4403 } },
  { name: 'a connection with an alg:none token', run: () => streamAs(tokens.none()), expected: { close: 4403 } },
  { name: 'a connection with a tenant-less token', run: () => streamAs(tokens.noTenant()), expected: { close: 4403 } },
  {
    name: 'a stream asking for another tenant with a forged token in its headers',
    run: () => streamAs(globex, tokens.forged()),
    expected: { message: /signature does not match/ },
  },
  {
    name: "a stream with another tenant's expired token in its headers",
    run: () => streamAs(globex, tokens.expired()),
    expected: { message: /Token expired/ },
  },
  {
    name: 'a stream of an unknown collection',
    run: () => overWs(server, withToken(acme), { query: 'subscription { streamWidgets { checkpoint { id } } }' }),
    expected: { message: /Cannot query field "streamWidgets"/ },
  },
  {
    name: 'a depth bomb over ws',
    run: () => overWs(server, withToken(acme), { query: nest(20) }),
    expected: { message: /nested too deeply/ },
  },
  {
    name: 'an alias bomb over ws',
    run: () =>
      overWs(server, withToken(acme), {
        query: `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: pullCustomers(limit: 1) { checkpoint { id } }`).join(' ')} }`,
      }),
    expected: { message: /too many aliases/ },
  },
  {
    name: 'an invalid document pushed over ws',
    run: () =>
      overWs(server, withToken(acme), {
        query: PUSH,
        variables: { rows: [{ newDocumentState: customer('c-ws', { orderCount: -9 }) }] },
      }),
    expected: { message: /Document "c-ws" of customers is invalid at \/orderCount/ },
  },
  {
    name: 'a push over ws with a forged token in the connection',
    run: () =>
      overWs(server, withToken(tokens.forged()), {
        query: PUSH,
        variables: { rows: [{ newDocumentState: customer('c-ws') }] },
      }),
    expected: { close: 4403 },
  },
  {
    name: 'introspection over ws in production',
    run: () => overWs(production, withToken(acme), { query: '{ __schema { types { name } } }' }),
    expected: { message: /Introspection is disabled/ },
  },
  {
    name: 'a message over the size limit',
    run: () =>
      rawWs(server, [
        JSON.stringify({ type: 'connection_init', payload: withToken(acme) }),
        JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `{ __typename } # ${'x'.repeat(1_100_000)}` } }),
      ]),
    expected: { close: 1009 },
  },
  {
    name: 'a frame that is not JSON',
    run: () => rawWs(server, ['{"type": "connection_init"']),
    expected: { close: 4400 },
  },
  {
    name: 'a subscribe before connection_init',
    run: () => rawWs(server, [JSON.stringify({ id: '1', type: 'subscribe', payload: { query: STREAM } })]),
    expected: { close: 4401 },
  },
  {
    name: 'two connection_init frames',
    run: () =>
      rawWs(server, [
        JSON.stringify({ type: 'connection_init', payload: withToken(acme) }),
        JSON.stringify({ type: 'connection_init', payload: withToken(acme) }),
      ]),
    expected: { close: 4429 },
  },
  {
    name: 'a message of an unknown type',
    run: () =>
      rawWs(server, [
        JSON.stringify({ type: 'connection_init', payload: withToken(acme) }),
        JSON.stringify({ id: '1', type: 'drop_database' }),
      ]),
    expected: { close: 4400 },
  },
];

describe('hostile requests over ws', () => {
  it.each(wsCases)('$name: refused, nothing written, still up', async (test) => {
    const outcome = await test.run();
    const text = JSON.stringify(outcome);
    if (test.expected.close !== undefined) expect((outcome as { code?: number }).code, text).toBe(test.expected.close);
    if (test.expected.message) {
      expect((outcome as { kind?: string }).kind, text).toBe('error');
      expect((outcome as { message: string }).message).toMatch(test.expected.message);
    }
    expect(text).not.toMatch(/Unexpected error|SQLITE/);
    await expectUnharmed();
  });
});

describe("other tenants' data", () => {
  async function pullAs(token: string) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: PULL, variables: { limit: 100 } }),
    });
    const body = (await response.json()) as { data: { pullCustomers: { documents: Array<Record<string, unknown>> } } };
    return body.data.pullCustomers.documents;
  }

  it("sees none of another tenant's documents, even by their ids", async () => {
    expect(await pullAs(globex)).toEqual([]);
    // a pull from acme's own checkpoint as globex still returns nothing of acme's
    const [last] = (await pullAs(acme)).slice(-1);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${globex}` },
      body: JSON.stringify({
        query: 'query($c: CustomersInputCheckpoint) { pullCustomers(checkpoint: $c, limit: 5) { documents { id } } }',
        variables: { c: { id: '', updatedAt: 0 } },
      }),
    });
    expect(JSON.stringify(await response.json())).not.toMatch(/c1|c2/);
    expect(last?.id).toBe('c2');
    await expectUnharmed();
  });

  it("keeps another tenant's ids in push rows inside the pusher's own tenant", async () => {
    const acmeBefore = databaseFingerprint(server.dbPath, 'acme');
    const [c1] = await pullAs(acme);
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${globex}` },
      body: push([
        // acme's document, as if globex knew it, overwritten and deleted
        { assumedMasterState: c1, newDocumentState: customer('c1', { name: 'taken over', notes: 'globex was here' }) },
        { newDocumentState: customer('c2', { name: 'gone', _deleted: true }) },
      ]),
    });
    expect(errorsOf(await response.text())).toEqual([]);
    // acme's rows are exactly as they were; globex got rows of its own
    expect(databaseFingerprint(server.dbPath, 'acme')).toEqual(acmeBefore);
    expect((await pullAs(acme)).map((doc) => [doc.id, doc.name, doc._deleted])).toEqual([
      ['c1', 'Customer c1', false],
      ['c2', 'Customer c2', false],
    ]);
    expect((await pullAs(globex)).map((doc) => doc.id).sort()).toEqual(['c1', 'c2']);
  });

  it("streams nothing of another tenant's writes to a subscriber", async () => {
    const seen: { acme: string[]; globex: string[] } = { acme: [], globex: [] };
    const listen = (tenant: 'acme' | 'globex', token: string) => {
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: withToken(token),
      });
      client.subscribe(
        { query: STREAM, variables: { headers: { Authorization: `Bearer ${token}` } } },
        {
          next: (value) => {
            const docs = (value.data as { streamCustomers?: { documents: Array<{ id: string; notes?: string }> } })
              ?.streamCustomers?.documents;
            for (const doc of docs ?? []) seen[tenant].push(`${doc.id}:${doc.notes ?? ''}`);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return client;
    };
    const globexClient = listen('globex', globex);
    const acmeClient = listen('acme', acme);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${acme}` },
      body: push([{ newDocumentState: customer('c3', { notes: 'acme secret' }) }]),
    });
    const deadline = Date.now() + 15_000;
    while (!seen.acme.includes('c3:acme secret') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(seen.acme).toContain('c3:acme secret');
    expect(seen.globex.join()).not.toMatch(/acme secret|c3/);
    await Promise.all(
      [globexClient.dispose(), acmeClient.dispose()].map((done) => Promise.resolve(done).catch(() => undefined)),
    );
  });
});
