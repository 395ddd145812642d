// The stream transport as a client sees it: which browser origins may open a socket, where in `connectionParams`
// the connection's token is found, and a stream's announcement that it listens (STREAM_READY) for a client that asks.
import { STREAM_READY } from '@syncline/protocol';
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

  /** The acknowledgement's payload and a stream's events, up to the first with documents, over a fresh socket. */
  async function streamOver(connectionParams: Record<string, unknown>, id: string) {
    let ack: unknown;
    const events: unknown[] = [];
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { ...bearer(token), ...connectionParams },
      on: { connected: (_socket, payload) => (ack = payload) },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let pushed = false;
        client.subscribe(
          { query: 'subscription { streamTasks { documents { id } checkpoint { id updatedAt } } }' },
          {
            next: (event) => {
              events.push(event.data);
              const documents = (event.data?.streamTasks as { documents?: unknown[] } | undefined)?.documents ?? [];
              if (documents.length > 0) resolve();
              else if (!pushed) {
                // listening now: a change committed after the announcement is the next event
                pushed = true;
                pushTasks(server.url, token, [{ newDocumentState: wire(makeTask(id)) }]).catch(reject);
              }
            },
            error: reject,
            complete: () => {},
          },
        );
        // without the announcement nothing says when the subscription is in place: commit until a change comes
        if (!connectionParams[STREAM_READY]) {
          let n = 0;
          const commit = () => {
            if (events.length > 0) return;
            pushed = true;
            n += 1;
            pushTasks(server.url, token, [{ newDocumentState: wire(makeTask(`${id}-${n}`)) }]).catch(reject);
            setTimeout(commit, 300);
          };
          commit();
        }
      });
    } finally {
      await client.dispose();
    }
    return { ack, events };
  }

  it('announces a stream’s start to a client that asks, before any change, and says so in the acknowledgement', async () => {
    const { ack, events } = await streamOver({ [STREAM_READY]: true }, 'ws-ready');
    expect(ack).toEqual({ [STREAM_READY]: true });
    expect(events).toEqual([
      { streamTasks: { documents: [], checkpoint: { id: '', updatedAt: 0 } } },
      {
        streamTasks: { documents: [{ id: 'ws-ready' }], checkpoint: { id: 'ws-ready', updatedAt: expect.any(Number) } },
      },
    ]);
  });

  it('streams only changes to a client that does not ask (a stock RxDB client)', async () => {
    const { events } = await streamOver({}, 'ws-plain');
    expect(events).toEqual([
      {
        streamTasks: {
          documents: [{ id: expect.stringMatching(/^ws-plain-/) }],
          checkpoint: { id: expect.stringMatching(/^ws-plain-/), updatedAt: expect.any(Number) },
        },
      },
    ]);
  });
});
