// What a person can do to the orders they selected on the orders page, all at once: move each one step along the
// flow, set a priority, or cancel them (after a confirmation). Writes through the same functions as one order's
// buttons, so the history entries, the toast and its Undo are the same.
import { useLiveQuery } from '@syncline/data';
import { type Order, orderNextStep, orderPriorities, orderPriorityLabel } from '@syncline/domain';
import {
  Button,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@syncline/ui';
import { ChevronDownIcon } from 'lucide-react';
import { advanceOrders, bulkStepLabel, cancelOrders, setOrdersPriority } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';

export function OrderBulkBar({ selectedIds, onDone }: { selectedIds: readonly string[]; onDone: () => void }) {
  const write = useWriteContext();
  const { docs: selected } = useLiveQuery<Order>('orders', { selector: { id: { $in: [...selectedIds] } } });
  const step = bulkStepLabel(selected);
  const cancellable = selected.filter((order) => orderNextStep(order.status)).length;
  const count = selectedIds.length;
  const run = (task: Promise<number>) => void task.then(onDone);
  return (
    <section
      aria-label="Selected orders"
      data-slot="order-bulk-bar"
      className="flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface-raised px-3 py-2"
    >
      <p className="font-medium text-sm" aria-live="polite">
        {count === 1 ? '1 order selected' : `${count} orders selected`}
      </p>
      <Button size="sm" disabled={!step} onClick={() => run(advanceOrders(write, selectedIds))}>
        {step ?? 'No next step'}
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline">
            Set priority <ChevronDownIcon aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuLabel>Priority</DropdownMenuLabel>
          {orderPriorities.map((priority) => (
            <DropdownMenuItem key={priority} onSelect={() => run(setOrdersPriority(write, selectedIds, priority))}>
              {orderPriorityLabel[priority]}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="outline" disabled={cancellable === 0}>
            Cancel orders
          </Button>
        }
        title={cancellable === 1 ? 'Cancel 1 order?' : `Cancel ${cancellable} orders?`}
        description={`Cancelled orders stay in the list, marked cancelled; the toast offers an Undo.${
          cancellable < count ? ' Orders already delivered or cancelled stay as they are.' : ''
        }`}
        cancelLabel="Keep them"
        confirmLabel="Cancel orders"
        danger
        onConfirm={() => run(cancelOrders(write, selectedIds))}
      />
      <Button size="sm" variant="ghost" className="ml-auto" onClick={onDone}>
        Clear selection
      </Button>
    </section>
  );
}
