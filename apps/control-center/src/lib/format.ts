// Formatting shared by the pages: money, statuses, relative times.
import { type OrderPriority, type OrderStatus, orderPriorityLabel, orderStatusLabel } from '@syncline/domain';
import { describeFieldValue } from '@syncline/ui/sync';

const money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

export const formatCents = (cents: number) => money.format(cents / 100);

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

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (ms: number | undefined) => (ms ? dateTime.format(ms) : '—');

const dueTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});
/** When an order is due, short enough for a table cell: "3 Dec, 14:00". */
export const formatDue = (ms: number) => dueTime.format(ms);
