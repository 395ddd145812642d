// An order in the list on a phone (or any place too narrow for the table): number, sync dot and total on the first
// line, the customer, then status and priority badges with the due time, and the one next step. The whole card opens
// the order (the table's cards do that); its number stays a link, the accessible way in.
import type { Order } from '@syncline/domain';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { formatCents } from '../lib/format';
import { OrderPriorityBadge, OrderStatusBadge } from './order-badges';
import { NextStepButton, OrderDue } from './order-next-step';
import { OrderLink } from './order-row-actions';

export type OrderCardProps = {
  order: Order;
  /** The card's selection checkbox, from the table. */
  selectBox?: React.ReactNode;
  /** Whether the person may see money; a role that may not gets no total. */
  withTotal: boolean;
  /** Whether the person may change orders; one who may not gets no next step. */
  withNextStep: boolean;
};

export function OrderCard({ order, selectBox, withTotal, withNextStep }: OrderCardProps) {
  return (
    <div data-slot="order-card" className="flex flex-col gap-2 text-sm">
      <div className="flex items-center gap-3">
        {selectBox}
        <OrderLink
          id={order.id}
          number={order.number}
          className="inline-flex min-h-6 items-center font-medium font-mono tabular-nums hover:underline"
        />
        <ConnectedSyncDot collection="orders" id={order.id} />
        {withTotal && order.totals ? (
          <span className="ml-auto font-mono tabular-nums">{formatCents(order.totals.total)}</span>
        ) : null}
      </div>
      <p className="truncate font-medium">{order.customerName}</p>
      <div className="flex flex-wrap items-center gap-2">
        <OrderStatusBadge value={order.status} />
        <OrderPriorityBadge value={order.priority} />
        <span className="text-foreground-muted">
          <OrderDue order={order} />
        </span>
      </div>
      {withNextStep ? <NextStepButton order={order} className="self-start" /> : null}
    </div>
  );
}
