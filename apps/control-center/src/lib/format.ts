// Formatting shared by the pages: money, statuses, relative times. Money and dates follow the format chosen in
// Settings (./preferences.ts); the shop's currency stays the euro whatever the format.
import { type OrderPriority, type OrderStatus, orderPriorityLabel, orderStatusLabel } from '@syncline/domain';
import { describeFieldValue } from '@syncline/ui/sync';
import { currentLocale } from './preferences';

/** One formatter per locale and purpose, made when first asked for: Intl formatters are slow to build. */
function formatterOf<F>(make: (locale: string) => F): () => F {
  const made = new Map<string, F>();
  return () => {
    const locale = currentLocale();
    let formatter = made.get(locale);
    if (!formatter) {
      formatter = make(locale);
      made.set(locale, formatter);
    }
    return formatter;
  };
}

const money = formatterOf((locale) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }));

export const formatCents = (cents: number) => money().format(cents / 100);

/** A count and its noun, in the plural unless it is one: "1 order", "1,200 orders". */
export const plural = (count: number, noun: string) => `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;

/** A share as a whole percentage, as the dashboard shows it: "75 %". */
export const formatShare = (share: number) => `${Math.round(share * 100)} %`;

export const formatPriority = (value: unknown) =>
  orderPriorityLabel[value as OrderPriority] ?? describeFieldValue(value);

/**
 * A stored value in the app's words, given its field (a value a merge rule settled, a change in a history): priorities
 * and statuses by their labels, times as dates, an order's lines by name and quantity, its totals as money, photos
 * counted; anything else as `describeFieldValue` reads it.
 */
export function formatSettled(value: unknown, { field }: { field: string }): string {
  if (value === undefined || value === null) return describeFieldValue(value);
  if (field === 'priority') return formatPriority(value);
  if (field === 'status') return orderStatusLabel[value as OrderStatus] ?? describeFieldValue(value);
  if (field.endsWith('At') && typeof value === 'number') return formatDateTime(value);
  if (field === 'totals' && typeof (value as { total?: unknown }).total === 'number') {
    return `${formatCents((value as { total: number }).total)} incl. tax`;
  }
  if (field === 'items' && Array.isArray(value)) {
    const lines = value as { name?: unknown; quantity?: unknown }[];
    return lines.length === 0 ? 'no lines' : lines.map((line) => `${line.name} × ${line.quantity}`).join(', ');
  }
  if (field === 'attachments' && Array.isArray(value))
    return value.length === 0 ? 'no photos' : plural(value.length, 'photo');
  return describeFieldValue(value);
}

// The shop default (en-IE) writes dates as British English does, as the app always has.
const dateLocale = (locale: string) => (locale === 'en-IE' ? 'en-GB' : locale);

const dateTime = formatterOf(
  (locale) => new Intl.DateTimeFormat(dateLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }),
);
export const formatDateTime = (ms: number | undefined) => (ms ? dateTime().format(ms) : '—');

const dueTime = formatterOf(
  (locale) =>
    new Intl.DateTimeFormat(dateLocale(locale), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }),
);
const dayLabel = formatterOf(
  (locale) => new Intl.DateTimeFormat(dateLocale(locale), { weekday: 'short', day: 'numeric', month: 'short' }),
);
/** A day on its own, as charts and per-day tables name it: "Tue 8 Dec". */
export const formatDay = (ms: number) => dayLabel().format(ms);

/** When an order is due, short enough for a table cell: "3 Dec, 14:00". */
export const formatDue = (ms: number) => dueTime().format(ms);
