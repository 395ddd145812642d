// Regression: an offline edit that loses its merge entirely (the merged document equals the server's) leaves the
// document synced, not pending forever.
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { itemSchema, openItemDevice } from './items';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ collections: { items: itemSchema } });
});
afterAll(async () => {
  await server.close();
});

async function open(name: string) {
  return openItemDevice(server, 'merge', { name, replication: { backoff: { initialMs: 30, maxMs: 300 } } });
}

it('settles an offline edit whose merge keeps the server state as synced', async () => {
  const a = await open('a');
  const b = await open('b');
  await a.database.collections.items?.insert({ id: 'd1', title: 'first', qty: 1, note: 'start' } as never);
  await a.replication.awaitInSync();
  await b.replication.syncNow();
  const onB = await b.database.collections.items?.findOne('d1').exec();
  expect(onB?.get('note')).toBe('start');

  await a.replication.pause();
  const onA = await a.database.collections.items?.findOne('d1').exec();
  await onA?.incrementalPatch({ note: 'older offline edit' } as never);
  await new Promise((resolve) => setTimeout(resolve, 20));
  await onB?.incrementalPatch({ note: 'later edit' } as never);
  await b.replication.awaitInSync();

  await a.replication.resume();
  const deadline = Date.now() + 15_000;
  let last = a.replication.store.getState();
  while (Date.now() < deadline) {
    await a.replication.syncNow();
    last = a.replication.store.getState();
    const note = (await a.database.collections.items?.findOne('d1').exec())?.get('note');
    if (note === 'later edit' && last.pendingCount === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await a.database.collections.items?.findOne('d1').exec())?.get('note')).toBe('later edit');
  expect(await a.database.collections.syncstate?.find().exec()).toEqual([]);
  expect(last.pendingCount).toBe(0);
  for (const client of [a, b]) {
    await client.replication.stop();
    await client.database.remove();
  }
});
