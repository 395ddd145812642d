// The live stream's own life: a stream the server fails, ends or refuses while the socket stays up is reopened with
// backoff and followed by a RESYNC (so the client pulls what it missed), and the problem is reported meanwhile.
// The server here is a bare graphql-ws endpoint whose subscription misbehaves on purpose: what is under test is
// the client's handling, not the sync server.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { CollectionOperations } from '@syncline/protocol';
// Renamed: graphql-ws's `useServer` is no React hook.
import { useServer as attachGraphQLWs } from 'graphql-ws/use/ws';
import { afterEach, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type LiveStream, openLiveStream } from '../src/live-stream';

// graphql as graphql-ws loads it (Node's CommonJS build): Vite would hand this file the ESM build, another realm
const { buildSchema, GraphQLError } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const schema = buildSchema(`
  type Doc { id: String }
  type Checkpoint { id: String updatedAt: Float }
  type Bulk { documents: [Doc] checkpoint: Checkpoint }
  type Query { ping: Boolean }
  type Subscription { streamDocs: Bulk }
`);
const operations = {
  stream: 'subscription { streamDocs { documents { id } checkpoint { id updatedAt } } }',
  streamField: 'streamDocs',
} as CollectionOperations;

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const outdatedWords = "This app's docs are schema version 0; the server serves version 1. Update the app to sync docs.";

/** A graphql-ws server whose Nth subscription behaves as `behaviours[N]` says. */
async function misbehavingServer(behaviours: Array<'error' | 'complete' | 'outdated' | 'serve'>) {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  let subscriptions = 0;
  const tokens: string[] = [];
  const dispose = attachGraphQLWs(
    {
      schema,
      onConnect: (ctx) => {
        tokens.push(String((ctx.connectionParams?.headers as { Authorization?: string })?.Authorization));
        return true;
      },
      roots: {
        subscription: {
          streamDocs: () => {
            const behaviour = behaviours[subscriptions++] ?? 'serve';
            // refused as it starts, as the sync server refuses a schema version it does not serve: graphql-ws
            // answers with the error, then ends the stream
            if (behaviour === 'outdated') {
              throw new GraphQLError(outdatedWords, { extensions: { code: 'SCHEMA_MISMATCH', collection: 'docs' } });
            }
            return (async function* () {
              if (behaviour === 'error') throw new Error('the stream broke');
              if (behaviour === 'complete') return;
              yield { streamDocs: { documents: [{ id: 'd1' }], checkpoint: { id: 'd1', updatedAt: 1 } } };
              await new Promise(() => undefined);
            })();
          },
        },
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  cleanups.push(async () => {
    await dispose.dispose();
    await new Promise((resolve) => http.close(resolve));
  });
  return {
    url: `ws://127.0.0.1:${(http.address() as AddressInfo).port}`,
    tokens,
    subscriptions: () => subscriptions,
    /** closes every connection as a restarting server does */
    dropConnections: () => {
      for (const socket of wss.clients) socket.close(1012, 'Restart');
    },
  };
}

/** Follows one stream of the server at `url`: what it delivers, each problem it reports, each wait it asks for. */
async function follow(url: string, token: () => string) {
  const seen: unknown[] = [];
  const problems: string[] = [];
  const waits: number[] = [];
  const live: LiveStream = await openLiveStream({
    wsUrl: url,
    token,
    webSocketImpl: WebSocket,
    streams: [{ operations, deliver: (item) => seen.push(item) }],
    retryWait: async (failures) => {
      waits.push(failures);
    },
    onConnected: () => undefined,
    onClosed: () => undefined,
    onAuthProblem: (message) => problems.push(`auth: ${message}`),
    onStreamProblem: (message) => problems.push(message),
    onOutdated: ({ collection, message }) => problems.push(`outdated ${collection}: ${message}`),
  });
  cleanups.push(() => live.dispose());
  return { seen, problems, waits };
}

it('reopens a stream the server failed, then one it ended, with a RESYNC each time, and reports why', async () => {
  const server = await misbehavingServer(['error', 'complete', 'serve']);
  let calls = 0;
  const { seen, problems, waits } = await follow(server.url, () => `token-${++calls}`);
  await expect.poll(() => seen.filter((item) => item !== 'RESYNC').length, { timeout: 5_000 }).toBe(1);
  expect(server.subscriptions()).toBe(3);
  expect(problems).toEqual([expect.stringMatching(/the stream broke/), 'the server ended the live stream']);
  // backoff grows with each failure of the same stream
  expect(waits).toEqual([1, 2]);
  // one RESYNC for the connection, one after each reopening
  expect(seen.filter((item) => item === 'RESYNC')).toHaveLength(3);
  // the token was asked for once, for the one connection, and sent with it
  expect(server.tokens).toEqual(['Bearer token-1']);
});

it("says the app is outdated in the server's words when it refuses a stream for its schema version", async () => {
  const server = await misbehavingServer(['outdated', 'outdated', 'serve']);
  const { seen, problems, waits } = await follow(server.url, () => 'token');
  await expect.poll(() => seen.filter((item) => item !== 'RESYNC').length, { timeout: 5_000 }).toBe(1);
  // each refusal said once, as who must update: never "the server ended the live stream", nor that changes sync
  expect(problems).toEqual([`outdated docs: ${outdatedWords}`, `outdated docs: ${outdatedWords}`]);
  expect(waits).toEqual([1, 2]);
  expect(server.subscriptions()).toBe(3);
});

it('asks for a fresh token on every reconnect, and says "sign in again" when none can be had', async () => {
  const server = await misbehavingServer([]);
  const problems: string[] = [];
  let calls = 0;
  const live = await openLiveStream({
    wsUrl: server.url,
    token: () => {
      calls += 1;
      if (calls === 2) throw new Error('refresh failed');
      return `token-${calls}`;
    },
    webSocketImpl: WebSocket,
    streams: [{ operations, deliver: () => undefined }],
    retryWait: async () => undefined,
    onConnected: () => undefined,
    onClosed: () => undefined,
    onAuthProblem: (message) => problems.push(message),
    onStreamProblem: () => undefined,
    onOutdated: () => undefined,
  });
  cleanups.push(() => live.dispose());
  await expect.poll(() => server.tokens.length, { timeout: 5_000 }).toBe(1);
  // the server drops every connection: the client reconnects, each time with a token asked for anew
  server.dropConnections();
  await expect.poll(() => server.tokens, { timeout: 5_000 }).toEqual(['Bearer token-1', 'Bearer token-3']);
  expect(problems).toEqual([
    expect.stringMatching(/No sign-in token for live updates \(refresh failed\)\. Sign in again/),
  ]);
});
