// Starting and stopping as a client sees it: the address a server answers on, what a request gets while the
// server shuts down (503 for new work, /healthz still up), and a request still unfinished at the shutdown
// timeout cut off.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSyncServer } from '../src/server.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { testCollections } from './helpers.js';

/** A POST whose body is half sent: the server holds it in flight until `finish()`. */
async function halfSentPost(server: TestServer) {
  const body = JSON.stringify({ query: '{ __typename }' });
  const started = once(server.server.httpServer, 'request');
  const req = request(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 5));
  await started;
  return { answer, finish: () => req.end(body.slice(5)) };
}

/** A GET on its own connection whose header block is half sent: the server has the connection, not the request. */
async function halfSentGet(server: TestServer, path: string) {
  const socket = connect(server.port, '127.0.0.1');
  await once(socket, 'connect');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk) => {
    text += chunk;
  });
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
  // Give the server a moment to read the first half, so the connection is busy, not idle.
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    async finish() {
      socket.write('Connection: close\r\n\r\n');
      await once(socket, 'close');
      return { status: Number(text.split(' ')[1]), text };
    },
  };
}

describe('shutdown', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers a request that arrives while it drains with a 503, and keeps /healthz up', async () => {
    server = await startTestServer({ collections: testCollections });
    const inFlight = await halfSentPost(server);
    const schemas = await halfSentGet(server, '/sync/schemas');
    const health = await halfSentGet(server, '/healthz');

    const closed = server.server.close();
    const refused = await schemas.finish();
    expect(refused.status).toBe(503);
    expect(refused.text).toContain('The server is shutting down; retry shortly.');
    expect((await health.finish()).status).toBe(200);

    inFlight.finish();
    expect(await inFlight.answer).toBe(200);
    await closed;
  });

  it('cuts off a request still unfinished when the shutdown timeout runs out', async () => {
    server = await startTestServer({ collections: testCollections, serverOptions: { shutdownTimeoutMs: 300 } });
    const stuck = await halfSentPost(server);
    const started = performance.now();
    await server.server.close();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5_000);
    await expect(stuck.answer).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});

describe('listen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncline-listen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  const newServer = () =>
    createSyncServer({
      collections: testCollections,
      storage: createSqliteStorage({ path: join(dir, `db${++files}.sqlite`) }),
      auth: { secret: TEST_JWT_SECRET },
      logger: 'silent',
    });

  it('names an IPv6 host in brackets, in addresses that answer', async () => {
    const server = newServer();
    try {
      const address = await server.listen(0, '::1');
      expect(address.origin).toBe(`http://[::1]:${address.port}`);
      expect(address.url).toBe(`http://[::1]:${address.port}/graphql`);
      expect(address.wsUrl).toBe(`ws://[::1]:${address.port}/graphql`);
      expect((await fetch(`${address.origin}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('says to listen first, and refuses to listen again once closed', async () => {
    const server = newServer();
    expect(() => server.url).toThrow(/not listening yet: await listen\(\) first/);
    await server.listen(0);
    await server.close();
    expect(server.address).toBeNull();
    await expect(server.listen(0)).rejects.toThrow(/was closed; create a new one/);
  });
});
