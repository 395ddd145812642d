// The labelled priority picker the order forms share.
import { type OrderPriority, orderPriorities, orderPriorityLabel } from '@syncline/domain';
import { EnumField } from './enum-field';

export function PriorityField({ value, onChange }: { value: OrderPriority; onChange: (value: OrderPriority) => void }) {
  return (
    <EnumField
      label="Priority"
      values={orderPriorities}
      labels={orderPriorityLabel}
      value={value}
      onChange={onChange}
    />
  );
}
