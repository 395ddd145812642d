// Every order: virtualised, searchable, sortable and filterable by status, with a sync dot per row; create an
// order and advance one along the flow from here. The page reads only the rows in view (and counts the rest from
// an index), so it opens as fast with 100,000 orders as with 10,000.

import { useCan, useLiveCount, useLiveWindow } from '@syncline/data';
import { nextOrderStatus, type Order, type OrderStatus, orderStatusFlow } from '@syncline/domain';
import {
  Button,
  type ColumnDef,
  DataTable,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  type SortingState,
} from '@syncline/ui';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { NewOrderDialog } from '../components/new-order-dialog';
import { formatCents, statusLabel } from '../lib/format';
import { newestFirst, orderQueries } from '../lib/order-search';
import { advanceOrder } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

function AdvanceButton({ order }: { order: Order }) {
  const write = useWriteContext();
  const can = useCan('orders');
  const next = nextOrderStatus(order.status);
  if (!next || !can('update')) return null;
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
  { accessorKey: 'status', header: 'Status', cell: ({ row }) => statusLabel[row.original.status] },
  {
    accessorKey: 'priority',
    header: 'Priority',
    // no index sorts by priority or total: sorting by them would read every order
    enableSorting: false,
    cell: ({ row }) => <span className="capitalize">{row.original.priority}</span>,
  },
  {
    id: 'total',
    accessorFn: (order) => order.totals?.total,
    header: 'Total',
    enableSorting: false,
    cell: ({ row }) => {
      const { totals } = row.original;
      return totals ? <span className="font-mono tabular-nums">{formatCents(totals.total)}</span> : null;
    },
  },
  { id: 'actions', header: 'Actions', enableSorting: false, cell: ({ row }) => <AdvanceButton order={row.original} /> },
];

export function OrdersPage() {
  const [status, setStatus] = useState<OrderStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [sorting, setSorting] = useState<SortingState>(newestFirst);
  const queries = useMemo(() => orderQueries({ search, status, sorting }), [search, status, sorting]);
  const { count: total } = useLiveCount<Order>('orders');
  const shown = useLiveWindow<Order>('orders', queries);
  const navigate = useNavigate();
  const narrowed = status !== 'all' || search.trim() !== '';
  const can = useCan('orders');
  // a role that may not see the money, or change orders, gets no column for them
  const shownColumns = useMemo(
    () =>
      columns.filter(
        (column) => (column.id !== 'total' || can('read', 'totals')) && (column.id !== 'actions' || can('update')),
      ),
    [can],
  );

  return (
    <>
      <PageHeader
        title="Orders"
        description={
          narrowed
            ? `${shown.count.toLocaleString()} of ${total.toLocaleString()} orders`
            : `${total.toLocaleString()} orders`
        }
        actions={can('create') ? <NewOrderDialog /> : null}
      />
      <DataTable
        label="Orders"
        data={shown.rows}
        rowCount={shown.count}
        rowOffset={shown.offset}
        onVisibleRowsChange={shown.showRows}
        onSortingChange={setSorting}
        onSearchChange={setSearch}
        defaultSorting={newestFirst}
        emptyText={shown.loading ? 'Loading orders…' : 'No orders match.'}
        columns={shownColumns}
        getRowId={(order) => order.id}
        searchPlaceholder="Search by number or customer"
        onRowActivate={(order) => navigate(`/orders/${order.id}`)}
        rowProps={(order) => ({ 'data-order-id': order.id })}
        height="calc(100svh - 16rem)"
        toolbar={
          <Select value={status} onValueChange={(value) => setStatus(value as OrderStatus | 'all')}>
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
