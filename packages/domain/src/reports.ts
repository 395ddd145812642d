// What a shop took and handled over a stretch of days, for the Reports page: orders and revenue per day (days with
// nothing included as zero) and orders by status. Pure: the clock is an argument, and a day is this device's local
// day, as on the dashboard (./figures.ts).

import { lastDays, type Period } from './figures';
import { type Order, type OrderStatus, orderStatusFlow } from './orders';

/** The periods a report covers, in days; the first is the one shown when none is asked for. */
export const reportPeriods = [7, 30, 90] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/** The report period a `?days=` value asks for, or the first one when it asks for none the page offers. */
export function reportPeriodOf(value: string | null | undefined): ReportPeriod {
  return reportPeriods.find((days) => String(days) === value) ?? reportPeriods[0];
}

/** One local day of a report: the orders received in it and their revenue in integer cents (cancelled ones left out). */
export interface ReportDay extends Period {
  orders: number;
  revenue: number;
}

type ReportOrder = Pick<Order, 'status' | 'receivedAt' | 'totals'>;

/** Index of the day holding `at` among days in order, or -1 when none does. */
function dayIndex(days: readonly Period[], at: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const day = days[middle] as Period;
    if (at < day.start) high = middle - 1;
    else if (at >= day.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/**
 * The last `days` local days, oldest first and today (so far) last, each with the orders received in it and their
 * revenue; one pass over the orders, so a 90-day report over many orders stays cheap.
 */
export function dailyReport(orders: readonly ReportOrder[], now: number, days: number): ReportDay[] {
  const report = lastDays(now, days).map((period) => ({ ...period, orders: 0, revenue: 0 }));
  for (const order of orders) {
    const day = report[dayIndex(report, order.receivedAt)];
    if (!day) continue;
    day.orders += 1;
    if (order.status !== 'cancelled') day.revenue += order.totals?.total ?? 0;
  }
  return report;
}

/** A report's totals: its orders and its revenue in integer cents. */
export function reportTotals(days: readonly ReportDay[]): { orders: number; revenue: number } {
  return days.reduce((sum, day) => ({ orders: sum.orders + day.orders, revenue: sum.revenue + day.revenue }), {
    orders: 0,
    revenue: 0,
  });
}

/** How many of the orders received in `period` are in each status now, every status listed (zero when none are). */
export function ordersByStatus(
  orders: readonly Pick<Order, 'status' | 'receivedAt'>[],
  { start, end }: Period,
): Record<OrderStatus, number> {
  const counts = Object.fromEntries(orderStatusFlow.map((status) => [status, 0])) as Record<OrderStatus, number>;
  for (const order of orders) {
    if (order.receivedAt >= start && order.receivedAt < end) counts[order.status] += 1;
  }
  return counts;
}
