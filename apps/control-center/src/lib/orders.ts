// Order writes the pages share: create with a generated number, advance along the flow, and the toasts
// that say where a write went (this device, or the server) with an undo.
import { type DocumentDraft, type DraftSaveResult, jsonEqual, type SettledField } from '@syncline/data';
import {
  nextOrderStatus,
  type Order,
  type OrderChange,
  type OrderHistoryEntry,
  type OrderItem,
  type OrderPriority,
  type OrderStatus,
  orderNextStep,
  orderPriorityLabel,
  orderStatusLabel,
  storedTotals,
  withLineIds,
} from '@syncline/domain';
import { toast } from '@syncline/ui';
import type { ControlCenterDatabase } from '../runtime/database';
import { recordId } from './record-id';

export interface NewOrder {
  customerId: string;
  customerName: string;
  priority: OrderPriority;
  items: OrderItem[];
  notes: string;
  /** when the customer is told it will be ready; two days from now when not given */
  dueAt?: number;
}

/** Where a write went, in words: online writes reach the server at once, offline ones wait on this device. */
export function savedWhere(online: boolean): string {
  return online ? 'Syncing to the server.' : 'Saved on this device; it will sync when you reconnect.';
}

/** Who is writing, and whether the server is reachable right now (for the toast's words). */
export interface WriteContext {
  database: ControlCenterDatabase;
  actor: string;
  online: boolean;
}

const show = (value: unknown) =>
  value === undefined || value === null || value === '' ? '—' : Array.isArray(value) ? value.join(', ') : String(value);

/** One entry of an order's change history. History lives in the order and merges as a set, so it never conflicts. */
export function historyEntry(actor: string, summary: string, changes: OrderChange[]): OrderHistoryEntry {
  const at = Date.now();
  return { id: recordId('h', at), at, by: actor, summary, changes };
}

/** The order's history with `entry` added at the end. */
export const withHistoryEntry = (order: Pick<Order, 'history'>, entry: OrderHistoryEntry) => [
  ...(order.history ?? []),
  entry,
];

/**
 * The history entry for an edit: the fields whose value differs from the order as it is now (the newest version,
 * not the one a form loaded); `null` when nothing would change.
 */
export function editEntry(actor: string, newest: Order, patch: Partial<Order>): OrderHistoryEntry | null {
  const changes: OrderChange[] = Object.entries(patch)
    .filter(([field, value]) => !jsonEqual(newest[field as keyof Order], value))
    .map(([field, value]) => ({ field, from: show(newest[field as keyof Order]), to: show(value) }));
  return changes.length === 0 ? null : historyEntry(actor, `Edited ${changes.map((c) => c.field).join(', ')}`, changes);
}

/**
 * Saves an edit form's draft: only the fields the person changed, written onto the newest order with a history
 * entry, so another device's change to any other field is never written back over. Returns what the save did.
 */
export async function saveOrderDraft(
  { actor, online }: WriteContext,
  draft: DocumentDraft<Order>,
): Promise<DraftSaveResult<Order>> {
  const result = await draft.save({
    amend: (newest, patch) => {
      const entry = editEntry(actor, newest, patch);
      return entry ? { history: withHistoryEntry(newest, entry) } : {};
    },
  });
  if (result.status === 'saved') {
    toast.success(`Order #${result.after.number} saved`, { description: savedWhere(online) });
  }
  return result;
}

/**
 * The history entry a conflict's resolution adds to its order, in the same write: who decided, and the value kept
 * for each field ("Resolved a conflict on notes").
 */
export function withResolutionEntry(actor: string, doc: Record<string, unknown>, fields: readonly string[]) {
  const decided = fields.filter((field) => field !== '_deleted');
  const summary = decided.length > 0 ? `Resolved a conflict on ${decided.join(', ')}` : 'Resolved a conflict';
  const changes = decided.map((field) => ({ field, to: show(doc[field]) }));
  // the totals follow the lines a person kept, as a merge recomputes them
  const totals = decided.includes('items') && Array.isArray(doc.items) ? { totals: storedTotals(doc.items) } : {};
  return {
    ...doc,
    ...totals,
    history: withHistoryEntry(doc as Pick<Order, 'history'>, historyEntry(actor, summary, changes)),
  };
}

/**
 * The history entry reversing a field a merge rule settled adds to its order, in the same write: who reversed it,
 * from the value that won back to the one that lost ("Reversed the automatic merge of priority").
 */
export function withReversalEntry(actor: string, doc: Record<string, unknown>, settled: SettledField) {
  const change = { field: settled.field, from: show(settled.won), to: show(settled.lost) };
  const entry = historyEntry(actor, `Reversed the automatic merge of ${settled.field}`, [change]);
  return { ...doc, history: withHistoryEntry(doc as Pick<Order, 'history'>, entry) };
}

/** A quantity as typed: a whole number from 1 to 999, or undefined. */
export function parseQuantity(text: string): number | undefined {
  const count = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(count) && count >= 1 && count <= 999 ? count : undefined;
}

/** What a person changed in an order's lines: new quantities by line id, lines removed, and lines added. */
export interface LineEdits {
  quantities: Readonly<Record<string, number>>;
  removed: readonly string[];
  added: readonly OrderItem[];
}

/**
 * The order's lines with `edits` applied, line by line (by id): a line another device changed, added or removed
 * meanwhile keeps that change, and a line this person edited that is gone by now stays gone.
 */
export function applyLineEdits(order: Pick<Order, 'id' | 'items'>, edits: LineEdits): OrderItem[] {
  const removed = new Set(edits.removed);
  const kept = withLineIds(order.id, order.items)
    .filter((line) => !removed.has(line.id))
    .map((line) => {
      const quantity = edits.quantities[line.id];
      return quantity === undefined ? line : { ...line, quantity };
    });
  return [...kept, ...edits.added];
}

/** Lines in words, as a history entry shows them: "3 × Shirt, 1 × Duvet, single". */
export const describeLines = (lines: readonly OrderItem[]) =>
  lines.map((line) => `${line.quantity} × ${line.name}`).join(', ') || 'no lines';

/**
 * Writes a person's line edits onto the newest order, with its totals from the lines and a history entry ("Edited
 * lines"), so another device's change to another line stays. Nothing is written when nothing would change; returns
 * whether something was.
 */
export async function saveOrderLines({ database, actor, online }: WriteContext, orderId: string, edits: LineEdits) {
  const doc = await database.orders.findOne(orderId).exec();
  if (!doc) return false;
  let changed = false;
  await doc.incrementalModify((order) => {
    const items = applyLineEdits(order, edits);
    changed = !jsonEqual(withLineIds(order.id, order.items), items);
    if (!changed) return order;
    const entry = historyEntry(actor, 'Edited lines', [
      { field: 'items', from: describeLines(order.items), to: describeLines(items) },
    ]);
    return { ...order, items, totals: storedTotals(items), history: withHistoryEntry(order, entry) };
  });
  if (changed) toast.success(`Order #${doc.number} lines saved`, { description: savedWhere(online) });
  return changed;
}

/** Deletes an order from every device, with an Undo that brings it back as it was. */
export async function deleteOrder({ database, online }: WriteContext, orderId: string): Promise<void> {
  const doc = await database.orders.findOne(orderId).exec();
  if (!doc) return;
  const kept = doc.toMutableJSON() as Order;
  await doc.remove();
  toast(`Order #${kept.number} deleted`, {
    description: savedWhere(online),
    action: { label: 'Undo', onClick: () => void database.orders.upsert(kept) },
  });
}

export async function createOrder({ database, actor, online }: WriteContext, input: NewOrder): Promise<Order> {
  const latest = await database.orders.findOne({ selector: {}, sort: [{ number: 'desc' }] }).exec();
  const now = Date.now();
  const order: Order = {
    id: recordId('ord', now),
    number: (latest?.number ?? 0) + 1,
    customerId: input.customerId,
    customerName: input.customerName,
    status: 'received',
    priority: input.priority,
    items: input.items,
    totals: storedTotals(input.items),
    notes: input.notes,
    tags: [],
    history: [
      historyEntry(actor, `Created order #${(latest?.number ?? 0) + 1} for ${input.customerName}`, [
        { field: 'status', to: 'received' },
      ]),
    ],
    labelPrints: 0,
    receivedAt: now,
    dueAt: input.dueAt ?? now + 2 * 24 * 60 * 60 * 1000,
  };
  const doc = await database.orders.insert(order);
  toast.success(`Order #${order.number} created`, {
    description: savedWhere(online),
    action: { label: 'Undo', onClick: () => void doc.getLatest().remove() },
  });
  return order;
}

/** A status move as one write: the new status (and the delivery time), with its history entry. */
const moveTo = (actor: string, status: OrderStatus, summary: string) => (order: Order) => ({
  ...order,
  status,
  ...(status === 'delivered' ? { deliveredAt: Date.now() } : {}),
  history: withHistoryEntry(order, historyEntry(actor, summary, [{ field: 'status', from: order.status, to: status }])),
});

/** One order a write changed: its number and the value of the field before and after. */
export interface OrderMove<V extends string> {
  number: number;
  from: V;
  to: V;
}

/**
 * What a toast says a write did, in words a person reads at a glance: the order for one ("Order #13002 is ready"),
 * the count and the common outcome for several ("3 orders moved to Ready"). `undefined` when nothing changed.
 */
export function movesSummary<V extends string>(
  moves: readonly OrderMove<V>[],
  words: { one: (move: OrderMove<V>) => string; many: (count: number, to: V | undefined) => string },
): string | undefined {
  const [first] = moves;
  if (!first) return undefined;
  if (moves.length === 1) return words.one(first);
  return words.many(moves.length, moves.every((move) => move.to === first.to) ? first.to : undefined);
}

/**
 * Changes each order (by id) that `plan` gives a new value, with a history entry, then shows one toast for all of
 * them, with an Undo putting each back. The single-row buttons and the bulk bar write through this.
 */
async function changeOrders<V extends string>(
  { database, actor, online }: WriteContext,
  orderIds: readonly string[],
  field: 'status' | 'priority',
  plan: (order: Order) => V | undefined,
  words: Parameters<typeof movesSummary<V>>[1],
  labels: Record<V, string>,
): Promise<number> {
  const found = await database.orders.findByIds([...orderIds]).exec();
  const changed: { move: OrderMove<V>; undo: () => Promise<unknown> }[] = [];
  for (const doc of found.values()) {
    const from = doc[field] as V;
    const to = plan(doc.toJSON() as Order);
    if (to === undefined || to === from) continue;
    await doc.incrementalModify(change(actor, field, from, to, labels));
    changed.push({
      move: { number: doc.number, from, to },
      undo: () => doc.getLatest().incrementalModify(change(actor, field, to, from, labels, 'Undid: ')),
    });
  }
  const summary = movesSummary(
    changed.map(({ move }) => move),
    words,
  );
  if (summary) {
    toast(summary, {
      description: savedWhere(online),
      action: {
        label: 'Undo',
        onClick: () => {
          for (const { undo } of changed) void undo();
        },
      },
    });
  }
  return changed.length;
}

/** The write moving one field of an order from one value to another, with its history entry. */
function change<V extends string>(
  actor: string,
  field: 'status' | 'priority',
  from: V,
  to: V,
  labels: Record<V, string>,
  prefix = '',
) {
  if (field === 'status') {
    const summary =
      to === 'cancelled' ? `${prefix}Cancelled the order` : `${prefix}Status ${labels[from]} → ${labels[to]}`;
    return moveTo(actor, to as OrderStatus, summary);
  }
  return (order: Order) => ({
    ...order,
    priority: to as OrderPriority,
    history: withHistoryEntry(
      order,
      historyEntry(actor, `${prefix}Priority ${labels[from]} → ${labels[to]}`, [{ field: 'priority', from, to }]),
    ),
  });
}

/** The bulk advance's words: the selection's common next step ("Mark ready"), or a step each when they differ. */
export function bulkStepLabel(orders: readonly Pick<Order, 'status'>[]): string | undefined {
  const steps = new Set(orders.map((order) => orderNextStep(order.status)?.label));
  steps.delete(undefined);
  if (steps.size === 0) return undefined;
  return steps.size === 1 ? [...steps][0] : 'Advance one step';
}

/** Moves each order one step along the flow (an order already delivered or cancelled stays as it is). */
export function advanceOrders(write: WriteContext, orderIds: readonly string[]): Promise<number> {
  return changeOrders(
    write,
    orderIds,
    'status',
    (order) => nextOrderStatus(order.status),
    {
      one: ({ number, to }) => `Order #${number} is ${orderStatusLabel[to].toLowerCase()}`,
      many: (count, to) => (to ? `${count} orders moved to ${orderStatusLabel[to]}` : `${count} orders moved one step`),
    },
    orderStatusLabel,
  );
}

export const advanceOrder = (write: WriteContext, orderId: string) => advanceOrders(write, [orderId]);

/** Cancels each order (it stays, marked cancelled, with the step recorded); a delivered order cannot be cancelled. */
export function cancelOrders(write: WriteContext, orderIds: readonly string[]): Promise<number> {
  return changeOrders(
    write,
    orderIds,
    'status',
    (order) => (nextOrderStatus(order.status) ? 'cancelled' : undefined),
    { one: ({ number }) => `Order #${number} cancelled`, many: (count) => `${count} orders cancelled` },
    orderStatusLabel,
  );
}

export const cancelOrder = (write: WriteContext, orderId: string) => cancelOrders(write, [orderId]);

/** Gives each order a priority. */
export function setOrdersPriority(
  write: WriteContext,
  orderIds: readonly string[],
  priority: OrderPriority,
): Promise<number> {
  return changeOrders(
    write,
    orderIds,
    'priority',
    () => priority,
    {
      one: ({ number, to }) => `Order #${number} is ${orderPriorityLabel[to].toLowerCase()} priority`,
      many: (count, to) => `${count} orders set to ${orderPriorityLabel[to ?? priority]} priority`,
    },
    orderPriorityLabel,
  );
}
