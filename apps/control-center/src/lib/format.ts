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

/** A value a merge rule settled, in the app's words: priorities and statuses by their labels. */
export const formatSettled = (value: unknown, { field }: { field: string }) =>
  field === 'priority'
    ? formatPriority(value)
    : field === 'status'
      ? (orderStatusLabel[value as OrderStatus] ?? describeFieldValue(value))
      : describeFieldValue(value);

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
