// The service catalogue: every service with its price, unit, tax rate and whether new orders offer it. Managers add,
// edit and deactivate services here (synced to every device); everyone else reads the catalogue as it is. On a phone
// each service is a card.

import { useCan, useLiveQuery } from '@syncline/data';
import { type Service, serviceUnitLabel } from '@syncline/domain';
import { Badge, Button, type ColumnDef, cn, DataTable, type SortingState } from '@syncline/ui';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { PlusIcon } from 'lucide-react';
import { useCallback, useMemo } from 'react';
import { ServiceCard } from '../components/service-card';
import { ServiceDialog } from '../components/service-dialog';
import { formatCents } from '../lib/format';
import { formatTaxRate, setServiceActive } from '../lib/services';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

const byName: SortingState = [{ id: 'name', desc: false }];
const everyService = { sort: [{ name: 'asc' as const }] };

const columns: ColumnDef<Service, unknown>[] = [
  {
    id: 'sync',
    header: 'Sync',
    enableSorting: false,
    enableHiding: false,
    size: 56,
    cell: ({ row }) => <ConnectedSyncDot collection="services" id={row.original.id} />,
  },
  { accessorKey: 'name', header: 'Service', enableHiding: false },
  {
    accessorKey: 'sku',
    header: 'Code',
    cell: ({ row }) => <span className="font-mono">{row.original.sku}</span>,
  },
  {
    accessorKey: 'unitPrice',
    header: 'Unit price',
    meta: { align: 'end' },
    cell: ({ row }) => <span className="font-mono">{formatCents(row.original.unitPrice)}</span>,
  },
  { accessorKey: 'unit', header: 'Unit', cell: ({ row }) => serviceUnitLabel[row.original.unit] },
  {
    accessorKey: 'taxRate',
    header: 'Tax',
    meta: { align: 'end' },
    cell: ({ row }) => formatTaxRate(row.original.taxRate),
  },
  {
    accessorKey: 'active',
    header: 'Offered',
    cell: ({ row }) =>
      row.original.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Inactive</Badge>,
  },
];

/** A manager's buttons for one service: edit it, or stop (start again) offering it. */
function ServiceActions({
  service,
  catalogue,
  className,
}: {
  service: Service;
  catalogue: readonly Service[];
  className?: string;
}) {
  const write = useWriteContext();
  return (
    <div className={cn('flex justify-end gap-2', className)}>
      <ServiceDialog service={service} catalogue={catalogue}>
        <Button size="sm" variant="outline" aria-label={`Edit ${service.name}`}>
          Edit
        </Button>
      </ServiceDialog>
      <Button
        size="sm"
        variant="ghost"
        className="w-24"
        aria-label={`${service.active ? 'Deactivate' : 'Activate'} ${service.name}`}
        onClick={() => void setServiceActive(write, service, !service.active)}
      >
        {service.active ? 'Deactivate' : 'Activate'}
      </Button>
    </div>
  );
}

export function ServicesPage() {
  const { docs: services, loading } = useLiveQuery<Service>('services', everyService);
  const can = useCan('services');
  const mayEdit = can('update');
  const shownColumns = useMemo<ColumnDef<Service, unknown>[]>(
    () =>
      mayEdit
        ? [
            ...columns,
            {
              id: 'actions',
              header: () => <span className="sr-only">Actions</span>,
              enableSorting: false,
              enableHiding: false,
              size: 200,
              cell: ({ row }) => <ServiceActions service={row.original} catalogue={services} />,
            },
          ]
        : columns,
    [mayEdit, services],
  );
  const offered = services.filter((service) => service.active).length;
  // below the md breakpoint each service is a card, its buttons under it
  const renderCard = useCallback(
    (service: Service) => (
      <ServiceCard
        service={service}
        actions={
          mayEdit ? <ServiceActions service={service} catalogue={services} className="justify-start" /> : undefined
        }
      />
    ),
    [mayEdit, services],
  );

  return (
    <>
      <PageHeader
        title="Services"
        description={
          `${services.length} services, ${offered} offered on new orders.` +
          (mayEdit ? '' : ' Managers keep the catalogue; you can read it.')
        }
        actions={
          can('create') ? (
            <ServiceDialog catalogue={services}>
              <Button>
                <PlusIcon aria-hidden="true" /> Add service
              </Button>
            </ServiceDialog>
          ) : null
        }
      />
      <DataTable
        label="Services"
        data={services}
        columns={shownColumns}
        getRowId={(service) => service.id}
        rowLabel={(service) => service.name}
        rowProps={(service) => ({ 'data-service-id': service.id, 'data-active': String(service.active) })}
        defaultSorting={byName}
        renderCard={renderCard}
        searchPlaceholder="Search services"
        emptyText={loading ? 'Loading services…' : 'No services match.'}
        height="calc(100svh - 16rem)"
        shrink
      />
    </>
  );
}
