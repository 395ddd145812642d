// The figures that say how today is going: revenue, orders due and overdue, throughput and machine utilisation, each
// with a short trend and the figure of the period before to compare with. Pure: the clock is an argument, and a day is
// this device's local day (the shop's, on the shop's own screens).

import type { Machine } from './machines';
import { isOrderOverdue, type Order, type OrderStatus } from './orders';

const HOUR = 3_600_000;

/** A stretch of time, from `start` (included) to `end` (excluded), in epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

/** A figure now, the same figure for the period before (null when there is none to compare with), and its trend. */
export interface Figure {
  value: number;
  previous: number | null;
  /** oldest first, ending with the period `value` is for */
  trend: number[];
}

/** Local midnight of the day holding `ms`. */
export function startOfDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** Local midnight `days` days after (before, when negative) the day holding `ms`: a calendar day, 23 or 25 hours long on the days the clocks change. */
export function addDays(ms: number, days: number): number {
  const day = new Date(startOfDay(ms));
  day.setDate(day.getDate() + days);
  return day.getTime();
}

/** The last `count` local days, oldest first, today last; each from its midnight to the next. */
export function lastDays(now: number, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => {
    const back = count - 1 - i;
    return { start: addDays(now, -back), end: addDays(now, 1 - back) };
  });
}

/** The last `count` hours, oldest first: each an hour long, the last one ending now. */
export function lastHours(now: number, count: number): Period[] {
  return Array.from({ length: count }, (_, i) => {
    const end = now - (count - 1 - i) * HOUR;
    return { start: end - HOUR, end };
  });
}

/** The statuses an order is finished in: the shop's work on it is done. */
const finished: ReadonlySet<OrderStatus> = new Set(['ready', 'delivered']);

const within = (at: number | undefined, { start, end }: Period) => at !== undefined && at >= start && at < end;

/**
 * The change from `previous` to `value` as a fraction (0.12 is up 12 %), or null when there is nothing to compare
 * with: no previous figure, or a previous of zero (any rise on nothing is no percentage).
 */
export function relativeChange(value: number, previous: number | null): number | null {
  if (previous === null) return null;
  if (previous === 0) return value === 0 ? 0 : null;
  return (value - previous) / previous;
}

type RevenueOrder = Pick<Order, 'status' | 'receivedAt' | 'totals'>;

/** The money taken in a period, in integer cents: the totals of the orders received in it, cancelled ones left out. */
export function revenueIn(orders: readonly RevenueOrder[], period: Period): number {
  let cents = 0;
  for (const order of orders) {
    if (order.status !== 'cancelled' && within(order.receivedAt, period)) cents += order.totals?.total ?? 0;
  }
  return cents;
}

/**
 * Today's revenue in integer cents, the last `days` days of it (today so far last), compared with yesterday by the
 * same time of day, so a morning is not measured against a whole day.
 */
export function revenueToday(orders: readonly RevenueOrder[], now: number, days = 7): Figure {
  const periods = lastDays(now, days);
  const trend = periods.map((period) => revenueIn(orders, period));
  const yesterday = addDays(now, -1);
  const previous = revenueIn(orders, {
    start: yesterday,
    end: Math.min(yesterday + (now - startOfDay(now)), startOfDay(now)),
  });
  return { value: trend.at(-1) ?? 0, previous, trend };
}

export interface DueFigure extends Figure {
  /** due later today and not yet ready */
  toGo: number;
  /** past their due time and still in the shop, whatever day they were due */
  overdue: number;
}

type DueOrder = Pick<Order, 'status' | 'dueAt'>;

/**
 * Orders due today (all of them, done or not, cancelled ones left out) with the last `days` days of the same count,
 * compared with yesterday; how many of today's are still to go, and how many orders are overdue now.
 */
export function ordersDue(orders: readonly DueOrder[], now: number, days = 7): DueFigure {
  const periods = lastDays(now, days);
  const trend = periods.map(
    (period) => orders.filter((order) => order.status !== 'cancelled' && within(order.dueAt, period)).length,
  );
  const rest: Period = { start: now, end: (periods.at(-1) as Period).end };
  const toGo = orders.filter(
    (order) => order.status !== 'cancelled' && !finished.has(order.status) && within(order.dueAt, rest),
  ).length;
  const overdue = orders.filter((order) => isOrderOverdue(order, now)).length;
  return { value: trend.at(-1) ?? 0, previous: trend.at(-2) ?? null, trend, toGo, overdue };
}

/**
 * When the shop finished an order: the last time its history moved it from work into ready (or straight to
 * delivered), else its delivery time; undefined while it is not finished (an undone "Mark ready" unfinishes it).
 */
export function orderCompletedAt(order: Pick<Order, 'status' | 'history' | 'deliveredAt'>): number | undefined {
  if (!finished.has(order.status)) return undefined;
  let completedAt: number | undefined;
  const entries = [...(order.history ?? [])].sort((a, b) => a.at - b.at);
  for (const entry of entries) {
    for (const change of entry.changes) {
      if (change.field !== 'status') continue;
      const to = change.to as OrderStatus;
      if (!finished.has(to)) completedAt = undefined;
      else if (change.from === undefined || !finished.has(change.from as OrderStatus)) completedAt = entry.at;
    }
  }
  return completedAt ?? order.deliveredAt;
}

/** Orders finished per hour over the last `hours` hours (the last one ending now), compared with the hour before. */
export function throughputPerHour(
  orders: readonly Pick<Order, 'status' | 'history' | 'deliveredAt'>[],
  now: number,
  hours = 8,
): Figure {
  const periods = lastHours(now, hours);
  const trend = periods.map(() => 0);
  for (const order of orders) {
    const at = orderCompletedAt(order);
    const index = periods.findIndex((period) => within(at, period));
    if (index >= 0) trend[index] = (trend[index] ?? 0) + 1;
  }
  return { value: trend.at(-1) ?? 0, previous: trend.at(-2) ?? null, trend };
}

/** The share of machines running (0..1), or null for a shop with no machines. */
export function machineUtilisation(machines: readonly Pick<Machine, 'state'>[]): number | null {
  if (machines.length === 0) return null;
  return machines.filter((machine) => machine.state === 'running').length / machines.length;
}

/** A utilisation seen at a moment. */
export interface UtilisationSample {
  at: number;
  share: number;
}

/**
 * Utilisation now, with its trend from the samples seen over the last `hours` hours (the mean of each hour that has
 * any, oldest first, then now) and the mean of the hour before the last one to compare with (null when none was
 * seen). Machines report their state, not its history, so the samples are what a device watched go by.
 */
export function utilisationTrend(share: number, samples: readonly UtilisationSample[], now: number, hours = 8): Figure {
  const means = lastHours(now, hours).map((period) => {
    const seen = samples.filter((sample) => within(sample.at, period));
    return seen.length === 0 ? null : seen.reduce((sum, sample) => sum + sample.share, 0) / seen.length;
  });
  const previous = means.at(-2) ?? null;
  const trend = means.slice(0, -1).filter((mean): mean is number => mean !== null);
  return { value: share, previous, trend: [...trend, share] };
}
