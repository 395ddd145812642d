// A document the pull left alone because the client's own write of it was still being pushed (chaos seed 1311:
// a client kept its creation of item-2 while the server had moved on to another client's edit, with nothing
// pending and no error). RxDB's pull skips a document whose local state has not been acknowledged yet, and moves
// its checkpoint on all the same; when the push is then acknowledged (it landed before the other client's edit),
// the stream event of that edit is the only thing that brings it, and RxDB holds it until the push is done. The
// client must not drop that event as one it already pulled past.
import { createSynclineDatabase, startReplication, stripNulls } from '@syncline/data';
import { expect, it } from 'vitest';
import { gatedSocket } from '../support/gated-socket';
import { itemRules, itemSchema, itemServer } from './items';

type Doc = Record<string, unknown>;
/** The client's socket, with a gate on its stream events. */
const socket = gatedSocket();
const { held } = socket;

/** Requests (or answers) wait while the gate is closed. */
class Gate {
  closed = false;
  private readonly waiters: Array<() => void> = [];
  get waiting() {
    return this.waiters.length;
  }
  pass(): Promise<void> {
    return this.closed ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
  open() {
    this.closed = false;
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}

const tenant = 'skipped-by-pull-shop';
const suite = itemServer();
const graphql = (query: string, variables?: Record<string, unknown>) => suite.graphql(tenant, query, variables);

it('takes the edit a pull skipped while its own write was being pushed, once that push is acknowledged', async () => {
  const database = await createSynclineDatabase({
    name: `skipped${Date.now().toString(36)}`,
    collections: { items: itemSchema },
    mergeRules: { items: itemRules },
  });
  // a pull may wait before it leaves, a push's answer after the server took it
  const pullGate = new Gate();
  const answerGate = new Gate();
  let pulls = 0;
  const gatedFetch: typeof fetch = async (input, init) => {
    const body = String(init?.body ?? '');
    const isPull = body.includes('pullItems');
    if (isPull) await pullGate.pass();
    const response = await fetch(input, init);
    if (body.includes('pushItems')) await answerGate.pass();
    if (isPull) pulls += 1;
    return response;
  };
  const replication = startReplication({
    database,
    url: suite.server.url,
    wsUrl: suite.server.wsUrl,
    token: () => suite.server.token(tenant),
    backoff: { initialMs: 30, maxMs: 300 },
    webSocketImpl: socket.GatedSocket,
    fetch: gatedFetch,
  });
  const title = async (id: string) => (await database.items.findOne(id).exec())?.get('title') as string | undefined;
  const syncing: Array<Promise<void>> = [];
  try {
    await expect.poll(() => replication.store.getState().connection, { timeout: 10_000 }).toBe('online');
    await replication.awaitInSync();

    // a pull starts, and waits on the way (a retry, say, after the network dropped it)
    socket.holding = true;
    pullGate.closed = true;
    answerGate.closed = true;
    syncing.push(replication.syncNow());
    await expect.poll(() => pullGate.waiting, { timeout: 10_000 }).toBe(1);

    // the client creates x; the server takes it, and the answer waits on the way back
    await database.items.insert({ id: 'x', title: 'mine', qty: 1 });
    await expect.poll(() => answerGate.waiting, { timeout: 10_000 }).toBe(1);

    // another writer edits x after it
    const data = await graphql(
      'query { pullItems(checkpoint: null, limit: 10) { documents { id title qty tags note editedAt _deleted } } }',
    );
    const mine = stripNulls((data.pullItems as { documents: Doc[] }).documents[0] ?? {});
    expect(mine.title).toBe('mine');
    await graphql('mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }', {
      rows: [{ newDocumentState: { ...mine, title: 'theirs' }, assumedMasterState: mine }],
    });
    // both commits are announced; their events wait on the way
    await expect.poll(() => held.length, { timeout: 10_000 }).toBe(2);

    // the pull now brings x as the other writer left it; RxDB leaves x alone, its own write not acknowledged yet
    const before = pulls;
    pullGate.open();
    await expect.poll(() => pulls, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(await title('x')).toBe('mine');

    // the answer comes back: the client's write was taken (before the edit); then the events arrive
    answerGate.open();
    await expect.poll(() => replication.store.getState().pendingCount, { timeout: 10_000 }).toBe(0);
    socket.holding = false;
    for (const event of held.splice(0)) event.deliver();
    await expect.poll(() => title('x'), { timeout: 10_000 }).toBe('theirs');

    await replication.syncNow();
    await replication.awaitInSync();
    expect(await title('x')).toBe('theirs');
  } finally {
    socket.holding = false;
    held.splice(0);
    pullGate.open();
    answerGate.open();
    await Promise.allSettled(syncing);
    await replication.stop();
    await database.remove();
  }
});
