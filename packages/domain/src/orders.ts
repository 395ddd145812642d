// Laundry orders: what a customer handed in, where it is in the shop's flow, and what it costs.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import {
  type ExtractDocumentTypeFromTypedRxJsonSchema,
  type MigrationStrategies,
  type RxJsonSchema,
  toTypedRxJsonSchema,
} from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { photoFiles, photosProperty, withFiles } from './photos';
import { managers, staff, withPermissions } from './roles';

/** The order flow, in order. `cancelled` sits before `delivered`: a delivered order can no longer be cancelled. */
export const orderStatusFlow = ['received', 'washing', 'drying', 'folding', 'ready', 'cancelled', 'delivered'] as const;
export type OrderStatus = (typeof orderStatusFlow)[number];

/**
 * The status an order moves to when a person advances it, or undefined once it is final. Cancelling leaves the flow
 * rather than moving along it, so `ready` advances to `delivered`; `cancelled` and `delivered` are final.
 */
export function nextOrderStatus(status: OrderStatus): OrderStatus | undefined {
  if (status === 'cancelled') return undefined;
  return orderStatusFlow.slice(orderStatusFlow.indexOf(status) + 1).find((next) => next !== 'cancelled');
}

export const orderPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type OrderPriority = (typeof orderPriorities)[number];

/** Each status in words: the one place a page, a dropdown, a toast or an export takes them from. */
export const orderStatusLabel: Record<OrderStatus, string> = {
  received: 'Received',
  washing: 'Washing',
  drying: 'Drying',
  folding: 'Folding',
  ready: 'Ready',
  cancelled: 'Cancelled',
  delivered: 'Delivered',
};

/** Each priority in words, as every dropdown, table and export shows it. */
export const orderPriorityLabel: Record<OrderPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/** The button that moves an order to a status, named after the work it starts ("Start washing", "Deliver"). */
const nextStepLabel: Record<OrderStatus, string> = {
  received: 'Receive',
  washing: 'Start washing',
  drying: 'Start drying',
  folding: 'Start folding',
  ready: 'Mark ready',
  cancelled: 'Cancel',
  delivered: 'Deliver',
};

/** An order's next step, as its button says it, or undefined once the order is delivered or cancelled. */
export function orderNextStep(status: OrderStatus): { to: OrderStatus; label: string } | undefined {
  const to = nextOrderStatus(status);
  return to ? { to, label: nextStepLabel[to] } : undefined;
}

/** Overdue: past its due time and still in the shop (neither delivered nor cancelled). */
export function isOrderOverdue(order: Pick<Order, 'status' | 'dueAt'>, now: number): boolean {
  return order.dueAt !== undefined && order.dueAt < now && nextOrderStatus(order.status) !== undefined;
}

/** The tax rate a line carries when it names none: the shop's standard rate. */
export const standardTaxRate = 0.23;

/** What totals need of a line: how many, at what unit price (integer cents), and its tax rate (0.23 is 23 %). */
export interface TotalsLine {
  quantity: number;
  unitPrice: number;
  taxRate?: number;
}

export interface OrderTotals {
  /** each line's quantity × unit price, in the lines' order */
  lines: number[];
  subtotal: number;
  tax: number;
  total: number;
}

/**
 * An order's totals from its lines, in integer cents: the one place they are computed (a new order, an edited line, a
 * merge of two devices' lines). Tax is taken per rate on the sum of that rate's lines and rounded once per rate, so
 * lines at one rate add up the way a till does.
 */
export function orderTotals(lines: readonly TotalsLine[]): OrderTotals {
  const lineTotals = lines.map((line) => line.quantity * line.unitPrice);
  const byRate = new Map<number, number>();
  lines.forEach((line, i) => {
    const rate = line.taxRate ?? standardTaxRate;
    byRate.set(rate, (byRate.get(rate) ?? 0) + (lineTotals[i] ?? 0));
  });
  const subtotal = lineTotals.reduce((sum, cents) => sum + cents, 0);
  let tax = 0;
  for (const [rate, cents] of byRate) tax += Math.round(cents * rate);
  return { lines: lineTotals, subtotal, tax, total: subtotal + tax };
}

/** An order's stored totals from its lines: `orderTotals` without the per-line amounts. */
export function storedTotals(lines: readonly TotalsLine[]): Omit<OrderTotals, 'lines'> {
  const { subtotal, tax, total } = orderTotals(lines);
  return { subtotal, tax, total };
}

const centsField = { type: 'integer', minimum: 0 } as const;

/**
 * The id of the line at `index` of an order stored before lines had ids (schema v3 and earlier): from the order and
 * the line's place, so every device migrating the same order, and a merge meeting the server's old copy, agree.
 */
export function orderLineId(orderId: string, index: number): string {
  return `${orderId}-line-${index + 1}`;
}

/** The lines of order `orderId`, each with an id: a line without one gets `orderLineId`. */
export function withLineIds<L extends object>(orderId: string, lines: readonly L[]): (L & { id: string })[] {
  return lines.map(
    (line, index) =>
      ('id' in line ? line : { ...line, id: orderLineId(orderId, index) }) as L & {
        id: string;
      },
  );
}

/** What a line is taken from: a service of the catalogue as it is now. */
export interface LineSource {
  sku: string;
  name: string;
  unitPrice: number;
  taxRate?: number;
}

/**
 * A new order line for `quantity` of a service, at the service's price and tax rate as they are now (a later change
 * to the catalogue leaves the line as it was taken), with an id of its own: two devices adding lines to one order
 * offline both keep theirs. `id` is for generated data that must come out the same every run.
 */
export function newOrderLine(
  service: LineSource,
  quantity: number,
  id = `line-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
): OrderItem & { id: string } {
  const { sku, name, unitPrice, taxRate } = service;
  const line: OrderItem & { id: string } = { id, sku, name, unitPrice, quantity };
  if (taxRate !== undefined) line.taxRate = taxRate;
  return line;
}

const orderSchemaLiteral = {
  title: 'orders',
  description: 'A customer order moving through the shop',
  version: 6,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    number: { title: 'Order number', type: 'integer', minimum: 1, maximum: 999_999_999, multipleOf: 1 },
    customerId: { ...idField, title: 'Customer id' },
    // as long as a customer's name may be (an indexed string needs a length)
    customerName: { title: 'Customer', type: 'string', maxLength: 200 },
    status: { title: 'Status', type: 'string', enum: [...orderStatusFlow], maxLength: 20 },
    priority: { title: 'Priority', type: 'string', enum: [...orderPriorities] },
    items: {
      title: 'Items',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          /**
           * the line's own id, which merges match lines by; every new line has one (newOrderLine), but a line stored
           * on the server before version 4 has none until its order is next written, so it cannot be required
           */
          id: { title: 'Line id', type: 'string', maxLength: 100 },
          sku: { title: 'SKU', type: 'string' },
          name: { title: 'Item', type: 'string' },
          quantity: { title: 'Quantity', type: 'integer', minimum: 1 },
          unitPrice: { ...centsField, title: 'Unit price' },
          /** the service's rate when the line was taken (0.23 is 23 %); absent: the standard rate */
          taxRate: { title: 'Tax rate', type: 'number', minimum: 0, maximum: 1 },
        },
        required: ['sku', 'name', 'quantity', 'unitPrice'],
      },
    },
    totals: {
      title: 'Totals',
      type: 'object',
      properties: {
        subtotal: { ...centsField, title: 'Subtotal' },
        tax: { ...centsField, title: 'Tax' },
        total: { ...centsField, title: 'Total' },
      },
      required: ['subtotal', 'tax', 'total'],
    },
    notes: { title: 'Notes', type: 'string' },
    tags: { title: 'Tags', type: 'array', items: { type: 'string' } },
    assignedMachineId: { title: 'Machine', type: 'string' },
    /** times a label was printed for the bags: a counter */
    labelPrints: { title: 'Label prints', type: 'integer', minimum: 0 },
    /** the order's change history, newest last: who changed what and when (merged as a set by entry id) */
    history: {
      title: 'History',
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          /** client clock of the change */
          at: timestampField,
          /** the operator (token subject) who made it */
          by: { type: 'string' },
          /** a sentence: "Status received → washing" */
          summary: { type: 'string' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
              required: ['field', 'to'],
            },
          },
        },
        required: ['id', 'at', 'by', 'summary', 'changes'],
      },
    },
    /** photos of the garments (a stain, a tear): their names and sizes sync here, their bytes over the file routes */
    attachments: photosProperty,
    receivedAt: { ...timestampField, title: 'Received' },
    dueAt: { ...timestampField, title: 'Due' },
    deliveredAt: { ...timestampField, title: 'Delivered' },
    ...clockFields,
  },
  // totals are money: a viewer's orders come without them (see orderPermissions), so they cannot be required
  required: ['id', 'number', 'customerId', 'customerName', 'status', 'priority', 'items', 'receivedAt'],
  // What the orders page sorts and filters by, so it reads only the rows it shows: newest first, by status, and by
  // customer name (a prefix search), each ending in the number for a stable order; when an order was last edited, so
  // the dashboard reads the orders that moved lately (one finished or delivered today, however old), not the shop;
  // and the day an order came in, so the Reports page reads the days it shows. (An index needs a required field in
  // RxDB's Dexie storage: no due or delivery time. `editedAt` is one because @syncline/data stamps it on every local
  // write and requires it in the schema it stores; the served schema keeps it optional, for the orders a server
  // holds from before. `receivedAt` stays last: a query no index answers reads the last one.)
  indexes: [
    'number',
    ['status', 'number'],
    ['customerName', 'number'],
    ['status', 'customerName', 'number'],
    'editedAt',
    'receivedAt',
  ],
  additionalProperties: false,
} as const;

const orderSchemaTyped = toTypedRxJsonSchema(orderSchemaLiteral);
export type Order = ExtractDocumentTypeFromTypedRxJsonSchema<typeof orderSchemaTyped>;
export type OrderItem = Order['items'][number];
export type OrderHistoryEntry = NonNullable<Order['history']>[number];
export type OrderChange = OrderHistoryEntry['changes'][number];
/** Staff take and work orders; managers remove them; a viewer reads them without the money. */
export const orderPermissions: CollectionPermissions = {
  read: '*',
  create: staff,
  update: staff,
  delete: managers,
  fields: { totals: { read: staff, write: staff } },
};
export const orderSchema: RxJsonSchema<Order> = withFiles(
  withPermissions(orderSchemaLiteral, orderPermissions),
  photoFiles,
);

/**
 * When an order was last written, as far as the order itself says: its last history entry, its delivery or its
 * arrival, whichever is latest. What an order stored without an edit time is given (orders schema v6).
 */
export function orderLastTouchedAt(order: Pick<Order, 'receivedAt' | 'deliveredAt' | 'history'>): number {
  return Math.max(order.receivedAt, order.deliveredAt ?? 0, ...(order.history ?? []).map((entry) => entry.at));
}

/**
 * Stored orders moving up a schema version: version 1 only added indexes, version 2 made `totals` optional and version 3
 * gave a line an optional tax rate, so an order stays as it is; version 4 gives each line an id (`orderLineId`);
 * version 5 added an index on when an order was received and the optional photos (`attachments`), so an order
 * stays as it is; version 6 indexes when an order was last edited, so one stored without that time is given the
 * last time it says it was written (`orderLastTouchedAt`).
 */
export const orderMigrations: MigrationStrategies = {
  1: (order: Order) => order,
  2: (order: Order) => order,
  3: (order: Order) => order,
  4: (order: Order) => ({ ...order, items: withLineIds(order.id, order.items) }),
  5: (order: Order) => order,
  6: (order: Order) => (order.editedAt === undefined ? { ...order, editedAt: orderLastTouchedAt(order) } : order),
};

export const orderMergeRules: MergeRules = {
  fields: {
    status: { rule: 'progression', order: orderStatusFlow },
    priority: 'latest',
    // lines merge by id (another device's edit to another line stays); the totals are recomputed from the merged lines
    items: {
      rule: 'byId',
      missingId: (index, order) => orderLineId(String(order.id), index),
      derive: (lines) => ({ totals: storedTotals(lines as TotalsLine[]) }),
    },
    // derived from the lines by the items rule; this only says what a merge without lines would keep
    totals: 'server',
    notes: 'manual',
    tags: 'union',
    history: 'union',
    // photos merge by id: one added on each device both stay, one removed on one device goes
    attachments: 'union',
    assignedMachineId: 'latest',
    labelPrints: 'max',
    deliveredAt: 'max',
    editedAt: 'max',
  },
  fallback: 'latest',
};
