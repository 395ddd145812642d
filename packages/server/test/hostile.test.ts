// Hostile and broken input: each gets a clear error and changes nothing. Also the HTTP surface around the
// API: CORS allowlist, health and readiness, request ids, production masking and no GraphiQL. On SQLite and on
// PostgreSQL.
import { createHmac } from 'node:crypto';
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/auth.js';
import { createSyncServer } from '../src/server.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import {
  bearer,
  gql,
  makeTask,
  PULL_TASKS,
  pullAllTasks,
  pushTasks,
  storageWith,
  testCollections,
  upgradeFrom,
  type WireTask,
  wire,
} from './helpers.js';

describeOnEngines('hostile input', (engine) => {
  let server: TestServer;
  let production: TestServer;
  let token: string;
  let before: WireTask[];

  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = () => Math.floor(Date.now() / 1000);

  function handMadeToken(header: Record<string, unknown>, payload: Record<string, unknown>, secret = TEST_JWT_SECRET) {
    const head = `${b64(header)}.${b64(payload)}`;
    const signature = header.alg === 'none' ? '' : createHmac('sha256', secret).update(head).digest('base64url');
    return `${head}.${signature}`;
  }

  async function post(body: string, headers: Record<string, string> = {}) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(token), ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text, headers: response.headers };
  }

  beforeAll(async () => {
    server = await startTestServer({
      collections: testCollections,
      postgresUrl: engine.postgresUrl,
      redisUrl: engine.redisUrl,
      serverOptions: { limits: { pushBatch: 50 } },
    });
    production = await startTestServer({
      collections: testCollections,
      postgresUrl: engine.postgresUrl,
      redisUrl: engine.redisUrl,
      serverOptions: { production: true },
    });
    token = await server.token('acme');
    await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('keep', { title: 'untouched' })) }]);
    before = await pullAllTasks(server.url, token);
  });

  afterAll(async () => {
    // Whatever each test sent, the stored documents are exactly as they were.
    expect(await pullAllTasks(server.url, token)).toEqual(before);
    await server.close();
    await production.close();
  });

  describe('hostile requests', () => {
    it('answers malformed JSON with a 400 and a parse error', async () => {
      const answer = await post('{"query": "mutation { pushTasks(');
      expect(answer.status).toBe(400);
      expect(answer.text).toMatch(/POST body sent invalid JSON/i);
    });

    it('rejects a depth bomb', async () => {
      let query = 'name';
      for (let i = 0; i < 20; i++) query = `fields { type { ${query} } }`;
      const answer = await gql(server.url, `{ __schema { types { ${query} } } }`, {}, bearer(token));
      expect(answer.errors?.[0]?.message).toMatch(/nested too deeply/);
      expect(answer.errors?.[0]?.message).not.toMatch(/\d/);
      expect(answer.data ?? null).toBeNull();
    });

    it('rejects an alias bomb, a directive bomb and an over-long query', async () => {
      const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: pullTasks(limit: 1) { checkpoint { id } }`);
      const aliasAnswer = await gql(server.url, `{ ${aliases.join(' ')} }`, {}, bearer(token));
      expect(aliasAnswer.errors?.[0]?.message).toMatch(/too many aliases/);

      const directives = Array.from({ length: 60 }, () => '@include(if: true)').join(' ');
      const directiveAnswer = await gql(server.url, `{ pullTasks(limit: 1) ${directives} { checkpoint { id } } }`);
      expect(directiveAnswer.errors?.[0]?.message).toMatch(/too many directives/);

      const fields = Array.from({ length: 3000 }, () => 'id').join(' ');
      const longAnswer = await gql(server.url, `{ pullTasks(limit: 1) { documents { ${fields} } } }`);
      expect(longAnswer.errors?.[0]?.message).toMatch(/too long/);
    });

    it('refuses a body over the limit with a 413, and pushes over the batch limit', async () => {
      const rows = Array.from({ length: 10 }, (_, i) => ({
        newDocumentState: wire(makeTask(`big${i}`, { note: 'x'.repeat(150_000) })),
      }));
      const big = await post(
        JSON.stringify({
          query: 'mutation($r: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $r) { id } }',
          variables: { r: rows },
        }),
      );
      expect(big.status).toBe(413);
      expect(big.text).toMatch(/too large/i);

      const many = Array.from({ length: 51 }, (_, i) => ({ newDocumentState: wire(makeTask(`many${i}`)) }));
      const batch = await pushTasks(server.url, token, many);
      expect(batch.errors?.[0]?.message).toMatch(/Too many rows in one push: 51, the limit is 50/);
      expect(batch.errors?.[0]?.extensions?.code).toBe('PUSH_BATCH_TOO_LARGE');
    });

    it('names the invalid document and path, and writes nothing of that push', async () => {
      const answer = await pushTasks(server.url, token, [
        { newDocumentState: wire(makeTask('fine-one')) },
        { newDocumentState: wire(makeTask('bad-one', { priority: 9 })) },
      ]);
      expect(answer.errors?.[0]?.message).toMatch(/Document "bad-one" of tasks is invalid at \/priority: must be <= 5/);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_DOCUMENT',
        documentId: 'bad-one',
        path: '/priority',
      });
      expect(answer.data ?? null).toBeNull();

      const tooLong = await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('x'.repeat(65))) }]);
      expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DOCUMENT', path: '/id' });
    });

    it('refuses a NUL in an id, and reads one in a checkpoint like any other character', async () => {
      const answer = await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('nul\u0000id')) }]);
      expect(answer.errors?.[0]?.message).toMatch(/invalid at \/id: must not contain a NUL character/);
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_DOCUMENT', path: '/id' });
      const [kept] = before;
      const pull = await gql<{ pullTasks: { documents: Array<{ id: string }> } }>(
        server.url,
        PULL_TASKS,
        { checkpoint: { id: 'kee\u0000p', updatedAt: kept?.updatedAt }, limit: 10 },
        bearer(token),
      );
      expect(pull.errors).toBeUndefined();
      // "kee\0p" sorts before "keep", so the stored document is after it.
      expect(pull.data?.pullTasks.documents.map((doc) => doc.id)).toEqual(['keep']);
    });

    it('answers checkpoints from past the end, before the start, or between two values', async () => {
      const [kept] = before;
      const ids = async (checkpoint: unknown) => {
        const answer = await gql<{ pullTasks: { documents: Array<{ id: string }> } }>(
          server.url,
          PULL_TASKS,
          { checkpoint, limit: 10 },
          bearer(token),
        );
        expect(answer.errors).toBeUndefined();
        return answer.data?.pullTasks.documents.map((doc) => doc.id);
      };
      const at = kept?.updatedAt as number;
      expect(await ids({ id: '', updatedAt: 1e300 })).toEqual([]);
      expect(await ids({ id: 'zzz', updatedAt: -5 })).toEqual(['keep']);
      expect(await ids({ id: 'zzz', updatedAt: at - 0.5 })).toEqual(['keep']);
      expect(await ids({ id: '', updatedAt: at + 0.5 })).toEqual([]);
    });

    it('turns away missing, expired, forged and alg:none tokens', async () => {
      const expired = handMadeToken({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme', exp: now() - 60 });
      const cases: Array<[string, Record<string, string>, RegExp]> = [
        ['missing', {}, /Missing token/],
        ['not a JWT', bearer('hello'), /not a well-formed/],
        ['expired', bearer(expired), /Token expired/],
        [
          'forged',
          bearer(await signToken({ secret: 'another-secret-that-is-long-enough-000000', tenant: 'acme' })),
          /signature does not match/,
        ],
        [
          'alg none',
          bearer(handMadeToken({ alg: 'none', typ: 'JWT' }, { tenant: 'acme', exp: now() + 600 })),
          /not a well-formed|algorithm/,
        ],
        [
          'HS512 (not allowed)',
          bearer(await signToken({ secret: TEST_JWT_SECRET, tenant: 'acme', algorithm: 'HS512' })),
          /algorithm is not accepted/,
        ],
        ['no exp', bearer(handMadeToken({ alg: 'HS256', typ: 'JWT' }, { tenant: 'acme' })), /"exp" claim is missing/],
        ['no tenant', bearer(handMadeToken({ alg: 'HS256', typ: 'JWT' }, { exp: now() + 600 })), /"tenant" claim/],
      ];
      for (const [name, headers, message] of cases) {
        const pull = await gql(server.url, PULL_TASKS, { checkpoint: null, limit: 10 }, headers);
        expect(pull.status, name).toBe(401);
        expect(pull.errors?.[0]?.message, name).toMatch(message);
        expect(pull.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
        expect(pull.data ?? null, name).toBeNull();
        const push = await gql(
          server.url,
          'mutation($r: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $r) { id } }',
          { r: [{ newDocumentState: wire(makeTask('keep', { title: `overwritten by ${name}` })) }] },
          headers,
        );
        expect(push.errors?.[0]?.message, name).toMatch(message);
      }
    });

    it('refuses a ws connection with a bad token, and a stream without one', async () => {
      const forged = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        connectionParams: { headers: bearer('forged.token.value') },
      });
      const closed = await new Promise<{ code: number }>((resolve) => forged.on('closed', (e) => resolve(e as never)));
      expect(closed.code).toBe(4403);
      await forged.dispose();

      const anonymous = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
      const result = await new Promise<unknown>((resolve) => {
        anonymous.subscribe(
          { query: 'subscription { streamTasks { checkpoint { id } } }' },
          { next: resolve, error: resolve, complete: () => resolve('complete') },
        );
      });
      await anonymous.dispose();
      expect(JSON.stringify(result)).toMatch(/Missing token/);
    });

    it('keeps the ws limits too: oversized messages and depth bombs', async () => {
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { headers: bearer(token) },
      });
      let query = 'name';
      for (let i = 0; i < 20; i++) query = `fields { type { ${query} } }`;
      const result = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `{ __schema { types { ${query} } } }` },
          { next: resolve, error: resolve, complete: () => {} },
        );
      });
      expect(JSON.stringify(result)).toMatch(/nested too deeply/);
      const big = await new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: `{ pullTasks(limit: 1) { checkpoint { id } } } # ${'x'.repeat(1_100_000)}` },
          { next: resolve, error: resolve, complete: () => {} },
        );
      });
      expect((big as { code?: number }).code).toBe(1009);
      await client.dispose();
    });
  });

  describe('the HTTP surface', () => {
    it('allows the dev origin and its own, and nobody else', async () => {
      const preflight = (origin: string) =>
        fetch(server.url, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization',
          },
        });
      const dev = await preflight('http://localhost:5173');
      expect(dev.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(dev.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
      const self = await preflight(server.origin);
      expect(self.headers.get('access-control-allow-origin')).toBe(server.origin);
      const evil = await preflight('https://evil.example');
      expect(evil.headers.get('access-control-allow-origin')).toBeNull();

      const refused = await upgradeFrom(server.wsUrl, 'https://evil.example');
      expect(refused).toBe('401');
    });

    it('answers /healthz, /readyz and /sync/schemas, with a request id on every answer', async () => {
      const health = await fetch(`${server.origin}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${server.origin}/readyz`);
      expect(await ready.json()).toEqual({ status: 'ready', storage: engine.name });
      const schemas = await fetch(`${server.origin}/sync/schemas`);
      expect(((await schemas.json()) as { collections: Record<string, unknown> }).collections).toHaveProperty('tasks');
      expect(schemas.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await post(JSON.stringify({ query: '{ __typename }' }), { 'x-request-id': 'trace-42' });
      expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    });

    it('suggests no field names', async () => {
      const answer = await gql(server.url, '{ pullTask(limit: 1) { checkpoint { id } } }', {}, bearer(token));
      expect(answer.errors?.[0]?.message).not.toMatch(/Did you mean/);
    });

    it('in production: no GraphiQL, no introspection, masked unexpected errors', async () => {
      const page = await fetch(production.url, { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toMatch(/graphiql/i);
      const devPage = await fetch(server.url, { headers: { accept: 'text/html' } });
      expect(await devPage.text()).toMatch(/graphiql/i);

      const introspection = await gql(production.url, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/Introspection is disabled/);

      // An unexpected failure inside a resolver reaches the client as a bare "Unexpected error.".
      const failing = createSqliteStorage({ path: ':memory:' });
      const broken = createSyncServer({
        collections: testCollections,
        auth: { secret: TEST_JWT_SECRET },
        production: true,
        logger: 'silent',
        storage: storageWith(failing, {
          pull: () => Promise.reject(new Error('SQLITE_CORRUPT: /srv/secret/path/db.sqlite is malformed')),
        }),
      });
      const { url } = await broken.listen(0);
      const answer = await gql(
        url,
        PULL_TASKS,
        { checkpoint: null, limit: 10 },
        bearer(await production.token('acme')),
      );
      await broken.close();
      expect(answer.errors?.[0]?.message).toBe('Unexpected error.');
      expect(JSON.stringify(answer)).not.toMatch(/SQLITE|secret|stack/);
    });
  });
});
