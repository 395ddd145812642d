// A labelled picker of one value of an enum, in the words its domain gives each value (a priority, a unit).
import { FormField, Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@syncline/ui';

export interface EnumFieldProps<V extends string> {
  label: string;
  values: readonly V[];
  labels: Record<V, string>;
  value: V;
  onChange: (value: V) => void;
}

export function EnumField<V extends string>({ label, values, labels, value, onChange }: EnumFieldProps<V>) {
  return (
    <Select value={value} onValueChange={(next) => onChange(next as V)}>
      <FormField label={label}>
        <SelectTrigger>
          <SelectValue />
        </SelectTrigger>
      </FormField>
      <SelectContent>
        {values.map((option) => (
          <SelectItem key={option} value={option}>
            {labels[option]}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
