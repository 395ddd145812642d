// One order: its details, its lines (editable by staff: quantities, removals, lines added from the catalogue), its
// photos (taken on this device, offline too, uploaded beside sync), an edit form (priority, notes, tags) that never writes back what the operator did not
// change, the next step of its flow, and its history: the server's record of every change (who, when, from what to
// what), the fields a merge rule settled on this device with a way to reverse them, and this device's own entries.

import {
  jsonEqual,
  titleOf,
  useCan,
  useDocSyncState,
  useDocument,
  useDocumentDraft,
  useFieldTitles,
  useKeptDocument,
  useServerHistory,
} from '@syncline/data';
import { ORDER_KEPT_DAYS, type Order, orderNextStep, orderStatusLabel } from '@syncline/domain';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  EmptyState,
  FormField,
  Input,
  Textarea,
} from '@syncline/ui';
import { ConnectedFieldChangedNotice, ConnectedSettledFieldsList } from '@syncline/ui/connected';
import { SyncDot } from '@syncline/ui/sync';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { OrderLinesEditor } from '../components/order-lines-editor';
import { PhotosSection } from '../components/photos-section';
import { PriorityField } from '../components/priority-field';
import { ServerHistory } from '../components/server-history';
import { formatCents, formatDateTime, formatPriority, formatSettled } from '../lib/format';
import {
  advanceOrder,
  cancelOrder,
  deleteOrder,
  saveOrderDraft,
  type WriteContext,
  withReversalEntry,
} from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

/** Tags as typed: comma-separated, trimmed, without duplicates. */
const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
  ),
];

const fieldLabel: Record<string, string> = { priority: 'Priority', notes: 'Notes', tags: 'Tags' };
const labelOf = (field: string) => fieldLabel[field] ?? field;

/**
 * The edit form is a draft over the live order: fields the operator has not changed follow other devices as they
 * sync, a changed field that another device changes too asks "keep theirs or mine" under it, and saving writes
 * only the changed fields onto the newest order.
 */
function EditOrderForm({ orderId }: { orderId: string }) {
  const write = useWriteContext();
  const draft = useDocumentDraft<Order>('orders', orderId);
  // what the operator typed in Tags, kept while it still means the draft's tags (so "a, " is not rewritten to "a")
  const [tagsText, setTagsText] = useState<string | null>(null);
  const [tagsError, setTagsError] = useState<string | undefined>();
  const [refused, setRefused] = useState<'changed-elsewhere' | 'missing' | null>(null);
  const { values, touched, changedElsewhere } = draft;
  if (!values) return null;

  const tags = values.tags ?? [];
  const shownTags = tagsText !== null && jsonEqual(parseTags(tagsText), tags) ? tagsText : tags.join(', ');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (tags.some((tag) => tag.length > 40)) {
      setTagsError('Keep each tag under 40 characters; nothing was saved.');
      return;
    }
    setTagsError(undefined);
    const result = await saveOrderDraft(write, draft);
    setRefused(result.status === 'changed-elsewhere' || result.status === 'missing' ? result.status : null);
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={save}>
      <div className="flex flex-col gap-2">
        <PriorityField value={values.priority} onChange={(priority) => draft.set('priority', priority)} />
        <ConnectedFieldChangedNotice draft={draft} field="priority" label="Priority" format={formatPriority} />
      </div>
      <div className="flex flex-col gap-2">
        <FormField label="Notes">
          <Textarea value={values.notes ?? ''} onChange={(e) => draft.set('notes', e.target.value)} rows={4} />
        </FormField>
        <ConnectedFieldChangedNotice draft={draft} field="notes" label="Notes" />
      </div>
      <div className="flex flex-col gap-2">
        <FormField label="Tags" description="Separate tags with commas." error={tagsError}>
          <Input
            value={shownTags}
            onChange={(e) => {
              setTagsText(e.target.value);
              draft.set('tags', parseTags(e.target.value));
            }}
          />
        </FormField>
        <ConnectedFieldChangedNotice draft={draft} field="tags" label="Tags" />
      </div>
      {refused === 'changed-elsewhere' && changedElsewhere.length > 0 ? (
        <p role="alert" className="text-error-text text-sm">
          Nothing was saved: {changedElsewhere.map((change) => labelOf(change.field)).join(', ')} changed on another
          device meanwhile. Keep theirs or yours, then save.
        </p>
      ) : refused === 'missing' ? (
        <p role="alert" className="text-error-text text-sm">
          Nothing was saved: this order is no longer on this device.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Save changes</Button>
        {touched.length > 0 ? (
          <>
            <Button type="button" variant="ghost" onClick={draft.reset}>
              Discard edits
            </Button>
            <p data-slot="unsaved-fields" className="text-foreground-muted text-sm">
              Not saved yet: {touched.map(labelOf).join(', ')}
            </p>
          </>
        ) : null}
      </div>
    </form>
  );
}

/** The server's record of the order's changes, asked again whenever the server takes a new version of it. */
function OrderServerHistory({ order }: { order: Order }) {
  const view = useServerHistory('orders', order.id, { revision: order.updatedAt, pageSize: 10 });
  const titles = useFieldTitles('orders');
  return (
    <ServerHistory
      view={view}
      titleOf={(field) => titleOf(titles, field)}
      format={(value, field) => formatSettled(value, { field })}
      formatTime={formatDateTime}
    />
  );
}

/** Delete, after a confirmation: the order leaves every device; the toast's Undo brings it back. */
function DeleteOrderButton({ order, write }: { order: Order; write: WriteContext }) {
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      trigger={<Button variant="ghost">Delete</Button>}
      title={`Delete order #${order.number}?`}
      description="It is removed from this device and, once synced, from every other. You can undo it from the message that follows."
      cancelLabel="Keep the order"
      confirmLabel="Delete order"
      danger
      onConfirm={() => void deleteOrder(write, order.id).then(() => navigate('/orders'))}
    />
  );
}

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { doc: order, loading } = useDocument<Order>('orders', orderId);
  // an order this device no longer keeps comes from the server, and stays while it is open
  const kept = useKeptDocument('orders', orderId, loading ? undefined : order !== null);
  const state = useDocSyncState('orders', orderId);
  const write = useWriteContext();
  const can = useCan('orders');

  if (!order) {
    if (loading) return null;
    if (kept.status === 'looking' || kept.status === 'kept') {
      return <EmptyState title="Opening the order from the sync server…" description="This device does not keep it." />;
    }
    return (
      <EmptyState
        title="No such order on this device"
        description={kept.message ?? 'It may not have synced here yet.'}
        action={<Link to="/orders">Back to orders</Link>}
      />
    );
  }
  const next = orderNextStep(order.status);
  const events = [...(order.history ?? [])].reverse();
  return (
    <>
      <PageHeader
        title={`Order #${order.number}`}
        description={`${order.customerName} · ${orderStatusLabel[order.status]} · received ${formatDateTime(order.receivedAt)}`}
        actions={
          <>
            <span className="flex items-center gap-2 text-foreground-muted text-sm">
              <SyncDot state={state} /> {state}
            </span>
            {can('update') && order.status !== 'cancelled' && order.status !== 'delivered' ? (
              <Button variant="outline" onClick={() => void cancelOrder(write, order.id)}>
                Cancel order
              </Button>
            ) : null}
            {can('delete') ? <DeleteOrderButton order={order} write={write} /> : null}
            {can('update') && next ? (
              <Button onClick={() => void advanceOrder(write, order.id)}>{next.label}</Button>
            ) : null}
          </>
        }
      />
      {kept.status === 'kept' ? (
        <p role="status" className="mb-3 text-foreground-muted text-sm">
          From the sync server: this device keeps open orders and those of the last {ORDER_KEPT_DAYS} days, so it keeps
          this one only while it is open.
        </p>
      ) : null}
      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Items</CardTitle>
            </CardHeader>
            <CardContent>
              {can('update') ? (
                <OrderLinesEditor key={order.id} order={order} />
              ) : (
                <ul className="flex flex-col gap-1 text-sm">
                  {order.items.map((item, index) => (
                    <li key={item.id ?? index} className="flex justify-between gap-3">
                      <span>
                        {item.quantity} × {item.name}
                      </span>
                      {order.totals ? (
                        <span className="font-mono tabular-nums">{formatCents(item.quantity * item.unitPrice)}</span>
                      ) : null}
                    </li>
                  ))}
                  {/* a role that may not see the money receives the order without its totals */}
                  {order.totals ? (
                    <li className="mt-2 flex justify-between gap-3 border-border border-t pt-2 font-medium">
                      <span>Total incl. tax</span>
                      <span className="font-mono tabular-nums">{formatCents(order.totals.total)}</span>
                    </li>
                  ) : null}
                </ul>
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Photos</CardTitle>
            </CardHeader>
            <CardContent>
              <PhotosSection collection="orders" documentId={order.id} photos={order.attachments} />
            </CardContent>
          </Card>
          {can('update') ? (
            <Card>
              <CardHeader>
                <CardTitle>Edit</CardTitle>
              </CardHeader>
              <CardContent>
                <EditOrderForm key={order.id} orderId={order.id} />
              </CardContent>
            </Card>
          ) : (
            <p data-slot="read-only" className="text-foreground-muted text-sm">
              You can look at this order; your role does not change orders.
            </p>
          )}
        </div>
        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <OrderServerHistory order={order} />
            <h4 className="font-medium text-sm">On this device</h4>
            <ConnectedSettledFieldsList
              collectionName="orders"
              documentId={order.id}
              format={formatSettled}
              annotate={(doc, settled) => withReversalEntry(write.actor, doc, settled)}
            />
            {events.length === 0 ? (
              <p className="text-foreground-muted text-sm">No changes recorded on this device yet.</p>
            ) : (
              <ol aria-label="Change history" className="flex flex-col gap-3">
                {events.map((event) => (
                  <li key={event.id} className="text-sm">
                    <p className="font-medium">{event.summary}</p>
                    <p className="text-foreground-muted text-xs">
                      {event.by} · {formatDateTime(event.at)}
                    </p>
                    {event.changes.length > 0 ? (
                      <ul className="mt-1 text-foreground-muted text-xs wrap-anywhere">
                        {event.changes.map((change) => (
                          <li key={change.field}>
                            {change.field}: {change.from ?? '—'} → {change.to}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
