// Soak: 200 concurrent streaming clients (graphql-ws subscribers, one socket each, as RxDB's stream opens them)
// against a `syncline-server` process under steady writes for a bounded time. Every subscriber converges on the
// server's state, nothing rejects unhandled, and the server's memory before, during and after is reported.
// SYNCLINE_SOAK_CLIENTS and SYNCLINE_SOAK_SECONDS make it longer.
import { readFileSync } from 'node:fs';
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { itemSchema } from './items';

const CLIENTS = Number(process.env.SYNCLINE_SOAK_CLIENTS ?? 200);
const SECONDS = Number(process.env.SYNCLINE_SOAK_SECONDS ?? 8);
const TENANT = 'soak';

const STREAM = `subscription($headers: ItemsInputHeaders) { streamItems(headers: $headers) {
  documents { id qty updatedAt _deleted } checkpoint { id updatedAt } } }`;
const PUSH = 'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }';
const PULL = `query($checkpoint: ItemsInputCheckpoint) { pullItems(checkpoint: $checkpoint, limit: 1000) {
  documents { id qty updatedAt _deleted } checkpoint { id updatedAt } } }`;

let server: ServerProcess;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Resident memory of the server process, in MiB. */
function serverRss(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return Math.round((kib / 1024) * 10) / 10;
}

async function graphql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(TENANT)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data ?? {};
}

type Seen = Map<string, number>;

/** Everything the server holds for the tenant: id -> updatedAt. */
async function serverState(): Promise<Seen> {
  const seen: Seen = new Map();
  let checkpoint: unknown = null;
  for (;;) {
    const data = await graphql(PULL, { checkpoint });
    const bulk = data.pullItems as { documents: Array<{ id: string; updatedAt: number }>; checkpoint: unknown };
    if (bulk.documents.length === 0) return seen;
    for (const doc of bulk.documents) seen.set(doc.id, doc.updatedAt);
    checkpoint = bulk.checkpoint;
  }
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startServerProcess({ collections: { items: itemSchema } });
});

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server?.close();
});

describe('soak', () => {
  it(`${CLIENTS} streaming clients converge under ${SECONDS} s of steady writes`, async () => {
    const token = await server.token(TENANT);
    const rssIdle = serverRss();
    const views: Seen[] = [];
    let reconnects = 0;
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, index) => {
        const view: Seen = new Map();
        views.push(view);
        let connectedOnce = false;
        const client = createClient({
          url: `${server.wsUrl}?soak=${index}`,
          webSocketImpl: WebSocket,
          lazy: false,
          retryAttempts: 20,
          retryWait: () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300)),
          connectionParams: { headers: { Authorization: `Bearer ${token}` } },
          on: {
            connected: () => {
              // a reconnect may have missed events: catch up from the server, as RxDB's RESYNC does
              if (connectedOnce) {
                reconnects += 1;
                void serverState().then((state) => {
                  for (const [id, at] of state) if ((view.get(id) ?? 0) < at) view.set(id, at);
                });
              }
              connectedOnce = true;
            },
          },
        });
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`subscriber ${index} never connected`)), 60_000);
          client.on('connected', () => {
            clearTimeout(timer);
            resolve();
          });
          client.subscribe(
            { query: STREAM, variables: { headers: { Authorization: `Bearer ${token}` } } },
            {
              next: (answer) => {
                const bulk = (answer.data as { streamItems?: { documents: Array<{ id: string; updatedAt: number }> } })
                  ?.streamItems;
                for (const doc of bulk?.documents ?? [])
                  if ((view.get(doc.id) ?? 0) < doc.updatedAt) view.set(doc.id, doc.updatedAt);
              },
              error: () => undefined,
              complete: () => undefined,
            },
          );
        });
        return client;
      }),
    );
    // give every subscription time to register before the first write
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssConnected = serverRss();

    // steady writes: batches of creates and updates over a pool of documents
    let pushes = 0;
    let rows = 0;
    let rssPeak = rssConnected;
    const until = Date.now() + SECONDS * 1000;
    // the only writer: it knows each document's stored state, so its updates never conflict
    const stored = new Map<string, Record<string, unknown>>();
    while (Date.now() < until) {
      const batch = Array.from({ length: 5 }, (_, i) => {
        const id = `doc-${(pushes * 5 + i) % 150}`;
        const newDocumentState = { id, title: `write ${pushes}`, qty: pushes, _deleted: false };
        const assumedMasterState = stored.get(id);
        return assumedMasterState ? { assumedMasterState, newDocumentState } : { newDocumentState };
      });
      const answer = await graphql(PUSH, { rows: batch });
      expect(answer.pushItems).toEqual([]);
      for (const row of batch) stored.set(row.newDocumentState.id, row.newDocumentState);
      pushes += 1;
      rows += batch.length;
      if (pushes % 20 === 0) rssPeak = Math.max(rssPeak, serverRss());
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
    rssPeak = Math.max(rssPeak, serverRss());

    // every subscriber converges on what the server holds
    const truth = await serverState();
    const deadline = Date.now() + 60_000;
    const behind = () =>
      views.filter((view) => view.size !== truth.size || [...truth].some(([id, at]) => view.get(id) !== at)).length;
    while (behind() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const rssAfterWrites = serverRss();

    await Promise.all(clients.map((client) => Promise.resolve(client.dispose()).catch(() => undefined)));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssClosed = serverRss();
    console.info(
      `soak: ${CLIENTS} stream subscribers, ${SECONDS} s of writes: ${pushes} pushes, ${rows} rows, ` +
        `${truth.size} documents, ${reconnects} reconnects; server RSS ${rssIdle} MiB idle, ${rssConnected} MiB ` +
        `connected (+${Math.round((rssConnected - rssIdle) * 10) / 10}), peak ${rssPeak} MiB, ${rssAfterWrites} MiB ` +
        `after writes (+${Math.round((rssAfterWrites - rssConnected) * 10) / 10} under writes), ${rssClosed} MiB ` +
        `after all closed`,
    );
    expect(behind()).toBe(0);
    expect(unhandled).toEqual([]);
    expect(server.running).toBe(true);
  }, 180_000);
});
