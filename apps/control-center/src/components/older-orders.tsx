// Below the orders table while a search is typed: the orders this device no longer keeps (delivered or cancelled
// more than ORDER_KEPT_DAYS ago) searched on the sync server by number or customer, on request and while online.
// Each opens its order page, which keeps it on the device while it is open (useKeptDocument).
import { useSyncline, useSyncStatus } from '@syncline/data';
import { ORDER_KEPT_DAYS, type Order, orderStatusLabel } from '@syncline/domain';
import { Button, Spinner } from '@syncline/ui';
import { ArchiveIcon } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';

type Found =
  | { status: 'idle' }
  | { status: 'looking' }
  | { status: 'done'; orders: Order[] }
  | { status: 'failed'; message: string };

const SHOWN = 20;

/** Orders on the server whose number starts with the digits typed, or whose customer's name starts with the text. */
async function searchServer(
  replication: NonNullable<ReturnType<typeof useSyncline>['replication']>,
  search: string,
): Promise<Found> {
  const text = search.trim().replace(/^#/, '');
  const asks = [replication.lookup('orders', { field: 'customerName', prefix: text, limit: SHOWN })];
  if (/^\d+$/.test(text)) asks.push(replication.lookup('orders', { field: 'number', prefix: text, limit: SHOWN }));
  const answers = await Promise.all(asks);
  const byId = new Map<string, Order>();
  for (const answer of answers) {
    if (answer.status !== 'ok') return { status: 'failed', message: answer.message };
    for (const doc of answer.documents) byId.set(String(doc.id), doc as unknown as Order);
  }
  const orders = [...byId.values()].sort((a, b) => b.number - a.number).slice(0, SHOWN);
  return { status: 'done', orders };
}

export function OlderOrders({ search }: { search: string }) {
  const { replication } = useSyncline();
  const offline = useSyncStatus((status) => status.connection === 'offline');
  // a new search is a new component (its caller keys it by the search), so it never shows the last one's answer
  const [found, setFound] = useState<Found>({ status: 'idle' });
  if (!replication || search.trim() === '') return null;

  const ask = async () => {
    setFound({ status: 'looking' });
    setFound(await searchServer(replication, search));
  };

  return (
    <section aria-label="Older orders" className="mt-3 flex flex-col gap-2 text-sm">
      {found.status === 'done' ? (
        found.orders.length === 0 ? (
          <p className="text-foreground-muted">The sync server has no order matching “{search.trim()}” either.</p>
        ) : (
          <>
            <h2 className="font-medium">On the sync server</h2>
            <ul className="flex flex-col divide-y divide-border-subtle rounded-md border border-border">
              {found.orders.map((order) => (
                <li key={order.id}>
                  <Link
                    to={`/orders/${order.id}`}
                    className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 hover:bg-accent"
                  >
                    <span className="font-medium tabular-nums">#{order.number}</span>
                    <span>{order.customerName}</span>
                    <span className="text-foreground-muted">
                      {orderStatusLabel[order.status]} · received {formatDateTime(order.receivedAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )
      ) : (
        <div className="flex flex-wrap items-center gap-3 text-foreground-muted">
          <span>
            {offline
              ? `Orders finished more than ${ORDER_KEPT_DAYS} days ago can be searched on the server once online.`
              : `This device keeps open orders and those of the last ${ORDER_KEPT_DAYS} days.`}
          </span>
          <Button
            variant="outline"
            size="sm"
            disabled={offline || found.status === 'looking'}
            onClick={() => void ask()}
          >
            {found.status === 'looking' ? <Spinner size="sm" label={null} /> : <ArchiveIcon aria-hidden="true" />}
            Search older orders
          </Button>
          {found.status === 'failed' ? (
            <p role="alert" className="w-full text-error">
              {found.message}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
