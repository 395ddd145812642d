// The labelled priority picker the order forms share.
import { type OrderPriority, orderPriorities, orderPriorityLabel } from '@syncline/domain';
import { FormField, Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@syncline/ui';

export function PriorityField({ value, onChange }: { value: OrderPriority; onChange: (value: OrderPriority) => void }) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as OrderPriority)}>
      <FormField label="Priority">
        <SelectTrigger>
          <SelectValue />
        </SelectTrigger>
      </FormField>
      <SelectContent>
        {orderPriorities.map((priority) => (
          <SelectItem key={priority} value={priority}>
            {orderPriorityLabel[priority]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
