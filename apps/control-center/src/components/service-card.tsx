// A service in the catalogue on a phone (or any place too narrow for the table): name, sync dot and price on the first
// line, its code, unit, tax and whether new orders offer it, then a manager's buttons, each a finger-sized target.
import { type Service, serviceUnitLabel } from '@syncline/domain';
import { Badge } from '@syncline/ui';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { formatCents } from '../lib/format';
import { formatTaxRate } from '../lib/services';

export type ServiceCardProps = {
  service: Service;
  /** A manager's buttons for the service; absent for a role that only reads the catalogue. */
  actions?: React.ReactNode;
};

export function ServiceCard({ service, actions }: ServiceCardProps) {
  return (
    <div data-slot="service-card" className="flex flex-col gap-2 text-sm">
      <div className="flex items-center gap-3">
        <span className="min-w-0 truncate font-medium">{service.name}</span>
        <ConnectedSyncDot collection="services" id={service.id} />
        <span className="ml-auto font-mono tabular-nums">{formatCents(service.unitPrice)}</span>
      </div>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-foreground-muted">
        <span className="font-mono">{service.sku}</span>
        <span>{serviceUnitLabel[service.unit]}</span>
        <span>Tax {formatTaxRate(service.taxRate)}</span>
        {service.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Inactive</Badge>}
      </div>
      {actions}
    </div>
  );
}
