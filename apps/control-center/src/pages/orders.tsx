// Every order: virtualised, searchable, sortable and filterable by status, with a sync dot, status and priority
// badges and the due time per row; a click on a row opens the order, one button moves it to its next step, and a
// selection takes bulk actions (on every order the view matches, if asked). The view (search, status, sort, columns)
// is in the address and can be saved by name. Create an order, or export the view as CSV, from here. The page reads only the
// rows in view (and counts the rest from an index), so it opens as fast with 100,000 orders as with 10,000.

import { useCan, useLiveCount, useLiveWindow } from '@syncline/data';
import { type Order, type OrderStatus, orderStatusFlow, orderStatusLabel } from '@syncline/domain';
import {
  Button,
  type ColumnDef,
  DataTable,
  type DataTableCardParts,
  type RowSelectionState,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  type VisibilityState,
} from '@syncline/ui';
import { ConnectedSyncDot } from '@syncline/ui/connected';
import { DownloadIcon } from 'lucide-react';
import { startTransition, useCallback, useMemo, useOptimistic, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { NewOrderDialog } from '../components/new-order-dialog';
import { OlderOrders } from '../components/older-orders';
import { OrderPriorityBadge, OrderStatusBadge } from '../components/order-badges';
import { OrderBulkBar } from '../components/order-bulk-bar';
import { OrderCard } from '../components/order-card';
import { NextStepButton, OrderDue } from '../components/order-next-step';
import { OrderLink, OrderRowActions } from '../components/order-row-actions';
import { OrderSavedViews } from '../components/order-saved-views';
import { formatCents } from '../lib/format';
import { newestFirst, orderQueries } from '../lib/order-search';
import { hideableOrderColumns, type OrderView, orderViewSearch, parseOrderView } from '../lib/order-view';
import { download, ordersCsv, ordersInView } from '../lib/orders-csv';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

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
    enableHiding: false,
    cell: ({ row }) => (
      <OrderLink id={row.original.id} number={row.original.number} className="font-mono tabular-nums hover:underline" />
    ),
  },
  { accessorKey: 'customerName', header: 'Customer' },
  {
    accessorKey: 'status',
    header: 'Status',
    cell: ({ row }) => <OrderStatusBadge value={row.original.status} />,
  },
  {
    accessorKey: 'priority',
    header: 'Priority',
    // no index sorts by priority, due time or total: sorting by them would read every order
    enableSorting: false,
    cell: ({ row }) => <OrderPriorityBadge value={row.original.priority} />,
  },
  { accessorKey: 'dueAt', header: 'Due', enableSorting: false, cell: ({ row }) => <OrderDue order={row.original} /> },
  {
    id: 'total',
    accessorFn: (order) => order.totals?.total,
    header: 'Total',
    enableSorting: false,
    meta: { align: 'end' },
    cell: ({ row }) => {
      const { totals } = row.original;
      return totals ? <span className="font-mono">{formatCents(totals.total)}</span> : null;
    },
  },
  {
    id: 'actions',
    header: 'Next step',
    enableSorting: false,
    enableHiding: false,
    // one width for every row's button, so the column reads as one straight edge
    size: 148,
    cell: ({ row }) => <NextStepButton order={row.original} className="w-full" />,
  },
];

const noSelection: RowSelectionState = {};

export function OrdersPage() {
  // the location rather than useSearchParams, which would add its helpers to the router every page loads
  const address = useLocation().search;
  const { viewId, ...addressed } = useMemo(() => parseOrderView(new URLSearchParams(address)), [address]);
  // A status picked is the view's at once, in the render that closes the list: its rows are read straight away and
  // shown as soon as they are (useLiveWindow), in the frame of the pick, while the address follows in the router's
  // own transition, which reads nothing again.
  const [pickedStatus, showPickedStatus] = useOptimistic(addressed.status);
  const view: OrderView = { ...addressed, status: pickedStatus };
  const [selection, setSelection] = useState<RowSelectionState>(noSelection);
  const navigate = useNavigate();
  const show = (next: OrderView, id = viewId) =>
    navigate({ search: orderViewSearch(next, id).toString() }, { replace: true });
  // the rows depend on the filters and sort only: showing or hiding a column reads nothing again
  const filterKey = orderViewSearch({ ...view, hidden: [] }).toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey is the filters and sort, in words
  const queries = useMemo(() => orderQueries(view), [filterKey]);
  const visibility = useMemo<VisibilityState>(
    () => Object.fromEntries(view.hidden.map((column) => [column, false])),
    [view.hidden],
  );
  const { count: total } = useLiveCount<Order>('orders');
  const shown = useLiveWindow<Order>('orders', queries);
  const { database } = useWriteContext();
  const narrowed = view.status !== 'all' || view.search.trim() !== '';
  const can = useCan('orders');
  const mayUpdate = can('update');
  const mayReadTotals = can('read', 'totals');
  // a role that may not see the money, or change orders, gets no column for them
  const shownColumns = useMemo(
    () =>
      columns.filter((column) => (column.id !== 'total' || mayReadTotals) && (column.id !== 'actions' || mayUpdate)),
    [mayReadTotals, mayUpdate],
  );
  // below the md breakpoint the orders are cards, with what the columns show
  const renderCard = useCallback(
    (order: Order, { selectBox }: DataTableCardParts) => (
      <OrderCard order={order} selectBox={selectBox} withTotal={mayReadTotals} withNextStep={mayUpdate} />
    ),
    [mayReadTotals, mayUpdate],
  );
  const selectedIds = useMemo(() => Object.keys(selection).filter((id) => selection[id]), [selection]);
  // a new filter or search starts a new selection: orders out of view are never changed unseen
  const narrow = (next: OrderView, id = viewId) => {
    setSelection(noSelection);
    show(next, id);
  };
  const chooseStatus = (value: string) => {
    const status = value as OrderStatus | 'all';
    // the new selection starts with the pick: a row ticked before the orders follow stays ticked
    setSelection(noSelection);
    startTransition(() => {
      showPickedStatus(status);
      show({ ...view, status });
    });
  };
  const selectAllMatching = async () => {
    const orders = await ordersInView(database, view);
    setSelection(Object.fromEntries(orders.map((order) => [order.id, true])));
  };
  const exportView = async () => {
    const orders = await ordersInView(database, view);
    const day = new Date().toISOString().slice(0, 10);
    download(`orders-${day}.csv`, ordersCsv(orders, { withTotals: mayReadTotals }));
  };

  // Rows arriving render the page again; the header's dialog and the toolbar's controls show the view, not its rows,
  // so they are made once per view and React leaves them alone (the Select's list, saved views and dialog re-rendered
  // with every answer before).
  const mayCreate = can('create');
  const newOrder = useMemo(() => (mayCreate ? <NewOrderDialog /> : null), [mayCreate]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the view is the address and the status picked; the handlers read nothing else that changes
  const toolbar = useMemo(
    () => (
      <>
        <OrderSavedViews view={view} viewId={viewId} onApply={narrow} />
        <Select value={pickedStatus} onValueChange={chooseStatus}>
          <SelectTrigger aria-label="Filter by status" className="w-44">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="all">All statuses</SelectItem>
            {orderStatusFlow.map((value) => (
              <SelectItem key={value} value={value}>
                {orderStatusLabel[value]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button variant="outline" size="sm" onClick={() => void exportView()}>
          <DownloadIcon aria-hidden="true" /> Export CSV
        </Button>
      </>
    ),
    [address, pickedStatus, database, mayReadTotals, navigate],
  );

  return (
    <OrderRowActions>
      <PageHeader
        title="Orders"
        description={
          narrowed
            ? `${shown.count.toLocaleString()} of ${total.toLocaleString()} orders`
            : `${total.toLocaleString()} orders`
        }
        actions={newOrder}
      />
      {selectedIds.length > 0 ? (
        <OrderBulkBar
          selectedIds={selectedIds}
          matchingCount={shown.count}
          onSelectAllMatching={() => void selectAllMatching()}
          onDone={() => setSelection(noSelection)}
        />
      ) : null}
      <DataTable
        label="Orders"
        data={shown.rows}
        rowCount={shown.count}
        rowOffset={shown.offset}
        onVisibleRowsChange={shown.showRows}
        sorting={view.sorting}
        onSortingChange={(sorting) => show({ ...view, sorting })}
        search={view.search}
        onSearchChange={(search) => narrow({ ...view, search })}
        columnVisibility={visibility}
        onColumnVisibilityChange={(next) =>
          show({ ...view, hidden: hideableOrderColumns.filter((column) => next[column] === false) })
        }
        defaultSorting={newestFirst}
        emptyText={shown.loading ? 'Loading orders…' : 'No orders match.'}
        columns={shownColumns}
        getRowId={(order) => order.id}
        rowLabel={(order) => `order #${order.number}`}
        selectable={mayUpdate}
        rowSelection={selection}
        onRowSelectionChange={setSelection}
        searchPlaceholder="Search by number or customer"
        onRowActivate={(order) => navigate(`/orders/${order.id}`)}
        activateOnClick
        renderCard={renderCard}
        rowProps={(order) => ({ 'data-order-id': order.id })}
        height="calc(100svh - 16rem)"
        shrink
        toolbar={toolbar}
      />
      <OlderOrders key={view.search} search={view.search} />
    </OrderRowActions>
  );
}
