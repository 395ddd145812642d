// A push whose answer is lost after the server committed it, while the live stream delivers the echo, retried
// later and acknowledged as a no-op: the client still ends with the server's clock (`updatedAt`) and nothing
// pending. (The variant that lost the clock, a re-created document, is replayed by chaos seed 1001, which
// failed every time before the fix in c814d28.)
import { expect, it } from 'vitest';
import { itemServer, openItemDevice } from './items';

const suite = itemServer();

async function serverClock(tenant: string, id: string) {
  const data = await suite.graphql(
    tenant,
    'query { pullItems(checkpoint: null, limit: 100) { documents { id updatedAt } } }',
  );
  const { documents } = data.pullItems as { documents: Array<{ id: string; updatedAt: number }> };
  return documents.find((doc) => doc.id === id)?.updatedAt;
}

it("gets the server's clock for a write whose answer was lost while its echo streamed past", async () => {
  const tenant = `echo-${Date.now().toString(36)}`;
  let lost = 0;
  const losingFetch: typeof fetch = async (input, init) => {
    if (String(init?.body ?? '').includes('pushItems')) {
      if (lost === 0) {
        lost += 1;
        await fetch(input, init);
        // the echo arrives on the stream while the answer is on its way... and the answer never arrives
        await new Promise((resolve) => setTimeout(resolve, 500));
        throw new TypeError('fetch failed (the answer was lost)');
      }
      if (lost === 1) {
        // the transport's immediate second try fails too: the retry comes after the echo was processed
        lost += 1;
        throw new TypeError('fetch failed (still no network)');
      }
    }
    return fetch(input, init);
  };
  const { database, replication } = await openItemDevice(suite.server, tenant, {
    name: 'echo',
    replication: { fetch: losingFetch },
  });
  const deadline = Date.now() + 15_000;
  while (replication.store.getState().connection !== 'online' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await database.collections.items?.insert({ id: 'e1', title: 'answer lost', qty: 1 });
  const onServer = await (async () => {
    for (;;) {
      const clock = await serverClock(tenant, 'e1');
      if (clock !== undefined) return clock;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  let local: unknown;
  while (Date.now() < deadline) {
    await replication.syncNow();
    local = (await database.collections.items?.findOne('e1').exec())?.get('updatedAt');
    if (local === onServer && replication.store.getState().pendingCount === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(lost).toBe(2);
  expect(local).toBe(onServer);
  expect(replication.store.getState().pendingCount).toBe(0);
  await replication.stop();
  await database.remove();
});
