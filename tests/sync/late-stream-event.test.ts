// A stream event that arrives after the client has pulled past it (issue #15 item 3, chaos seed 1077: a client
// kept stale versions of two documents, with nothing pending and no error). The client pulls item x's newest
// state; then the event of x's older commit comes in late (from a connection that lost the events after it), and
// the next event, for another document, moves RxDB's checkpoint past x's newer commit. Applying the late event
// would leave x stale for good: no later pull goes back for it. The client must drop an event it already passed.
import { expect, it } from 'vitest';
import { gatedSocket } from '../support/gated-socket';
import { itemServer, openItemDevice } from './items';

type Doc = Record<string, unknown>;

/** The client's socket, with a gate on its stream events. */
const socket = gatedSocket();
const { held } = socket;

const tenant = 'late-event-shop';
const suite = itemServer();

async function push(doc: Doc, assumed?: Doc) {
  const data = await suite.graphql(
    tenant,
    'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }',
    {
      rows: [{ newDocumentState: doc, ...(assumed ? { assumedMasterState: assumed } : {}) }],
    },
  );
  expect(data.pushItems).toEqual([]);
}

it('keeps the newer state it pulled when an older stream event arrives late, and converges', async () => {
  const { database, replication } = await openItemDevice(suite.server, tenant, {
    name: 'late',
    replication: { backoff: { initialMs: 30, maxMs: 300 }, webSocketImpl: socket.GatedSocket },
  });
  const title = async (id: string) => (await database.items.findOne(id).exec())?.get('title') as string | undefined;
  try {
    await expect.poll(() => replication.store.getState().connection, { timeout: 10_000 }).toBe('online');
    await replication.awaitInSync();

    // x's first and second commits are announced, but the events wait on the way
    socket.holding = true;
    const first = { id: 'x', title: 'first', qty: 1, _deleted: false };
    const second = { ...first, title: 'second' };
    await push(first);
    await push(second, first);
    await expect.poll(() => held.map((event) => event.titles.join()), { timeout: 10_000 }).toEqual(['first', 'second']);

    // the client pulls: it has x's second commit
    await replication.syncNow();
    expect(await title('x')).toBe('second');

    // the first event arrives now; the one after it was lost with its connection
    const [late] = held.splice(0);
    socket.holding = false;
    late?.deliver();
    // the next event is about another document, and comes before any pull
    await push({ id: 'y', title: 'later', qty: 1, _deleted: false });
    await expect.poll(() => title('y'), { timeout: 10_000 }).toBe('later');

    await replication.syncNow();
    await replication.awaitInSync();
    expect(await title('x')).toBe('second');
  } finally {
    socket.holding = false;
    held.splice(0);
    await replication.stop();
    await database.remove();
  }
});
