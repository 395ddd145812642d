// Formatting shared by the pages: money, statuses, relative times.
import type { OrderPriority, OrderStatus } from '@syncline/domain';
import { describeFieldValue } from '@syncline/ui/sync';

const money = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });

export const formatCents = (cents: number) => money.format(cents / 100);

export const statusLabel: Record<OrderStatus, string> = {
  received: 'Received',
  washing: 'Washing',
  drying: 'Drying',
  folding: 'Folding',
  ready: 'Ready',
  cancelled: 'Cancelled',
  delivered: 'Delivered',
};

export const priorityLabel: Record<OrderPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const formatPriority = (value: unknown) => priorityLabel[value as OrderPriority] ?? describeFieldValue(value);

/** A value a merge rule settled, in the app's words: priorities and statuses by their labels. */
export const formatSettled = (value: unknown, { field }: { field: string }) =>
  field === 'priority'
    ? formatPriority(value)
    : field === 'status'
      ? (statusLabel[value as OrderStatus] ?? describeFieldValue(value))
      : describeFieldValue(value);

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export const formatDateTime = (ms: number | undefined) => (ms ? dateTime.format(ms) : '—');
