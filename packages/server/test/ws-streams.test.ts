// The stream transport as a client sees it: which browser origins may open a socket, and where in
// `connectionParams` the connection's token is found.
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer, type TestServer } from '../src/testing.js';
import { bearer, makeTask, pushTasks, testCollections, upgradeFrom, wire } from './helpers.js';

describe('graphql-ws transport', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer({ collections: testCollections });
    token = await server.token('acme');
    await pushTasks(server.url, token, [{ newDocumentState: wire(makeTask('ws-1')) }]);
  });
  afterAll(() => server.close());

  it('lets a page from the server’s own origin and from the allowlist open a stream', async () => {
    expect(await upgradeFrom(server.wsUrl, server.origin)).toBe('open');
    expect(await upgradeFrom(server.wsUrl, 'http://localhost:5173')).toBe('open');
  });

  /** Runs a pull over a socket whose only token is in `connectionParams`: its ids, or the error it got. */
  async function pullOver(connectionParams: Record<string, unknown>) {
    const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams });
    try {
      return await new Promise<unknown>((resolve) => {
        client.on('closed', (event) => resolve({ closed: (event as { code: number }).code }));
        client.subscribe(
          { query: '{ pullTasks(limit: 10) { documents { id } } }' },
          { next: resolve, error: resolve, complete: () => {} },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('finds the connection’s token under headers.Authorization, headers.authorization or Authorization', async () => {
    const answer = { data: { pullTasks: { documents: [{ id: 'ws-1' }] } } };
    expect(await pullOver({ headers: bearer(token) })).toEqual(answer);
    expect(await pullOver({ headers: { authorization: `Bearer ${token}` } })).toEqual(answer);
    expect(await pullOver(bearer(token))).toEqual(answer);
  });

  it('refuses a connection with a bad token wherever in connectionParams it is', async () => {
    expect(await pullOver({ headers: { authorization: 'Bearer forged.token.value' } })).toEqual({ closed: 4403 });
    expect(await pullOver(bearer('forged.token.value'))).toEqual({ closed: 4403 });
  });
});
