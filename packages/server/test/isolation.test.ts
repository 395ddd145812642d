// Tenants are kept apart: the tenant comes from the token only, and another tenant's token can neither pull,
// push over, nor stream a tenant's documents. On SQLite and on PostgreSQL.
import { createHmac } from 'node:crypto';
import { type Client, createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import {
  bearer,
  eventually,
  gql,
  makeTask,
  PULL_TASKS,
  pullAllTasks,
  pushTasks,
  testCollections,
  wire,
} from './helpers.js';

describeOnEngines('tenant isolation', (engine) => {
  let server: TestServer;
  const sockets: Client[] = [];

  const STREAM = `subscription($headers: TasksInputHeaders) {
    streamTasks(headers: $headers) { documents { id title } checkpoint { id updatedAt } }
  }`;

  function socket(connectionToken?: string) {
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      ...(connectionToken ? { connectionParams: { headers: bearer(connectionToken) } } : {}),
    });
    sockets.push(client);
    return client;
  }

  /** Collects what a stream delivers; resolves `started` once the server has acknowledged the subscription. */
  function collect(client: Client, variables: Record<string, unknown>) {
    const received: Array<{ documents: Array<{ id: string; title: string }> }> = [];
    const errors: unknown[] = [];
    client.subscribe<{ streamTasks: (typeof received)[number] }>(
      { query: STREAM, variables },
      {
        next: (value) => {
          if (value.errors) errors.push(...value.errors);
          if (value.data) received.push(value.data.streamTasks);
        },
        error: (error) => errors.push(error),
        complete: () => {},
      },
    );
    return { received, errors };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  beforeAll(async () => {
    server = await startTestServer({
      collections: testCollections,
      postgresUrl: engine.postgresUrl,
      redisUrl: engine.redisUrl,
    });
    const acme = await server.token('acme');
    await pushTasks(server.url, acme, [{ newDocumentState: wire(makeTask('shared-id', { title: 'acme secret' })) }]);
  });

  afterAll(async () => {
    for (const client of sockets) await client.dispose();
    await server.close();
  });

  it('pulls only the caller’s tenant, whatever the checkpoint says', async () => {
    const globex = await server.token('globex');
    expect(await pullAllTasks(server.url, globex)).toEqual([]);
    const answer = await gql(
      server.url,
      PULL_TASKS,
      { checkpoint: { id: '', updatedAt: 0 }, limit: 100 },
      bearer(globex),
    );
    expect(answer.data).toEqual({ pullTasks: { documents: [], checkpoint: { id: '', updatedAt: 0 } } });
  });

  it('writes another tenant’s push beside, never over, a document with the same id', async () => {
    const globex = await server.token('globex');
    const pushed = await pushTasks(server.url, globex, [
      { newDocumentState: wire(makeTask('shared-id', { title: 'globex overwrite' })) },
    ]);
    // No conflict: for globex the id is new.
    expect(pushed.data?.pushTasks).toEqual([]);
    const acme = await pullAllTasks(server.url, await server.token('acme'));
    expect(acme.map((t) => t.title)).toEqual(['acme secret']);
    const theirs = await pullAllTasks(server.url, globex);
    expect(theirs.map((t) => t.title)).toEqual(['globex overwrite']);
  });

  it('streams a tenant’s changes to that tenant only', async () => {
    const acme = await server.token('acme');
    const globex = await server.token('globex');
    const own = collect(socket(acme), { headers: bearer(acme) });
    const other = collect(socket(globex), { headers: bearer(globex) });
    // A globex connection whose stream names acme's token gets an error, not a stream of either tenant.
    const sneaky = collect(socket(globex), { headers: bearer(acme) });
    await eventually(() => sneaky.errors.length > 0);
    expect(JSON.stringify(sneaky.errors)).toContain('names another tenant');
    // A connection without a token is judged by the stream's headers: a bad one gets an error, not a stream.
    const forged = collect(socket(), { headers: { Authorization: 'Bearer not-a-token' } });
    await eventually(() => forged.errors.length > 0);
    expect(JSON.stringify(forged.errors)).toContain('Invalid token');

    // Subscriptions have no acknowledgement: write until each stream has shown it is live.
    let edits = 0;
    const writeUntilSeen = async (token: string, seen: () => boolean, id: string) =>
      eventually(async () => {
        edits += 1;
        const current = (await pullAllTasks(server.url, token)).find((t) => t.id === id) ?? null;
        await pushTasks(server.url, token, [
          { assumedMasterState: current, newDocumentState: wire(makeTask(id, { title: `edit ${edits}` })) },
        ]);
        await new Promise((resolve) => setTimeout(resolve, 150));
        return seen();
      });
    await writeUntilSeen(globex, () => other.received.length > 0, 'globex-only');
    await writeUntilSeen(acme, () => own.received.length > 0, 'shared-id');
    await settle();

    const ids = (stream: typeof own) => new Set(stream.received.flatMap((e) => e.documents.map((d) => d.id)));
    expect(ids(own)).toEqual(new Set(['shared-id']));
    expect(ids(other)).toEqual(new Set(['globex-only']));
    expect(sneaky.received).toEqual([]);
    expect(forged.received).toEqual([]);
  });

  it('serves a stream whose re-sent first payload carries its own tenant’s expired token, on a fresh connection', async () => {
    // what graphql-ws re-sends on a reconnect: the subscription's first payload, its token expired since
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ tenant: 'acme', iat: now - 7200, exp: now - 3600 })}`;
    const expired = `${body}.${createHmac('sha256', TEST_JWT_SECRET).update(body).digest('base64url')}`;
    const acme = await server.token('acme');
    const stale = collect(socket(acme), { headers: bearer(expired) });
    await eventually(async () => {
      await pushTasks(server.url, acme, [
        { newDocumentState: wire(makeTask(`stale-${Date.now()}`, { title: 'still streamed' })) },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 150));
      return stale.received.length > 0;
    });
    expect(stale.errors).toEqual([]);
  });

  it('takes the tenant from the token, never from an argument', async () => {
    const globex = await server.token('globex');
    const answer = await gql(
      server.url,
      'query { pullTasks(limit: 10, tenant: "acme") { documents { id } } }',
      {},
      {
        ...bearer(globex),
      },
    );
    expect(answer.errors?.[0]?.message).toMatch(/Unknown argument "tenant"/);
  });
});
