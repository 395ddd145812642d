// The Reports page's words for its days and its CSV of them: one row per local day, the money only for a role that
// may read it. The figures themselves are the domain's (@syncline/domain's reports).
import type { ReportDay } from '@syncline/domain';
import { csvEuros, csvText } from './orders-csv';

/** A local day as a spreadsheet reads a date: "2026-12-08", the device's own day (not UTC's). */
export function localIsoDate(ms: number): string {
  const day = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
}

/** The report's days as CSV, oldest first: date, orders and, for a role that may read it, the revenue in euros. */
export function reportCsv(days: readonly ReportDay[], { withRevenue }: { withRevenue: boolean }): string {
  const header = ['Date', 'Orders', ...(withRevenue ? ['Revenue (EUR)'] : [])];
  const rows = days.map((day) => [
    localIsoDate(day.start),
    day.orders,
    ...(withRevenue ? [csvEuros(day.revenue)] : []),
  ]);
  return csvText([header, ...rows]);
}
