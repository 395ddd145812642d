// Every order: virtualised, searchable, sortable and filterable by status, with a sync dot per row; create an
// order and advance one along the flow from here.

import { useLiveQuery } from '@syncline/data';
import { nextOrderStatus, type Order, orderStatusFlow } from '@syncline/domain';
import {
  Button,
  type ColumnDef,
  DataTable,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@syncline/ui';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { NewOrderDialog } from '../components/new-order-dialog';
import { formatCents, statusLabel } from '../lib/format';
import { advanceOrder } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

function AdvanceButton({ order }: { order: Order }) {
  const write = useWriteContext();
  const next = nextOrderStatus(order.status);
  if (!next) return null;
  return (
    <Button size="sm" variant="outline" onClick={() => void advanceOrder(write, order.id)}>
      {`Mark #${order.number} ${statusLabel[next].toLowerCase()}`}
    </Button>
  );
}

const columns: ColumnDef<Order, unknown>[] = [
  {
    id: 'sync',
    header: 'Sync',
    enableSorting: false,
    enableHiding: false,
    size: 56,
    cell: ({ row }) => <ConnectedSyncDot collection="orders" id={row.original.id} />,
  },
  {
    accessorKey: 'number',
    header: 'Number',
    cell: ({ row }) => (
      <Link to={`/orders/${row.original.id}`} className="font-mono tabular-nums hover:underline">
        #{row.original.number}
      </Link>
    ),
  },
  { accessorKey: 'customerName', header: 'Customer' },
  { accessorKey: 'status', header: 'Status', filterFn: 'equals', cell: ({ row }) => statusLabel[row.original.status] },
  {
    accessorKey: 'priority',
    header: 'Priority',
    cell: ({ row }) => <span className="capitalize">{row.original.priority}</span>,
  },
  {
    id: 'total',
    accessorFn: (order) => order.totals.total,
    header: 'Total',
    cell: ({ row }) => <span className="font-mono tabular-nums">{formatCents(row.original.totals.total)}</span>,
  },
  { id: 'actions', header: 'Actions', enableSorting: false, cell: ({ row }) => <AdvanceButton order={row.original} /> },
];

export function OrdersPage() {
  const { docs: orders } = useLiveQuery<Order>('orders', { sort: [{ number: 'desc' }] });
  const [status, setStatus] = useState<string>('all');
  const navigate = useNavigate();
  const filters = useMemo(() => (status === 'all' ? [] : [{ id: 'status', value: status }]), [status]);

  return (
    <>
      <PageHeader
        title="Orders"
        description={`${orders.length.toLocaleString()} orders`}
        actions={<NewOrderDialog />}
      />
      <DataTable
        label="Orders"
        data={orders}
        columns={columns}
        getRowId={(order) => order.id}
        searchPlaceholder="Search by customer, number or status"
        columnFilters={filters}
        onRowActivate={(order) => navigate(`/orders/${order.id}`)}
        rowProps={(order) => ({ 'data-order-id': order.id })}
        height="calc(100svh - 16rem)"
        toolbar={
          <Select value={status} onValueChange={setStatus}>
            <SelectTrigger aria-label="Filter by status" className="w-44">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">All statuses</SelectItem>
              {orderStatusFlow.map((value) => (
                <SelectItem key={value} value={value}>
                  {statusLabel[value]}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        }
      />
    </>
  );
}
