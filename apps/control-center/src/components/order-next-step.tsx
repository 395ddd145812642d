// What an order shows in the list, as a table row or as a card: its one next step ("Start washing", named for a
// screen reader after the order too) and its due time, with "Overdue" once it has passed.
import { isOrderOverdue, type Order, orderNextStep } from '@syncline/domain';
import { Badge, Button } from '@syncline/ui';
import { formatDue } from '../lib/format';
import { useOrderRowActions } from './order-row-actions';

export function NextStepButton({ order, className }: { order: Order; className?: string }) {
  const { advance } = useOrderRowActions();
  const step = orderNextStep(order.status);
  if (!step) return null;
  return (
    <Button
      size="sm"
      variant="outline"
      className={className}
      aria-label={`${step.label}, order #${order.number}`}
      onClick={() => advance(order.id)}
    >
      {step.label}
    </Button>
  );
}

export function OrderDue({ order }: { order: Order }) {
  if (order.dueAt === undefined) return null;
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap tabular-nums">
      {formatDue(order.dueAt)}
      {isOrderOverdue(order, Date.now()) ? <Badge variant="error">Overdue</Badge> : null}
    </span>
  );
}
