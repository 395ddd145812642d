// An order's status and priority as badges, in the kit's colours: a status says where the order is in the shop's
// flow (in progress, ready, done), a priority stays quiet when low or normal and stands out when high or urgent.
// Their words come from the domain, as every dropdown and export has them.
import { type OrderPriority, type OrderStatus, orderPriorityLabel, orderStatusLabel } from '@syncline/domain';
import { Badge, type BadgeProps } from '@syncline/ui';

type Variant = NonNullable<BadgeProps['variant']>;
type FieldBadgeProps<V> = Omit<BadgeProps, 'variant' | 'children'> & { value: V };

const statusVariant: Record<OrderStatus, Variant> = {
  received: 'neutral',
  washing: 'info',
  drying: 'info',
  folding: 'info',
  ready: 'success',
  cancelled: 'error',
  delivered: 'outline',
};

const priorityVariant: Record<OrderPriority, Variant> = {
  low: 'outline',
  normal: 'neutral',
  high: 'warning',
  urgent: 'error',
};

export function OrderStatusBadge({ value, ...props }: FieldBadgeProps<OrderStatus>) {
  return (
    <Badge variant={statusVariant[value]} data-field="status" data-value={value} {...props}>
      {orderStatusLabel[value]}
    </Badge>
  );
}

export function OrderPriorityBadge({ value, ...props }: FieldBadgeProps<OrderPriority>) {
  return (
    <Badge variant={priorityVariant[value]} data-field="priority" data-value={value} {...props}>
      {orderPriorityLabel[value]}
    </Badge>
  );
}
