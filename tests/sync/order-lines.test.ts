// An order's lines edited on two devices offline, on a server upgraded from orders schema v3 (lines without ids) to
// v4: the order stored by a v3 app is still served and validated; each device gives its lines the same ids; one
// device changes a line's quantity, the other another line's and adds a line; once both reconnect, every device and
// the server hold both edits, each line with an id, and totals recomputed from the merged lines.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSynclineDatabase, jsonEqual, startReplication } from '@syncline/data';
import {
  newOrderLine,
  type Order,
  orderLineId,
  orderMergeRules,
  orderSchema,
  storedTotals,
  withLineIds,
} from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, expect, it } from 'vitest';
import { orderMigrationsUpTo, orderSchemaV3, orderTakenByV3 } from '../../packages/domain/test/order-v3';

const tenant = 'lines-shop';

let server: TestServer | undefined;
afterAll(async () => {
  await server?.close();
});

async function openDevice(name: string, schema: RxJsonSchema<Order>) {
  const database = await createSynclineDatabase({
    name: `${name}${Date.now().toString(36)}`,
    collections: { orders: schema },
    mergeRules: { orders: orderMergeRules },
    migrationStrategies: { orders: orderMigrationsUpTo(schema.version) },
  });
  const replication = startReplication({
    database,
    url: server?.url ?? '',
    wsUrl: server?.wsUrl ?? '',
    token: () => (server as TestServer).token(tenant),
    backoff: { initialMs: 50, maxMs: 300 },
  });
  const orders = () => database.collections.orders as NonNullable<typeof database.collections.orders>;
  return { database, replication, orders };
}

/** Waits until `read` passes, syncing the device meanwhile (a dropped stream event is pulled again). */
async function eventually(device: Awaited<ReturnType<typeof openDevice>>, read: () => Promise<boolean>) {
  const deadline = Date.now() + 20_000;
  while (!(await read())) {
    if (Date.now() > deadline) {
      const held = await device.orders().findOne('ord-lines').exec();
      const conflicts = await device.database.collections.conflicts?.find().exec();
      throw new Error(
        `The device did not converge in 20 s: it holds ${JSON.stringify(held?.toJSON().items)}, ` +
          `${JSON.stringify(device.replication.store.getState())}, conflicts ${JSON.stringify(conflicts?.map((c) => c.toJSON()))}`,
      );
    }
    await device.replication.syncNow().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

it('keeps two devices’ offline edits to different lines of an order stored before lines had ids', async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'syncline-lines-')), 'sync.sqlite');
  server = await startTestServer({ collections: { orders: orderSchemaV3() }, dbPath });

  // a v3 app takes the order: two lines, no ids
  const old = await openDevice('v3', orderSchemaV3());
  const taken = orderTakenByV3('ord-lines');
  const { items } = taken;
  await old.orders().insert(taken);
  await old.replication.awaitInSync();
  await old.replication.stop();
  await old.database.remove();

  // the server moves to v4; its row stays as the v3 app stored it
  await server.close();
  server = await startTestServer({ collections: { orders: orderSchema }, dbPath, port: server.port });
  const a = await openDevice('a', orderSchema);
  const b = await openDevice('b', orderSchema);
  for (const device of [a, b]) {
    await eventually(device, async () => (await device.orders().findOne('ord-lines').exec()) !== null);
  }
  const served = (await a.orders().findOne('ord-lines').exec())?.toJSON() as Order;
  expect(served.items).toEqual(items);

  // both offline: A changes the shirts; B the duvet, and adds towels (each device gives the lines the same ids)
  await a.replication.pause();
  await b.replication.pause();
  const edit = async (device: typeof a, change: (lines: Order['items']) => Order['items']) => {
    const doc = await device.orders().findOne('ord-lines').exec();
    await doc?.incrementalModify((order) => {
      const lines = change(withLineIds(order.id, order.items));
      return { ...order, items: lines, totals: storedTotals(lines) };
    });
  };
  const towels = newOrderLine({ sku: 'TOWELS', name: 'Towels, 5', unitPrice: 800, taxRate: 0.23 }, 2);
  await edit(a, ([shirts, ...rest]) => [{ ...(shirts as Order['items'][number]), quantity: 5 }, ...rest]);
  await edit(b, ([shirts, duvets]) => [
    shirts as Order['items'][number],
    { ...(duvets as Order['items'][number]), quantity: 2 },
    towels,
  ]);

  await a.replication.resume();
  await a.replication.awaitInSync();
  await b.replication.resume();
  await b.replication.awaitInSync();

  const expected = [
    { ...items[0], id: orderLineId('ord-lines', 0), quantity: 5 },
    { ...items[1], id: orderLineId('ord-lines', 1), quantity: 2 },
    towels,
  ];
  const holds = async (device: typeof a) => {
    const order = (await device.orders().findOne('ord-lines').exec())?.toJSON() as Order | undefined;
    return jsonEqual(order?.items, expected);
  };
  await eventually(a, () => holds(a));
  await eventually(b, () => holds(b));
  for (const device of [a, b]) {
    const order = (await device.orders().findOne('ord-lines').exec())?.toJSON() as Order;
    // 5 × 3.50 + 2 × 14.00 + 2 × 8.00 = 61.50, and 23 % tax
    expect(order.totals).toEqual({ subtotal: 6150, tax: 1415, total: 7565 });
    expect(device.replication.store.getState().pendingCount).toBe(0);
  }
  // nobody has to decide: different lines merged by themselves
  for (const device of [a, b]) {
    expect(await device.database.collections.conflicts?.find({ selector: { status: 'open' } }).exec()).toEqual([]);
  }
  // and the server: a device opened now pulls the same lines
  const c = await openDevice('c', orderSchema);
  await eventually(c, () => holds(c));
  for (const device of [a, b, c]) {
    await device.replication.stop();
    await device.database.remove();
  }
});
