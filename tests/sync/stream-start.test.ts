// A change committed while a device's live stream is still starting is not missed. The device pulls when it
// connects; if the server only starts listening for the stream's changes after that pull has read, a commit in
// between reached neither (a slow broker makes that window long: Redis confirms a SUBSCRIBE in its own time). The
// server now announces each stream's start (STREAM_READY), and the device pulls then. Here the bus starts hearing a
// stream 1.5 s after it subscribes, and another writer commits inside that window.
import { type ChangeEvent, createInMemoryPubSub, type SyncPubSub } from '@syncline/server';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { itemSchema, openItemDevice } from './items';

const BROKER_DELAY_MS = 1_500;

/** The in-memory bus, with a broker's delay: a listener hears events only `BROKER_DELAY_MS` after it subscribes. */
function slowBroker(): SyncPubSub & { subscribed: number } {
  const bus = createInMemoryPubSub();
  const pending = new Set<Promise<void>>();
  const slow = {
    subscribed: 0,
    publish: (tenant: string, event: ChangeEvent) => bus.publish(tenant, event),
    subscribe(tenant: string, listener: (event: ChangeEvent) => void) {
      slow.subscribed += 1;
      let stop: (() => void) | undefined;
      let stopped = false;
      const joined = new Promise<void>((resolve) =>
        setTimeout(() => {
          if (!stopped) stop = bus.subscribe(tenant, listener);
          resolve();
        }, BROKER_DELAY_MS),
      );
      pending.add(joined);
      void joined.then(() => pending.delete(joined));
      return () => {
        stopped = true;
        stop?.();
      };
    },
    listening: async () => {
      await Promise.all(pending);
    },
    onResync: (listener: () => void) => bus.onResync(listener),
    close: () => bus.close(),
  };
  return slow;
}

let server: TestServer;
const broker = slowBroker();

beforeAll(async () => {
  server = await startTestServer({ collections: { items: itemSchema }, serverOptions: { pubsub: broker } });
});
afterAll(async () => {
  await server?.close();
});

async function push(tenant: string, id: string, title: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
    body: JSON.stringify({
      query: 'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }',
      variables: { rows: [{ newDocumentState: { id, title, qty: 1, _deleted: false } }] },
    }),
  });
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
}

it('pulls a change committed while its stream was starting, with no later change to reveal it', async () => {
  const tenant = `start-${Date.now().toString(36)}`;
  const { database, replication } = await openItemDevice(server, tenant, { name: 'start' });
  try {
    // the first pull is done and the stream has subscribed on the server, which does not hear it yet: another
    // writer commits now
    await replication.awaitInSync();
    const deadline = Date.now() + 15_000;
    while (broker.subscribed === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(broker.subscribed).toBeGreaterThan(0);
    await push(tenant, 'during-start', 'committed while the stream was starting');

    let title: unknown;
    while (Date.now() < deadline) {
      title = (await database.collections.items?.findOne('during-start').exec())?.get('title');
      if (title) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(title).toBe('committed while the stream was starting');
  } finally {
    await replication.stop();
    await database.remove();
  }
});
