// The type-ahead finder of a service in the catalogue's active services, by a word of its name, each with its price:
// what an order line is taken from, in the new-order dialog and in an order's lines editor. FormField around it gives
// it its label and error.
import type { Service } from '@syncline/domain';
import { Combobox, type ComboboxProps } from '@syncline/ui';
import { useMemo } from 'react';
import { formatServicePrice } from '../lib/services';

export type ServiceFinderProps = Omit<ComboboxProps, 'options' | 'listLabel' | 'emptyText' | 'onCreate'> & {
  services: readonly Service[];
};

export function ServiceFinder({ services, placeholder = 'Type a service', ...props }: ServiceFinderProps) {
  const options = useMemo(
    () =>
      services.map((service) => ({ value: service.id, label: service.name, description: formatServicePrice(service) })),
    [services],
  );
  return (
    <Combobox
      options={options}
      listLabel="Services"
      emptyText="No service has that name."
      placeholder={placeholder}
      {...props}
    />
  );
}
