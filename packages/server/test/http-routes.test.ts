// The server's own HTTP routes as a client sees them: which request ids it keeps, readiness when the storage
// does not answer, and the log line each request leaves (and health probes do not).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../src/server.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { storageWith, testCollections } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids and the request log', () => {
  let server: TestServer;
  const logged: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => logged.push(JSON.parse(line)) });
    server = await startTestServer({ collections: testCollections, serverOptions: { logger } });
  });
  afterAll(() => server.close());

  const idFor = async (given: string) =>
    (await fetch(`${server.origin}/sync/schemas`, { headers: { 'x-request-id': given } })).headers.get('x-request-id');

  it('keeps a well-formed id up to 64 characters', async () => {
    const longest = `${'a'.repeat(60)}.-_9`;
    expect(await idFor(longest)).toBe(longest);
  });

  it('answers a malformed or over-long id under a fresh one instead of echoing it', async () => {
    for (const given of ['two words', 'a/b', '<script>', 'x'.repeat(65), 'ünïcode']) {
      const answered = await idFor(given);
      expect(answered, given).toMatch(UUID);
    }
  });

  it('logs each request once with its id, method, path and status, and not the health probes', async () => {
    logged.length = 0;
    await fetch(`${server.origin}/healthz`, { headers: { 'x-request-id': 'probe-1' } });
    await fetch(`${server.origin}/readyz`, { headers: { 'x-request-id': 'probe-2' } });
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-7' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const requests = logged.filter((line) => line.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ requestId: 'trace-7', method: 'POST', path: '/graphql', status: 200 }),
    ]);
  });
});

describe('readiness', () => {
  let dir: string;
  let server: SyncServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncline-readyz-'));
    const storage = createSqliteStorage({ path: join(dir, 'db.sqlite') });
    let reachable = true;
    server = createSyncServer({
      collections: testCollections,
      auth: { secret: TEST_JWT_SECRET },
      logger: 'silent',
      // The file stays; only the ping fails, as when a database server stops answering.
      storage: storageWith(storage, {
        ping: () => (reachable ? storage.ping() : Promise.reject(new Error('connection refused'))),
      }),
    });
    await server.listen(0);
    reachable = false;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /readyz with a 503 naming the storage when it does not answer, while /healthz stays up', async () => {
    const ready = await fetch(`${server.address?.origin}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', storage: 'sqlite' });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    const live = await fetch(`${server.address?.origin}/healthz`);
    expect(live.status).toBe(200);
  });
});
