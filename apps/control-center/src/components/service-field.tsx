// The labelled picker of a service from the catalogue's active services, with each one's price: what an order line
// is taken from, in the new-order dialog and on an order's page.
import type { Service } from '@syncline/domain';
import { FormField, Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@syncline/ui';
import { formatServicePrice } from '../lib/services';

export interface ServiceFieldProps {
  label: string;
  services: readonly Service[];
  /** the chosen service's id ('' while there is none) */
  value: string;
  onChange: (serviceId: string) => void;
  error?: string | undefined;
  required?: boolean;
  className?: string;
}

export function ServiceField({ label, services, value, onChange, error, required, className }: ServiceFieldProps) {
  return (
    <Select value={value} onValueChange={onChange}>
      <FormField className={className} label={label} error={error} required={required}>
        <SelectTrigger>
          <SelectValue placeholder="No services yet" />
        </SelectTrigger>
      </FormField>
      <SelectContent>
        {services.map((entry) => (
          <SelectItem key={entry.id} value={entry.id}>
            {entry.name} · {formatServicePrice(entry)}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
