// The dashboard's figures: what a shop took today, what is due and overdue, what it finished per hour and how busy its
// machines are, each with its trend and the period before. Days are the device's local days, so times here are too.
import { describe, expect, it } from 'vitest';
import {
  addDays,
  lastDays,
  lastHours,
  machineUtilisation,
  type Order,
  type OrderHistoryEntry,
  orderCompletedAt,
  ordersDue,
  relativeChange,
  revenueToday,
  startOfDay,
  throughputPerHour,
  utilisationTrend,
} from '../src';

const HOUR = 3_600_000;
/** 2026-03-10 14:30 local time: a Tuesday afternoon. */
const now = new Date(2026, 2, 10, 14, 30).getTime();
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

type RevenueOrder = Pick<Order, 'status' | 'receivedAt' | 'totals'>;
const sold = (receivedAt: number, total: number, status: Order['status'] = 'received'): RevenueOrder => ({
  status,
  receivedAt,
  totals: { subtotal: total, tax: 0, total },
});

const statusEntry = (time: number, from: string | undefined, to: string): OrderHistoryEntry => ({
  id: `h-${time}-${to}`,
  at: time,
  by: 'ana',
  summary: `Status ${from} → ${to}`,
  changes: [{ field: 'status', ...(from ? { from } : {}), to }],
});

describe('periods', () => {
  it('starts a day at local midnight and steps by calendar days', () => {
    expect(startOfDay(now)).toBe(at(10, 0));
    expect(addDays(now, -1)).toBe(at(9, 0));
    expect(addDays(now, 1)).toBe(at(11, 0));
  });

  it('lists the last days oldest first, today last, each midnight to midnight', () => {
    const days = lastDays(now, 3);
    expect(days).toEqual([
      { start: at(8, 0), end: at(9, 0) },
      { start: at(9, 0), end: at(10, 0) },
      { start: at(10, 0), end: at(11, 0) },
    ]);
  });

  it('lists the last hours oldest first, the last one ending now', () => {
    expect(lastHours(now, 2)).toEqual([
      { start: now - 2 * HOUR, end: now - HOUR },
      { start: now - HOUR, end: now },
    ]);
  });
});

describe('relativeChange', () => {
  it('is the change as a fraction of the period before', () => {
    expect(relativeChange(112, 100)).toBeCloseTo(0.12);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(0, 0)).toBe(0);
  });

  it('has no percentage with nothing to compare with', () => {
    expect(relativeChange(10, null)).toBeNull();
    expect(relativeChange(10, 0)).toBeNull();
  });
});

describe('revenueToday', () => {
  it('adds the totals of the orders received today, in integer cents, leaving cancelled ones out', () => {
    const orders = [
      sold(at(10, 8), 1_250),
      sold(at(10, 14, 29), 999),
      sold(at(10, 9), 5_000, 'cancelled'),
      sold(at(9, 23, 59), 700),
      // a viewer's order comes without its totals: it counts as nothing, not as an error
      { status: 'received', receivedAt: at(10, 10) } as RevenueOrder,
    ];
    const revenue = revenueToday(orders, now);
    expect(revenue.value).toBe(2_249);
    expect(Number.isInteger(revenue.value)).toBe(true);
  });

  it('compares with yesterday by the same time of day, and trends over the last seven days', () => {
    const orders = [
      sold(at(10, 9), 3_000),
      sold(at(9, 9), 1_000),
      sold(at(9, 14, 29), 1_000),
      // yesterday after this time of day: not in the comparison, but in yesterday's point of the trend
      sold(at(9, 18), 4_000),
      sold(at(4, 12), 500),
      // eight days ago: out of the trend
      sold(at(2, 12), 9_999),
    ];
    const revenue = revenueToday(orders, now);
    expect(revenue.previous).toBe(2_000);
    expect(revenue.trend).toEqual([500, 0, 0, 0, 0, 6_000, 3_000]);
    expect(relativeChange(revenue.value, revenue.previous)).toBe(0.5);
  });
});

describe('ordersDue', () => {
  it('counts the orders due today, those still to go later today, and those overdue now', () => {
    const orders: Pick<Order, 'status' | 'dueAt'>[] = [
      { status: 'washing', dueAt: at(10, 17) }, // due later today, to go
      { status: 'ready', dueAt: at(10, 18) }, // due today, ready: not to go
      { status: 'received', dueAt: at(10, 11) }, // due this morning, still here: overdue
      { status: 'delivered', dueAt: at(10, 9) }, // due today, delivered
      { status: 'cancelled', dueAt: at(10, 16) }, // cancelled: not due at all
      { status: 'folding', dueAt: at(8, 12) }, // two days late
      { status: 'received', dueAt: at(11, 12) }, // tomorrow
      { status: 'received', dueAt: at(9, 12) }, // yesterday, late too
      { status: 'delivered', dueAt: at(9, 10) }, // yesterday, delivered
    ];
    const due = ordersDue(orders, now);
    expect(due.value).toBe(4);
    expect(due.toGo).toBe(1);
    expect(due.overdue).toBe(3);
    expect(due.previous).toBe(2);
    expect(due.trend).toEqual([0, 0, 0, 0, 1, 2, 4]);
  });
});

describe('orderCompletedAt', () => {
  it('is when the order was marked ready, not when it was delivered later', () => {
    const order = {
      status: 'delivered' as const,
      deliveredAt: at(10, 13),
      history: [statusEntry(at(10, 13), 'ready', 'delivered'), statusEntry(at(10, 12), 'folding', 'ready')],
    };
    expect(orderCompletedAt(order)).toBe(at(10, 12));
  });

  it('forgets an undone "Mark ready" and counts the time it was marked ready again', () => {
    const history = [
      statusEntry(at(10, 11), 'folding', 'ready'),
      statusEntry(at(10, 11, 5), 'ready', 'folding'),
      statusEntry(at(10, 12), 'folding', 'ready'),
    ];
    expect(orderCompletedAt({ status: 'ready', history })).toBe(at(10, 12));
    expect(orderCompletedAt({ status: 'folding', history: history.slice(0, 2) })).toBeUndefined();
  });

  it('falls back on the delivery time for an order with no status history', () => {
    expect(orderCompletedAt({ status: 'delivered', deliveredAt: at(9, 16) })).toBe(at(9, 16));
    expect(orderCompletedAt({ status: 'ready' })).toBeUndefined();
  });
});

describe('throughputPerHour', () => {
  it('counts the orders finished in each of the last hours, the last ending now, against the hour before', () => {
    const ready = (time: number) => ({ status: 'ready' as const, history: [statusEntry(time, 'folding', 'ready')] });
    const orders = [
      ready(now - 10 * 60_000),
      ready(now - 50 * 60_000),
      ready(now - 70 * 60_000),
      ready(now - 7.5 * HOUR),
      ready(now - 9 * HOUR), // before the trend
      { status: 'washing' as const, history: [statusEntry(now - 5 * 60_000, 'received', 'washing')] },
    ];
    const throughput = throughputPerHour(orders, now);
    expect(throughput.value).toBe(2);
    expect(throughput.previous).toBe(1);
    expect(throughput.trend).toEqual([1, 0, 0, 0, 0, 0, 1, 2]);
  });
});

describe('machine utilisation', () => {
  it('is the share of machines running, none for a shop without machines', () => {
    const states = ['running', 'running', 'idle', 'error'] as const;
    expect(machineUtilisation(states.map((state) => ({ state })))).toBe(0.5);
    expect(machineUtilisation([])).toBeNull();
  });

  it('trends by the hourly mean of what was seen, and compares with the hour before the last', () => {
    const samples = [
      { at: now - 3.5 * HOUR, share: 0.2 },
      { at: now - 1.75 * HOUR, share: 0.4 },
      { at: now - 1.25 * HOUR, share: 0.6 },
      { at: now - 0.5 * HOUR, share: 0.9 },
    ];
    const utilisation = utilisationTrend(0.75, samples, now);
    expect(utilisation.value).toBe(0.75);
    expect(utilisation.previous).toBeCloseTo(0.5);
    expect(utilisation.trend.map((share) => Math.round(share * 100))).toEqual([20, 50, 75]);
  });

  it('has nothing to compare with before a device has watched for an hour', () => {
    const utilisation = utilisationTrend(0.5, [{ at: now - 60_000, share: 0.5 }], now);
    expect(utilisation.previous).toBeNull();
    expect(utilisation.trend).toEqual([0.5]);
  });
});
