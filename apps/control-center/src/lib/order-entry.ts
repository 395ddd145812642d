// The new-order form's lines and due time as typed, checked before anything is written: each line a service from the
// catalogue and a whole quantity, with what is wrong beside the field it concerns; the order's items (built by the
// domain's newOrderLine, the one place a line is made) and its totals; and the due time it starts with and the check
// of the one the person chose.
import { newOrderLine, type OrderItem, type OrderTotals, orderTotals, type Service } from '@syncline/domain';

/** One line as the form holds it: the service chosen ('' for none yet) and the quantity as typed. */
export interface LineDraft {
  /** tells the lines apart while they are added and removed (React's key, the row's name); not stored */
  key: number;
  serviceId: string;
  quantity: string;
}

export type LineErrors = Partial<Record<'service' | 'quantity', string>>;

/** The most of one service a line takes. */
export const maxQuantity = 999;

let lastKey = 0;

/** A new line: one of `serviceId`, or of the service the person is still to choose. */
export function newLineDraft(serviceId = ''): LineDraft {
  lastKey += 1;
  return { key: lastKey, serviceId, quantity: '1' };
}

const quantityOf = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : Number.NaN);

/** What is wrong with a line, nothing when it can be ordered. */
export function checkLine(line: LineDraft, services: readonly Pick<Service, 'id'>[]): LineErrors {
  const errors: LineErrors = {};
  if (!services.some((service) => service.id === line.serviceId)) errors.service = 'Choose a service for this line.';
  const quantity = quantityOf(line.quantity);
  if (!(quantity >= 1 && quantity <= maxQuantity)) errors.quantity = `Enter a whole number from 1 to ${maxQuantity}.`;
  return errors;
}

/** A line's item when it is complete: the service at its price and tax rate now, in the quantity typed. */
export function lineItem(line: LineDraft, services: readonly Service[]): OrderItem | undefined {
  const service = services.find((entry) => entry.id === line.serviceId);
  const quantity = quantityOf(line.quantity);
  return service && quantity >= 1 && quantity <= maxQuantity ? newOrderLine(service, quantity) : undefined;
}

export interface CheckedLines {
  /** the order's items, one per complete line, in the lines' order */
  items: OrderItem[];
  /** each line's problems, by the line's key; empty when every line can be ordered */
  errors: Map<number, LineErrors>;
}

/** The lines checked: the items to store and, when any line is incomplete, what is wrong with each. */
export function checkLines(lines: readonly LineDraft[], services: readonly Service[]): CheckedLines {
  const errors = new Map<number, LineErrors>();
  const items: OrderItem[] = [];
  for (const line of lines) {
    const found = checkLine(line, services);
    if (Object.keys(found).length > 0) errors.set(line.key, found);
    const item = lineItem(line, services);
    if (item) items.push(item);
  }
  return { items, errors };
}

/** The totals shown while the order is typed: each complete line's amount (undefined for an incomplete one), and the order's. */
export function draftTotals(
  lines: readonly LineDraft[],
  services: readonly Service[],
): { lines: (number | undefined)[] } & Omit<OrderTotals, 'lines'> {
  const items = lines.map((line) => lineItem(line, services));
  const { subtotal, tax, total } = orderTotals(items.filter((item) => item !== undefined));
  return { lines: items.map((item) => (item ? item.quantity * item.unitPrice : undefined)), subtotal, tax, total };
}

const hour = 60 * 60 * 1000;

/** The due time a new order starts with: two days from now, on the next whole hour. */
export function defaultDueAt(now: number): number {
  return Math.ceil((now + 48 * hour) / hour) * hour;
}

/** The due time the date picker holds, or what is wrong with it: none (or not a day and time), or already past. */
export function checkDue(due: Date | undefined, now: number): { dueAt: number } | { error: string } {
  if (!due || Number.isNaN(due.getTime())) return { error: 'Enter the day and time the order is due.' };
  if (due.getTime() <= now) return { error: 'Choose a time still to come: the order would be overdue at once.' };
  return { dueAt: due.getTime() };
}

/**
 * What the order's lines say when the device has no service to offer: the catalogue may still be on its way (the
 * first sync has not finished; `progress` as the sync status has it), or none is on offer.
 */
export function noServicesMessage(progress: { collections: number; synced: number } | null): string {
  if (progress && progress.synced < progress.collections)
    return 'The service catalogue has not reached this device yet: it comes with the first sync, when the server can be reached.';
  return 'No service is on offer yet: a manager adds them on the Services page.';
}
