// What the dashboard and the Reports page read of the orders: the orders edited lately, the days a report shows and
// the orders still in the shop, each by an index, and counts from an index for the rest, never the shop's whole
// history, so they open about as fast with 100,000 orders as with 10,000. The figures are the domain's
// (@syncline/domain's figures and reports), computed over these reads.
import { useLiveCount, useLiveCounts, useLiveQuery } from '@syncline/data';
import {
  lastDays,
  nextOrderStatus,
  type Order,
  type OrderStatus,
  orderStatusFlow,
  ordersDue,
  revenueToday,
  throughputPerHour,
} from '@syncline/domain';
import { useMemo } from 'react';

const byStatus = Object.fromEntries(orderStatusFlow.map((status) => [status, { status }])) as Record<
  OrderStatus,
  { status: OrderStatus }
>;

/** Every order, and how many are in each status: counted from the status index, no order read. */
export function useOrderCounts() {
  const { count: total } = useLiveCount<Order>('orders');
  const { counts } = useLiveCounts<OrderStatus, Order>('orders', byStatus);
  return { total, byStatus: counts };
}

/** The statuses an order can still move on from: the orders still in the shop (isOrderOverdue). */
const inTheShop = orderStatusFlow.filter((status) => nextOrderStatus(status) !== undefined);

/** Orders received over the last `days` local days, today so far last, by the day they came in (an index). */
export function useOrdersReceived(now: number, days: number): Order[] {
  const since = (lastDays(now, days)[0] as { start: number }).start;
  return useLiveQuery<Order>('orders', { selector: { receivedAt: { $gte: since } }, sort: [{ receivedAt: 'asc' }] })
    .docs;
}

/** A query of the orders, as `useLiveQuery` takes it. */
type OrdersQuery = NonNullable<Parameters<typeof useLiveQuery<Order>>[1]>;

/** How many days back the dashboard's trends go: revenue and orders due per day. */
const TREND_DAYS = 7;

/**
 * What the dashboard reads of the orders at `now`, each by an index: the orders edited since the first day of its
 * trends (every order received, moved, finished or delivered since: an order finishing is an edit, whenever it came
 * in), and the orders still in the shop (overdue ones, however long ago they were due). Both start at a day's start,
 * so they change with the day, not with every render.
 */
export function todayOrderReads(now: number): { edited: OrdersQuery; inShop: OrdersQuery } {
  const since = (lastDays(now, TREND_DAYS)[0] as { start: number }).start;
  return {
    edited: { selector: { editedAt: { $gte: since } }, sort: [{ editedAt: 'asc' }] },
    inShop: { selector: { status: { $in: inTheShop } } },
  };
}

/**
 * The dashboard's order figures at `now` from what `todayOrderReads` read: today's revenue, orders due (and
 * overdue) and orders finished per hour, each with its trend. Right for any order but one delivered more than a
 * week before the day it was due and not edited since (read by neither), which the orders due that day leave out.
 */
export function todayOrderFigures(edited: readonly Order[], inShop: readonly Order[], now: number) {
  const orders = [...new Map([...edited, ...inShop].map((order) => [order.id, order])).values()];
  return {
    revenue: revenueToday(edited, now, TREND_DAYS),
    due: ordersDue(orders, now, TREND_DAYS),
    throughput: throughputPerHour(edited, now),
  };
}

/**
 * The dashboard's order figures at `now` (`todayOrderFigures`), kept live over `todayOrderReads`: the orders that
 * moved this week and those still in the shop, never the shop's history. The figures count to `now` itself.
 */
export function useTodayOrderFigures(now: number) {
  const reads = todayOrderReads(now);
  const { docs: edited } = useLiveQuery<Order>('orders', reads.edited);
  const { docs: inShop } = useLiveQuery<Order>('orders', reads.inShop);
  return useMemo(() => todayOrderFigures(edited, inShop, now), [edited, inShop, now]);
}
