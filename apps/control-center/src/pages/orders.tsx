// Every order: search, filter by status, a sync dot per row, create and advance along the flow.

import { useDocSyncState, useLiveQuery } from '@syncline/data';
import { type Order, orderStatusFlow } from '@syncline/domain';
import {
  Button,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@syncline/ui';
import { SyncDot } from '@syncline/ui/sync';
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { NewOrderDialog } from '../components/new-order-dialog';
import { formatCents, nextStatus, statusLabel } from '../lib/format';
import { advanceOrder } from '../lib/orders';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

const VISIBLE = 200;

const OrderRow = memo(function OrderRow({ order }: { order: Order }) {
  const state = useDocSyncState('orders', order.id);
  const write = useWriteContext();
  const next = nextStatus(order.status);
  return (
    <TableRow data-order-id={order.id} data-sync-state={state}>
      <TableCell className="w-8">
        <SyncDot state={state} />
      </TableCell>
      <TableCell className="font-mono tabular-nums">
        <Link to={`/orders/${order.id}`} className="hover:underline">
          #{order.number}
        </Link>
      </TableCell>
      <TableCell>{order.customerName}</TableCell>
      <TableCell>{statusLabel[order.status]}</TableCell>
      <TableCell className="capitalize">{order.priority}</TableCell>
      <TableCell className="text-right font-mono tabular-nums">{formatCents(order.totals.total)}</TableCell>
      <TableCell className="text-right">
        {next ? (
          <Button size="sm" variant="outline" onClick={() => void advanceOrder(write, order.id)}>
            {`Mark #${order.number} ${statusLabel[next].toLowerCase()}`}
          </Button>
        ) : null}
      </TableCell>
    </TableRow>
  );
});

export function OrdersPage() {
  const { docs: orders, loading } = useLiveQuery<Order>('orders', { sort: [{ number: 'desc' }] });
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string>('all');
  const query = useDeferredValue(search.trim().toLowerCase());
  const matches = useMemo(
    () =>
      orders.filter(
        (order) =>
          (status === 'all' || order.status === status) &&
          (!query || order.customerName.toLowerCase().includes(query) || String(order.number).includes(query)),
      ),
    [orders, status, query],
  );

  return (
    <>
      <PageHeader
        title="Orders"
        description={`${matches.length.toLocaleString()} of ${orders.length.toLocaleString()} orders`}
        actions={<NewOrderDialog />}
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Input
          aria-label="Search orders"
          placeholder="Search by customer or number"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="max-w-xs"
        />
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
      </div>
      <Table aria-label="Orders" aria-busy={loading}>
        <TableHeader>
          <TableRow>
            <TableHead>
              <span className="sr-only">Sync</span>
            </TableHead>
            <TableHead>Number</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Priority</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead className="text-right">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {matches.slice(0, VISIBLE).map((order) => (
            <OrderRow key={order.id} order={order} />
          ))}
        </TableBody>
      </Table>
      {matches.length > VISIBLE ? (
        <p className="mt-3 text-foreground-muted text-sm">
          Showing the newest {VISIBLE}; search or filter to find others.
        </p>
      ) : null}
    </>
  );
}
