// Order writes the pages share: create with a generated number, advance along the flow, and the toasts
// that say where a write went (this device, or the server) with an undo.
import type { Order, OrderChange, OrderItem, OrderPriority, OrderStatus } from '@syncline/domain';
import { toast } from '@syncline/ui';
import type { ControlCenterDatabase } from '../runtime/router';
import { nextStatus, statusLabel } from './format';

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

/** Appends one entry to an order's history; history is insert-only, so it never conflicts. */
export async function recordOrderEvent(
  database: ControlCenterDatabase,
  orderId: string,
  actor: string,
  summary: string,
  changes: OrderChange[],
) {
  const at = Date.now();
  await database.orderEvents.insert({
    id: `evt-${at.toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    orderId,
    at,
    by: actor,
    summary,
    changes,
  });
}

/** Patches an order and records what changed; a patch that changes nothing writes nothing. */
export async function editOrder(
  { database, actor, online }: WriteContext,
  orderId: string,
  patch: Partial<Order>,
): Promise<void> {
  const doc = await database.orders.findOne(orderId).exec();
  if (!doc) return;
  const before = doc.toJSON() as Order;
  const changes: OrderChange[] = Object.entries(patch)
    .filter(([field, value]) => JSON.stringify(before[field as keyof Order]) !== JSON.stringify(value))
    .map(([field, value]) => ({ field, from: show(before[field as keyof Order]), to: show(value) }));
  if (changes.length === 0) return;
  await doc.incrementalPatch(patch);
  await recordOrderEvent(database, orderId, actor, `Edited ${changes.map((c) => c.field).join(', ')}`, changes);
  toast.success(`Order #${before.number} saved`, { description: savedWhere(online) });
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
    labelPrints: 0,
    receivedAt: now,
    dueAt: now + 2 * 24 * 60 * 60 * 1000,
  };
  const doc = await database.orders.insert(order);
  await recordOrderEvent(database, order.id, actor, `Created order #${order.number} for ${order.customerName}`, [
    { field: 'status', to: 'received' },
  ]);
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
  const to = nextStatus(from);
  if (!to) return;
  await doc.incrementalPatch({ status: to, ...(to === 'delivered' ? { deliveredAt: Date.now() } : {}) });
  const change = (a: OrderStatus, b: OrderStatus) => [{ field: 'status', from: a, to: b }];
  await recordOrderEvent(
    database,
    orderId,
    actor,
    `Status ${statusLabel[from]} → ${statusLabel[to]}`,
    change(from, to),
  );
  toast(`Order #${doc.number} is ${statusLabel[to].toLowerCase()}`, {
    description: savedWhere(online),
    action: {
      label: 'Undo',
      onClick: async () => {
        await doc.getLatest().incrementalPatch({ status: from });
        await recordOrderEvent(
          database,
          orderId,
          actor,
          `Undid: status back to ${statusLabel[from]}`,
          change(to, from),
        );
      },
    },
  });
}
