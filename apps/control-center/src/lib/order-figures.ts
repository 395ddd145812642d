// What the dashboard and the Reports page read of the orders: the days they show and the orders still in the shop, by
// index, and counts from an index for the rest, never the shop's whole history, so they open about as fast with
// 100,000 orders as with 10,000. The figures are the
// domain's (@syncline/domain's figures and reports), computed over these reads.
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

/** How far back the dashboard reads the orders that have left the shop: one delivered or cancelled (due, finished) within the last hours was received within these days. */
const LEFT_THE_SHOP_DAYS = 14;

/** Orders received over the last `days` local days, today so far last, by the day they came in (an index). */
export function useOrdersReceived(now: number, days: number): Order[] {
  const since = (lastDays(now, days)[0] as { start: number }).start;
  return useLiveQuery<Order>('orders', { selector: { receivedAt: { $gte: since } }, sort: [{ receivedAt: 'asc' }] })
    .docs;
}

/**
 * The dashboard's order figures at `now`: today's revenue, orders due (and overdue) and orders finished per hour,
 * each with its trend. Read: the orders still in the shop (by the status index) and those received over the last
 * two weeks (by the day they came in), never the shop's history; so an order delivered or cancelled today that came
 * in more than two weeks ago is not in today's due or finished count. The reads start at a day's start, so they
 * change with the day, not with every render; the figures count to `now` itself.
 */
export function useTodayOrderFigures(now: number) {
  const recent = useOrdersReceived(now, LEFT_THE_SHOP_DAYS);
  const { docs: inShop } = useLiveQuery<Order>('orders', { selector: { status: { $in: inTheShop } } });
  return useMemo(() => {
    const orders = [...new Map([...recent, ...inShop].map((order) => [order.id, order])).values()];
    return {
      revenue: revenueToday(recent, now),
      due: ordersDue(orders, now),
      throughput: throughputPerHour(orders, now),
    };
  }, [recent, inShop, now]);
}
