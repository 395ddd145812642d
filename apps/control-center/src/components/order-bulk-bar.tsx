// What a person can do to the orders they selected on the orders page, all at once (in the kit's BulkActionBar): move each one step along the
// flow, set a priority, or cancel them (after a confirmation). Writes through the same functions as one order's
// buttons, so the history entries, the toast and its Undo are the same. A selection can grow to every order the view
// matches ("Select all 1,204 matching"), not only the rows loaded.
import { type Order, orderNextStep, orderPriorities, orderPriorityLabel } from '@syncline/domain';
import {
  BulkActionBar,
  Button,
  ConfirmDialog,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@syncline/ui';
import { ChevronDownIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { advanceOrders, bulkStepLabel, cancelOrders, setOrdersPriority } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';

export interface OrderBulkBarProps {
  selectedIds: readonly string[];
  /** how many orders the view matches */
  matchingCount: number;
  onSelectAllMatching: () => void;
  onDone: () => void;
}

/** The selected orders, kept live, found by id (a selection of every order matching is many thousand ids). */
function useSelectedOrders(selectedIds: readonly string[]): Order[] {
  const { database } = useWriteContext();
  const [selected, setSelected] = useState<Order[]>([]);
  useEffect(() => {
    const subscription = database.orders
      .findByIds([...selectedIds])
      .$.subscribe((found) => setSelected([...found.values()].map((doc) => doc.toJSON() as Order)));
    return () => subscription.unsubscribe();
  }, [database, selectedIds]);
  return selected;
}

const orderNoun = { one: 'order', other: 'orders' };

export function OrderBulkBar({ selectedIds, matchingCount, onSelectAllMatching, onDone }: OrderBulkBarProps) {
  const write = useWriteContext();
  const selected = useSelectedOrders(selectedIds);
  const step = bulkStepLabel(selected);
  const cancellable = selected.filter((order) => orderNextStep(order.status)).length;
  const count = selectedIds.length;
  const run = (task: Promise<number>) => void task.then(onDone);
  return (
    <BulkActionBar
      label="Selected orders"
      count={count}
      noun={orderNoun}
      onClearSelection={onDone}
      selection={
        count < matchingCount ? (
          <Button size="sm" variant="ghost" onClick={onSelectAllMatching}>
            Select all {matchingCount.toLocaleString()} matching
          </Button>
        ) : null
      }
      actions={
        <>
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
        </>
      }
    />
  );
}
