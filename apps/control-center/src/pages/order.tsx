// One order: its details, an edit form (priority, notes, tags), the next step of its flow, and its history.

import { useDocSyncState, useDocument } from '@syncline/data';
import { nextOrderStatus, type Order, type OrderPriority } from '@syncline/domain';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  FormField,
  Input,
  Textarea,
} from '@syncline/ui';
import { SyncDot } from '@syncline/ui/sync';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PriorityField } from '../components/priority-field';
import { formatCents, formatDateTime, statusLabel } from '../lib/format';
import { advanceOrder, cancelOrder, deleteOrder, editOrder, type WriteContext } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

function EditOrderForm({ order }: { order: Order }) {
  const write = useWriteContext();
  const [priority, setPriority] = useState<OrderPriority>(order.priority);
  const [notes, setNotes] = useState(order.notes ?? '');
  const [tags, setTags] = useState((order.tags ?? []).join(', '));
  const [error, setError] = useState<string | undefined>();

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const list = tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    if (list.some((tag) => tag.length > 40)) {
      setError('Keep each tag under 40 characters; nothing was saved.');
      return;
    }
    setError(undefined);
    await editOrder(write, order.id, { priority, notes, tags: [...new Set(list)] });
  };

  return (
    <form className="flex flex-col gap-4" onSubmit={save}>
      <PriorityField value={priority} onChange={setPriority} />
      <FormField label="Notes">
        <Textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />
      </FormField>
      <FormField label="Tags" description="Separate tags with commas." error={error}>
        <Input value={tags} onChange={(e) => setTags(e.target.value)} />
      </FormField>
      <Button type="submit" className="self-start">
        Save changes
      </Button>
    </form>
  );
}

/** Delete, after a confirmation: the order leaves every device; the toast's Undo brings it back. */
function DeleteOrderButton({ order, write }: { order: Order; write: WriteContext }) {
  const navigate = useNavigate();
  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="ghost">Delete</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete order #{order.number}?</AlertDialogTitle>
          <AlertDialogDescription>
            It is removed from this device and, once synced, from every other. You can undo it from the message that
            follows.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep the order</AlertDialogCancel>
          <AlertDialogAction
            variant="danger"
            onClick={() => void deleteOrder(write, order.id).then(() => navigate('/orders'))}
          >
            Delete order
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

export function OrderPage() {
  const { orderId = '' } = useParams();
  const { doc: order, loading } = useDocument<Order>('orders', orderId);
  const state = useDocSyncState('orders', orderId);
  const write = useWriteContext();

  if (!order) {
    return loading ? null : (
      <EmptyState
        title="No such order on this device"
        description="It may not have synced here yet."
        action={<Link to="/orders">Back to orders</Link>}
      />
    );
  }
  const next = nextOrderStatus(order.status);
  const events = [...(order.history ?? [])].reverse();
  return (
    <>
      <PageHeader
        title={`Order #${order.number}`}
        description={`${order.customerName} · ${statusLabel[order.status]} · received ${formatDateTime(order.receivedAt)}`}
        actions={
          <>
            <span className="flex items-center gap-2 text-foreground-muted text-sm">
              <SyncDot state={state} /> {state}
            </span>
            {order.status !== 'cancelled' && order.status !== 'delivered' ? (
              <Button variant="outline" onClick={() => void cancelOrder(write, order.id)}>
                Cancel order
              </Button>
            ) : null}
            <DeleteOrderButton order={order} write={write} />
            {next ? (
              <Button onClick={() => void advanceOrder(write, order.id)}>Mark {statusLabel[next].toLowerCase()}</Button>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Items</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-1 text-sm">
                {order.items.map((item) => (
                  <li key={item.sku} className="flex justify-between gap-3">
                    <span>
                      {item.quantity} × {item.name}
                    </span>
                    <span className="font-mono tabular-nums">{formatCents(item.quantity * item.unitPrice)}</span>
                  </li>
                ))}
                <li className="mt-2 flex justify-between gap-3 border-border border-t pt-2 font-medium">
                  <span>Total incl. tax</span>
                  <span className="font-mono tabular-nums">{formatCents(order.totals.total)}</span>
                </li>
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Edit</CardTitle>
            </CardHeader>
            <CardContent>
              <EditOrderForm key={order.id} order={order} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>History</CardTitle>
          </CardHeader>
          <CardContent>
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
                      <ul className="mt-1 text-foreground-muted text-xs">
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
