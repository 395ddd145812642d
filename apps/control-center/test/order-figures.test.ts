// The dashboard's order figures from what it reads (the orders edited this week and those still in the shop, by
// index), over a real local database holding a long history: the same figures as over every order, an old order
// finished or due today included.
import { createSynclineDatabase, type SynclineDatabase } from '@syncline/data';
import {
  controlCenterMigrations,
  controlCenterSchemas,
  type Order,
  ordersDue,
  revenueToday,
  startOfDay,
  throughputPerHour,
} from '@syncline/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { todayOrderFigures, todayOrderReads } from '../src/lib/order-figures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let database: SynclineDatabase<typeof controlCenterSchemas> | undefined;

afterEach(async () => {
  await database?.remove();
  database = undefined;
});

/**
 * Stores `orders` as they came from the server, each with the edit time the device that wrote it stamped, as a
 * device holding years of history has them (a local write would stamp each with now).
 */
async function storeFromServer(orders: readonly Order[]) {
  database = await createSynclineDatabase({
    name: `figures${Math.random().toString(36).slice(2, 8)}`,
    collections: controlCenterSchemas,
    migrationStrategies: controlCenterMigrations,
    multiInstance: false,
  });
  const stored = orders.map((order) => ({
    document: { ...order, _deleted: false, _rev: '1-server', _meta: { lwt: Date.now() }, _attachments: {} },
  }));
  const { error } = await database.orders.storageInstance.bulkWrite(stored as never, 'replication-downstream-test');
  expect(error).toEqual([]);
  return database;
}

const order = (id: number, fields: Partial<Order> & Pick<Order, 'status' | 'receivedAt' | 'editedAt'>): Order => ({
  id: `ord-${id}`,
  number: id,
  customerId: 'cus-1',
  customerName: 'Ada Almeida',
  priority: 'normal',
  items: [{ id: `line-${id}`, sku: 'SHIRT', name: 'Shirt', quantity: 2, unitPrice: 350 }],
  totals: { subtotal: 700, tax: 161, total: 861 },
  ...fields,
});

const moved = (at: number, from: Order['status'], to: Order['status']) => ({
  id: `h-${at}-${to}`,
  at,
  by: 'ana',
  summary: `Status ${from} → ${to}`,
  changes: [{ field: 'status', from, to }],
});

describe("the dashboard's order figures", () => {
  it('count an old order finished today and old orders due today, reading only what moved this week and the shop', async () => {
    const now = Date.now();
    const today = startOfDay(now);
    const longAgo = now - 20 * DAY;
    const orders: Order[] = [
      // received three weeks ago, marked ready and delivered within the last hours: finished today
      order(1, {
        status: 'delivered',
        receivedAt: longAgo,
        dueAt: longAgo + 2 * DAY,
        deliveredAt: now - HOUR,
        editedAt: now - HOUR,
        history: [moved(now - 2 * HOUR, 'folding', 'ready'), moved(now - HOUR, 'ready', 'delivered')],
      }),
      // received three weeks ago, still washing, due today (and so overdue by now)
      order(2, { status: 'washing', receivedAt: longAgo, dueAt: today, editedAt: longAgo }),
      // received three weeks ago, delivered two days ago ahead of being due today
      order(3, {
        status: 'delivered',
        receivedAt: longAgo,
        dueAt: today,
        deliveredAt: now - 2 * DAY,
        editedAt: now - 2 * DAY,
      }),
      // today's takings
      order(4, { status: 'received', receivedAt: now - 1000, dueAt: now + 2 * DAY, editedAt: now - 1000 }),
      // the shop's history: delivered long ago, untouched since
      ...Array.from({ length: 30 }, (_, i) =>
        order(100 + i, {
          status: 'delivered',
          receivedAt: longAgo - (i + 10) * DAY,
          dueAt: longAgo - (i + 8) * DAY,
          deliveredAt: longAgo - (i + 8) * DAY,
          editedAt: longAgo - (i + 8) * DAY,
        }),
      ),
    ];
    const db = await storeFromServer(orders);
    const reads = todayOrderReads(now);
    const edited = (await db.orders.find(reads.edited).exec()).map((doc) => doc.toJSON() as Order);
    const inShop = (await db.orders.find(reads.inShop).exec()).map((doc) => doc.toJSON() as Order);
    const figures = todayOrderFigures(edited, inShop, now);

    expect(figures.due.value).toBe(2);
    expect(figures.due.overdue).toBe(1);
    expect(figures.throughput.trend.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect(figures.revenue.value).toBe(861);
    // the same figures as over every order the shop ever took
    expect(figures).toEqual({
      revenue: revenueToday(orders, now),
      due: ordersDue(orders, now),
      throughput: throughputPerHour(orders, now),
    });
    // and none of the history read for them
    expect([...new Set([...edited, ...inShop].map((read) => read.id))].sort()).toEqual([
      'ord-1',
      'ord-2',
      'ord-3',
      'ord-4',
    ]);
  });
});
