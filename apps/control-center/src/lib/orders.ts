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
} from '@syncline/domain';
import { toast } from '@syncline/ui';
import type { ControlCenterDatabase } from '../runtime/database';
import { statusLabel } from './format';

export interface NewOrder {
  customerId: string;
  customerName: string;
  priority: OrderPriority;
  items: OrderItem[];
  notes: string;
}

const TAX_RATE = 0.23;

export function totalsOf(items: readonly OrderItem[]) {
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  const tax = Math.round(subtotal * TAX_RATE);
  return { subtotal, tax, total: subtotal + tax };
}

/** Where a write went, in words: online writes reach the server at once, offline ones wait on this device. */
function savedWhere(online: boolean): string {
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
  return { id: `h-${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`, at, by: actor, summary, changes };
}

const withEntry = (order: Pick<Order, 'history'>, entry: OrderHistoryEntry) => [...(order.history ?? []), entry];

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
      return entry ? { history: withEntry(newest, entry) } : {};
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
  return { ...doc, history: withEntry(doc as Pick<Order, 'history'>, historyEntry(actor, summary, changes)) };
}

/**
 * The history entry reversing a field a merge rule settled adds to its order, in the same write: who reversed it,
 * from the value that won back to the one that lost ("Reversed the automatic merge of priority").
 */
export function withReversalEntry(actor: string, doc: Record<string, unknown>, settled: SettledField) {
  const change = { field: settled.field, from: show(settled.won), to: show(settled.lost) };
  const entry = historyEntry(actor, `Reversed the automatic merge of ${settled.field}`, [change]);
  return { ...doc, history: withEntry(doc as Pick<Order, 'history'>, entry) };
}

/** Cancels an order (it stays, marked cancelled, with the step recorded), with an Undo back to where it was. */
export async function cancelOrder({ database, actor, online }: WriteContext, orderId: string): Promise<void> {
  const doc = await database.orders.findOne(orderId).exec();
  if (!doc || doc.status === 'cancelled') return;
  const from = doc.status as OrderStatus;
  const moveTo = (status: OrderStatus, summary: string) => (order: Order) => ({
    ...order,
    status,
    history: withEntry(order, historyEntry(actor, summary, [{ field: 'status', from: order.status, to: status }])),
  });
  await doc.incrementalModify(moveTo('cancelled', 'Cancelled the order'));
  toast(`Order #${doc.number} cancelled`, {
    description: savedWhere(online),
    action: {
      label: 'Undo',
      onClick: () =>
        void doc.getLatest().incrementalModify(moveTo(from, `Undid: cancel, back to ${statusLabel[from]}`)),
    },
  });
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
    id: `ord-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    number: (latest?.number ?? 0) + 1,
    customerId: input.customerId,
    customerName: input.customerName,
    status: 'received',
    priority: input.priority,
    items: input.items,
    totals: totalsOf(input.items),
    notes: input.notes,
    tags: [],
    history: [
      historyEntry(actor, `Created order #${(latest?.number ?? 0) + 1} for ${input.customerName}`, [
        { field: 'status', to: 'received' },
      ]),
    ],
    labelPrints: 0,
    receivedAt: now,
    dueAt: now + 2 * 24 * 60 * 60 * 1000,
  };
  const doc = await database.orders.insert(order);
  toast.success(`Order #${order.number} created`, {
    description: savedWhere(online),
    action: { label: 'Undo', onClick: () => void doc.getLatest().remove() },
  });
  return order;
}

export async function advanceOrder({ database, actor, online }: WriteContext, orderId: string): Promise<void> {
  const doc = await database.orders.findOne(orderId).exec();
  if (!doc) return;
  const from = doc.status as OrderStatus;
  const to = nextOrderStatus(from);
  if (!to) return;
  const moveTo = (status: OrderStatus, summary: string) => (order: Order) => ({
    ...order,
    status,
    ...(status === 'delivered' ? { deliveredAt: Date.now() } : {}),
    history: withEntry(order, historyEntry(actor, summary, [{ field: 'status', from: order.status, to: status }])),
  });
  await doc.incrementalModify(moveTo(to, `Status ${statusLabel[from]} → ${statusLabel[to]}`));
  toast(`Order #${doc.number} is ${statusLabel[to].toLowerCase()}`, {
    description: savedWhere(online),
    action: {
      label: 'Undo',
      onClick: () => void doc.getLatest().incrementalModify(moveTo(from, `Undid: status back to ${statusLabel[from]}`)),
    },
  });
}
