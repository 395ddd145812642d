// The Reports page's figures: orders and revenue per local day over the last 7, 30 or 90 days, days with nothing
// as zero and cancelled orders out of the revenue, and orders by status. Times here are local, as the days are.
import { describe, expect, it } from 'vitest';
import { addDays, dailyReport, type Order, ordersByStatus, reportPeriodOf, reportTotals, startOfDay } from '../src';

/** 2026-03-10 14:30 local time: a Tuesday afternoon. */
const now = new Date(2026, 2, 10, 14, 30).getTime();
const at = (month: number, day: number, hour: number) => new Date(2026, month, day, hour).getTime();

type ReportOrder = Pick<Order, 'status' | 'receivedAt' | 'totals'>;
const sold = (receivedAt: number, total: number, status: Order['status'] = 'received'): ReportOrder => ({
  status,
  receivedAt,
  totals: { subtotal: total, tax: 0, total },
});

describe('dailyReport', () => {
  it('lists every day of the period oldest first, today last, with the days that had nothing as zero', () => {
    const days = dailyReport([sold(at(2, 10, 9), 1_500)], now, 7);
    expect(days).toHaveLength(7);
    expect(days[0]?.start).toBe(addDays(now, -6));
    expect(days.at(-1)).toEqual({ start: startOfDay(now), end: addDays(now, 1), orders: 1, revenue: 1_500 });
    expect(days.slice(0, -1).every((day) => day.orders === 0 && day.revenue === 0)).toBe(true);
  });

  it('counts a cancelled order as an order but not its money', () => {
    const days = dailyReport([sold(at(2, 9, 10), 2_000), sold(at(2, 9, 18), 900, 'cancelled')], now, 7);
    expect(days.at(-2)).toMatchObject({ orders: 2, revenue: 2_000 });
  });

  it('puts an order on its local day, midnight starting the next one', () => {
    const days = dailyReport([sold(at(2, 8, 23), 100), sold(startOfDay(at(2, 9, 12)), 200)], now, 7);
    expect(days.map((day) => day.revenue).slice(-3)).toEqual([100, 200, 0]);
  });

  it('leaves out orders before the period and after now’s day, and counts an order without totals as no money', () => {
    const old = sold(at(1, 1, 12), 5_000);
    const tomorrow = sold(addDays(now, 1) + 60_000, 5_000);
    const noTotals: ReportOrder = { status: 'received', receivedAt: at(2, 10, 8) };
    const days = dailyReport([old, tomorrow, noTotals], now, 30);
    expect(reportTotals(days)).toEqual({ orders: 1, revenue: 0 });
  });

  it('covers 90 days across a change of the clocks with one day per date', () => {
    const days = dailyReport([], at(4, 1, 12), 90);
    expect(days).toHaveLength(90);
    for (const [i, day] of days.entries()) {
      expect(new Date(day.start).getHours()).toBe(0);
      if (i > 0) expect(day.start).toBe(days[i - 1]?.end);
    }
  });
});

describe('reportTotals', () => {
  it('adds up the orders and the revenue of the days', () => {
    const days = dailyReport([sold(at(2, 4, 9), 1_000), sold(at(2, 10, 9), 250), sold(at(2, 1, 9), 99)], now, 7);
    expect(reportTotals(days)).toEqual({ orders: 2, revenue: 1_250 });
  });
});

describe('ordersByStatus', () => {
  it('counts the period’s orders by their status now, every status listed', () => {
    const period = { start: addDays(now, -6), end: addDays(now, 1) };
    const counts = ordersByStatus(
      [
        sold(at(2, 10, 9), 1, 'washing'),
        sold(at(2, 9, 9), 1, 'washing'),
        sold(at(2, 8, 9), 1, 'cancelled'),
        sold(at(1, 1, 9), 1),
      ],
      period,
    );
    expect(counts).toEqual({ received: 0, washing: 2, drying: 0, folding: 0, ready: 0, cancelled: 1, delivered: 0 });
  });
});

describe('reportPeriodOf', () => {
  it('reads the periods the page offers and falls back to the first for anything else', () => {
    expect(reportPeriodOf('30')).toBe(30);
    expect(reportPeriodOf('90')).toBe(90);
    expect(reportPeriodOf('7')).toBe(7);
    expect(reportPeriodOf('12')).toBe(7);
    expect(reportPeriodOf(null)).toBe(7);
  });
});
