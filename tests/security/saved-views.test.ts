// Saved views are each person's own: against the `syncline-server` command in its own process, a person's pulls
// and stream carry only their own views (never another's, not even as removed), and the server refuses a push that
// would write another person's view (an update, a takeover, a deletion, a new view in their name) with
// NOT_PERMITTED, naming no one's data and writing nothing. The views' audit trail is not served.
import { controlCenterSchemas, type SavedView } from '@syncline/domain';
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const schema = controlCenterSchemas.views;
const PUSH = 'mutation($rows: [ViewsInputPushRow!]) { pushViews(viewsPushRow: $rows) { id name ownerId } }';
const STREAM = `subscription($headers: ViewsInputHeaders) {
  streamViews(headers: $headers) { documents { id ownerId name } checkpoint { id updatedAt } } }`;
const tenant = 'shop-views';

const view = (id: string, ownerId: string, patch: Partial<SavedView> = {}): SavedView & { _deleted: boolean } => ({
  id,
  ownerId,
  page: 'orders',
  name: `View ${id}`,
  search: '',
  status: 'ready',
  sortBy: 'number',
  sortDesc: true,
  hiddenColumns: ['priority'],
  createdAt: 1_767_000_000_000,
  _deleted: false,
  ...patch,
});

let server: ServerProcess;
let ana: SyncClient;
let carla: SyncClient;

/** A push of `rows` as `sub`, answered as the server sends it (errors with their extensions). */
async function pushAs(sub: string, rows: { assumedMasterState: unknown; newDocumentState: unknown }[]) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(tenant, sub)}` },
    body: JSON.stringify({ query: PUSH, variables: { rows } }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

/** Every document a pull from the start sends `client`, removed ones included. */
async function everythingSent(client: SyncClient): Promise<SavedView[]> {
  const page = await client.pullSince<SavedView>('views', schema, null, 100);
  return page.documents;
}

beforeAll(async () => {
  server = await startServerProcess({ collections: { views: schema } });
  ana = new SyncClient(server.url, await server.token(tenant, 'ana'));
  carla = new SyncClient(server.url, await server.token(tenant, 'carla'));
  await ana.push('views', schema, [{ assumedMasterState: null, newDocumentState: view('v-ana', 'ana') }]);
  await carla.push('views', schema, [{ assumedMasterState: null, newDocumentState: view('v-carla', 'carla') }]);
});

afterAll(async () => {
  await server?.close();
});

describe("a person's saved views", () => {
  it('reach only their owner, through a pull', async () => {
    expect((await everythingSent(ana)).map((doc) => doc.id)).toEqual(['v-ana']);
    expect((await everythingSent(carla)).map((doc) => doc.id)).toEqual(['v-carla']);
  });

  it("cannot be changed, taken over or deleted by another person, nor made in another person's name", async () => {
    const [stored] = await ana.pullAll<SavedView>('views', schema);
    if (!stored) throw new Error("ana's view is not on the server");
    const attempts = [
      { what: 'rename', row: { assumedMasterState: stored, newDocumentState: { ...stored, name: 'Mine now' } } },
      { what: 'take over', row: { assumedMasterState: stored, newDocumentState: { ...stored, ownerId: 'carla' } } },
      { what: 'delete', row: { assumedMasterState: stored, newDocumentState: { ...stored, _deleted: true } } },
      // a stale or made-up assumed state would otherwise be answered with a conflict showing ana's view
      { what: 'blind write', row: { assumedMasterState: null, newDocumentState: view('v-ana', 'carla') } },
    ];
    for (const { what, row } of attempts) {
      const answer = await pushAs('carla', [row]);
      expect(answer.errors?.[0]?.extensions, what).toMatchObject({ code: 'NOT_PERMITTED', documentId: 'v-ana' });
      expect(answer.errors?.[0]?.message, what).toMatch(/belongs to another person.*Nothing of this push was written/);
      expect(JSON.stringify(answer), what).not.toContain('View v-ana');
    }
    const forged = await pushAs('carla', [{ assumedMasterState: null, newDocumentState: view('v-forged', 'ana') }]);
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_PERMITTED', documentId: 'v-forged' });
    expect(forged.errors?.[0]?.message).toMatch(/"ownerId" must be your own id \("carla"\)/);

    expect(await ana.pullAll<SavedView>('views', schema)).toEqual([stored]);
    expect((await everythingSent(ana)).map((doc) => doc.id)).toEqual(['v-ana']);
  });

  it("stream to their owner only: another person's stream never carries them", async () => {
    const received: string[][] = [];
    const headers = { Authorization: `Bearer ${await server.token(tenant, 'carla')}` };
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { headers },
    });
    const ended = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: STREAM, variables: { headers } },
        {
          next: (value) => {
            const event = (value.data as { streamViews?: { documents: { id: string }[] } } | undefined)?.streamViews;
            received.push((event?.documents ?? []).map((doc) => doc.id));
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    // the stream listens once a change of carla's own comes through it
    let pings = 0;
    await expect
      .poll(
        async () => {
          pings += 1;
          await carla.push('views', schema, [
            { assumedMasterState: null, newDocumentState: view(`v-carla-ping-${pings}`, 'carla') },
          ]);
          return received.flat().some((id) => id.startsWith('v-carla-ping-'));
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    await ana.push('views', schema, [{ assumedMasterState: null, newDocumentState: view('v-ana-2', 'ana') }]);
    // a change of carla's own after ana's: once it arrives, ana's would have too
    const before = received.length;
    await carla.push('views', schema, [{ assumedMasterState: null, newDocumentState: view('v-carla-2', 'carla') }]);
    await expect.poll(() => received.flat().includes('v-carla-2'), { timeout: 20_000 }).toBe(true);
    expect(received.slice(before).flat()).not.toContain('v-ana-2');
    expect(received.flat()).not.toContain('v-ana');
    await client.dispose();
    await ended.catch(() => undefined);
  });

  it('keep no audit trail anyone can read', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(tenant, 'carla')}` },
      body: JSON.stringify({
        query: '{ auditLog(collection: "views", documentId: "v-ana", limit: 10) { entries { documentId } } }',
      }),
    });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_PERMITTED');
    expect(answer.errors?.[0]?.message).toMatch(/audit trail of views is not served/);
  });
});
