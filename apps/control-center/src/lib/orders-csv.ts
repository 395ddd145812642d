// The orders page's current view as a CSV file (RFC 4180): every order its filter and search match, in its sort,
// read from the database query by query (the page itself holds only the rows in view).
import { type Order, orderPriorityLabel, orderStatusLabel } from '@syncline/domain';
import type { ControlCenterDatabase } from '../runtime/database';
import { type OrderSearch, orderQueries } from './order-search';

/**
 * One field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, quotes doubled. Text a
 * spreadsheet would run as a formula (starting with =, +, -, @, tab or return) gets a leading apostrophe.
 */
export function csvField(value: string | number | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows of fields as CSV text: CRLF after every record, as the RFC has it. */
export const csvText = (rows: readonly (readonly (string | number | undefined)[])[]) =>
  rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');

/** Integer cents as a spreadsheet reads euros: "12.50". */
export const csvEuros = (cents: number) => (cents / 100).toFixed(2);

const isoTime = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

/** The export's header and one row per order; the money only for a role that may read it. */
export function ordersCsv(orders: readonly Order[], { withTotals }: { withTotals: boolean }): string {
  const header = [
    'Number',
    'Customer',
    'Status',
    'Priority',
    'Received',
    'Due',
    ...(withTotals ? ['Total (EUR)'] : []),
  ];
  const rows = orders.map((order) => [
    order.number,
    order.customerName,
    orderStatusLabel[order.status],
    orderPriorityLabel[order.priority],
    isoTime(order.receivedAt),
    isoTime(order.dueAt),
    ...(withTotals ? [order.totals ? csvEuros(order.totals.total) : undefined] : []),
  ]);
  return csvText([header, ...rows]);
}

/** Every order the view matches, in its order: its queries one after the other, as the table shows them. */
export async function ordersInView(database: ControlCenterDatabase, view: OrderSearch): Promise<Order[]> {
  const matches: Order[] = [];
  for (const query of orderQueries(view)) {
    const docs = await database.orders.find({ selector: query.selector, sort: query.sort }).exec();
    for (const doc of docs) matches.push(doc.toJSON() as Order);
  }
  return matches;
}

/** Saves text as a file the browser downloads. */
export function download(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the link by now; the object URL is no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
