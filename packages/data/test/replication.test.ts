// Clients against a real sync server on loopback: offline writes wait as pending and sync on reconnect, the
// status store walks through the connection states with correct counts, and two clients' offline edits of one
// order merge by the order's rules, with the one manual field left to a person and converging once decided.
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncStore, type InitialSyncProgress, resolveConflict } from '../src';
import { type Client, eventually, openClient, orderOn, orderOnServer, storeReaches } from './helpers';

const demo = createDemoData({ seed: 5, orders: 2, customers: 2, machines: 2 });
const firstOrder = () => {
  const [order] = demo.orders;
  if (!order) throw new Error('demo data has no order');
  return { ...order, status: 'washing' as const, notes: 'Two buttons loose.', tags: ['stain'], labelPrints: 1 };
};

let server: TestServer;
let clients: Client[] = [];

beforeEach(async () => {
  server = await startTestServer({ collections: controlCenterSchemas });
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  await server.close();
});

async function client(tenant = 'shop-1', extra: Parameters<typeof openClient>[2] = {}) {
  const opened = await openClient(server, tenant, extra);
  clients.push(opened);
  return opened;
}

describe('replication against the sync server', () => {
  it('keeps an offline write pending and syncs it on reconnect', async () => {
    const a = await client();
    await storeReaches(a, (s) => s.connection === 'online');
    const order = firstOrder();

    await server.restart({
      whileStopped: async () => {
        await a.database.orders.insert(order);
        const offline = await storeReaches(a, (s) => s.connection === 'offline' && s.pendingCount === 1);
        expect(offline.lastError?.kind).toBe('network');
        const record = await a.database.syncstate.findOne(`orders|${order.id}`).exec();
        expect(record?.state).toBe('pending');
      },
    });

    const synced = await storeReaches(a, (s) => s.connection === 'online' && s.pendingCount === 0 && !s.lastError);
    expect(synced.lastSyncedAt).not.toBeNull();
    expect(await a.database.syncstate.findOne(`orders|${order.id}`).exec()).toBeNull();
    const onServer = await orderOnServer(server, 'shop-1', order.id);
    expect(onServer).toMatchObject({ id: order.id, notes: order.notes });
    // the server's clock came back with the echo
    await eventually(
      () => orderOn(a, order.id),
      (doc) => typeof doc?.updatedAt === 'number',
    );
  });

  it('walks the status store connecting -> online -> offline -> online with correct counts', async () => {
    const a = await client();
    const connections: string[] = [];
    const record = (connection: string) => {
      if (connections.at(-1) !== connection) connections.push(connection);
    };
    record(a.status().connection);
    const unsubscribe = a.replication.store.subscribe((s) => record(s.connection));

    const online = await storeReaches(
      a,
      (s) => s.connection === 'online' && s.progress?.synced === s.progress?.collections,
    );
    expect(online).toMatchObject({ pendingCount: 0, failedCount: 0, conflictCount: 0, stalled: false });
    const order = firstOrder();
    await server.restart({
      whileStopped: async () => {
        await storeReaches(a, (s) => s.connection === 'offline');
        await a.database.orders.insert(order);
        await a.database.customers.bulkInsert(demo.customers);
        const offline = await storeReaches(a, (s) => s.pendingCount === 3);
        expect(offline.connection).toBe('offline');
      },
    });
    const back = await storeReaches(
      a,
      (s) => s.connection === 'online' && s.pendingCount === 0 && s.activity === 'idle',
    );
    unsubscribe();
    expect(connections).toEqual(['connecting', 'online', 'offline', 'online']);
    expect(back).toMatchObject({ failedCount: 0, conflictCount: 0, activity: 'idle', lastError: null });
  });

  it('reports initial-sync progress while a new client pulls a whole shop', async () => {
    const seeder = await client();
    const shop = createDemoData({ seed: 12, orders: 2_000, customers: 150 });
    await seeder.database.customers.bulkInsert(shop.customers);
    await seeder.database.orders.bulkInsert(shop.orders);
    await storeReaches(seeder, (s) => s.pendingCount === 0 && s.activity === 'idle', 60_000);

    // what the person sees on the way: the store, watched from before the replication starts
    const store = createSyncStore();
    const seen: InitialSyncProgress[] = [];
    store.subscribe(({ progress }) => {
      if (progress) seen.push(progress);
    });
    const fresh = await client('shop-1', { store });
    const done = await storeReaches(
      fresh,
      (s) => s.progress !== null && s.progress.synced === s.progress.collections && s.progress.documents >= 2_150,
      60_000,
    );
    // the shop's two collections and Syncline's settlements; the server said how many documents were coming
    expect(done.progress).toMatchObject({ collections: 3, synced: 3, expected: 2_150 });
    // on the way: a count of the whole, before every document had arrived
    expect(seen.some((p) => p.expected === 2_150 && p.documents > 0 && p.documents < 2_150)).toBe(true);
    expect(await fresh.database.orders.count().exec()).toBe(2_000);
    expect(await fresh.database.customers.count().exec()).toBe(150);
    expect(done.pendingCount).toBe(0);
  });

  it('merges two offline edits of one order by its rules and leaves the notes to a person', async () => {
    const a = await client();
    const b = await client();
    const order = firstOrder();
    await a.database.orders.insert(order);
    await eventually(
      () => orderOn(b, order.id),
      (doc) => doc !== null,
    );
    // what B received shows in its initial-sync progress
    await storeReaches(b, (s) => (s.progress?.documents ?? 0) >= 1);
    await storeReaches(a, (s) => s.pendingCount === 0);

    await server.restart({
      whileStopped: async () => {
        await storeReaches(a, (s) => s.connection === 'offline');
        await storeReaches(b, (s) => s.connection === 'offline');
        const onA = await a.database.orders.findOne(order.id).exec();
        await onA?.incrementalPatch({
          status: 'drying',
          tags: ['stain', 'express'],
          notes: 'A: customer will pick up at noon',
          labelPrints: 2,
          priority: 'high',
        });
        const onB = await b.database.orders.findOne(order.id).exec();
        await onB?.incrementalPatch({
          status: 'folding',
          tags: ['stain', 'delicate'],
          notes: 'B: add fabric softener',
          labelPrints: 3,
          assignedMachineId: 'mac-000002',
        });
      },
    });

    // both clients and the server converge on one merged order
    const read = async () => [
      await orderOn(a, order.id),
      await orderOn(b, order.id),
      await orderOnServer(server, 'shop-1', order.id),
    ];
    const same = (docs: unknown[]) => {
      const [x, y, z] = docs as Record<string, unknown>[];
      return (
        Boolean(x && y && z) &&
        ['status', 'notes', 'labelPrints', 'priority', 'assignedMachineId'].every(
          (k) => JSON.stringify(x?.[k]) === JSON.stringify(y?.[k]) && JSON.stringify(y?.[k]) === JSON.stringify(z?.[k]),
        ) &&
        JSON.stringify([...((x?.tags as string[]) ?? [])].sort()) ===
          JSON.stringify([...((z?.tags as string[]) ?? [])].sort())
      );
    };
    const [merged] = (await eventually(
      read,
      (docs) => same(docs) && (docs[2]?.tags as string[] | undefined)?.length === 3,
    )) as (Record<string, unknown> | null)[];
    expect(merged).toMatchObject({
      status: 'folding', // progression: furthest along the flow
      labelPrints: 3, // counter: max
      priority: 'high', // changed on one side only
      assignedMachineId: 'mac-000002', // changed on one side only
    });
    expect([...((merged?.tags as string[] | undefined) ?? [])].sort()).toEqual(['delicate', 'express', 'stain']); // union

    // exactly one conflict record, on the client whose push came second, holding the notes that lost
    const open = async () => [
      ...(await a.database.conflicts.find({ selector: { status: 'open' } }).exec()),
      ...(await b.database.conflicts.find({ selector: { status: 'open' } }).exec()),
    ];
    const conflicts = await eventually(open, (list) => list.length === 1);
    const conflict = conflicts[0];
    if (!conflict) throw new Error('no conflict recorded');
    expect(conflict.fields).toEqual(['notes']);
    // what merged without a person: whichever side pushed second sees the other's changes as server-side
    expect(conflict.mergedFields).toEqual(expect.arrayContaining(['status', 'tags', 'labelPrints']));
    expect(conflict.base?.notes).toBe('Two buttons loose.');
    expect([conflict.local.notes, conflict.server.notes].sort()).toEqual([
      'A: customer will pick up at noon',
      'B: add fabric softener',
    ]);
    expect(merged?.notes).toBe(conflict.server.notes);
    const decider = (await a.database.conflicts.findOne(conflict.id).exec()) ? a : b;
    expect(decider.status().conflictCount).toBe(1);
    expect(await decider.database.syncstate.count().exec()).toBe(0);

    // the person keeps both notes; every client and the server end up with that
    const decided = `${conflict.server.notes} / ${conflict.local.notes}`;
    await resolveConflict(decider.database, conflict.id, { notes: { custom: decided } });
    await eventually(read, (docs) => docs.every((doc) => doc?.notes === decided));
    await storeReaches(decider, (s) => s.conflictCount === 0 && s.pendingCount === 0);
    const record = await decider.database.conflicts.findOne(conflict.id).exec();
    expect(record?.status).toBe('resolved');
    expect(record?.resolution).toEqual({ notes: decided });
  });

  it('does not hold a person to their own write when a pause dropped the answer that took it', async () => {
    // the person pauses syncing while the server's answer to a push is on its way back: RxDB drops that answer,
    // so the next push of the document still starts from the older state, and meets what came after it
    let pauseOnPushAnswer = false;
    const a: Client = await openClient(server, 'shop-1', {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!pauseOnPushAnswer || !String(init?.body).includes('pushOrders')) return response;
        pauseOnPushAnswer = false;
        const text = await response.text();
        await a.replication.pause();
        return new Response(text, { status: response.status, headers: response.headers });
      },
    });
    clients.push(a);
    const b = await client();
    const order = firstOrder();
    await a.database.orders.insert(order);
    await eventually(
      () => orderOn(b, order.id),
      (doc) => doc !== null,
    );
    await storeReaches(a, (s) => s.pendingCount === 0);

    pauseOnPushAnswer = true;
    await (await a.database.orders.findOne(order.id).exec())?.incrementalPatch({ notes: 'A: ring the bell' });
    await storeReaches(a, (s) => s.paused);
    await eventually(
      () => orderOnServer(server, 'shop-1', order.id),
      (doc) => doc?.notes === 'A: ring the bell',
    );
    // B sees A's notes and replaces them: a later edit, not a conflict
    await eventually(
      () => orderOn(b, order.id),
      (doc) => doc?.notes === 'A: ring the bell',
    );
    await (await b.database.orders.findOne(order.id).exec())?.incrementalPatch({ notes: 'B: bell is broken, knock' });
    await eventually(
      () => orderOnServer(server, 'shop-1', order.id),
      (doc) => doc?.notes === 'B: bell is broken, knock',
    );

    await a.replication.resume();
    await eventually(
      () => orderOn(a, order.id),
      (doc) => doc?.notes === 'B: bell is broken, knock',
    );
    await storeReaches(a, (s) => s.pendingCount === 0 && s.connection === 'online');
    expect(await a.database.conflicts.count().exec()).toBe(0);
    expect(a.status().conflictCount).toBe(0);
    expect((await orderOnServer(server, 'shop-1', order.id))?.notes).toBe('B: bell is broken, knock');
  });
});
