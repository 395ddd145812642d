// The morning overview: orders by status, machines by state, open alarms and sync health.

import { useLiveQuery, useSyncStatus } from '@syncline/data';
import { type Machine, machineStates, type Order, orderStatusFlow } from '@syncline/domain';
import { Badge, Card, CardContent, CardHeader, CardTitle } from '@syncline/ui';
import { AlarmChip, sortAlarms } from '@syncline/ui/machine';
import { useNow } from '@syncline/ui/sync';
import { Link } from 'react-router';
import { machinePath } from '../lib/machine-view';
import { PageHeader } from './page-header';

function CountBars<K extends string>({
  label,
  counts,
  order,
  barClass,
}: {
  label: string;
  counts: Record<K, number>;
  order: readonly K[];
  barClass: Record<K, string>;
}) {
  const total = Math.max(1, ...order.map((key) => counts[key] ?? 0));
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {order.map((key) => (
        <li key={key} className="grid grid-cols-[7rem_1fr_3rem] items-center gap-3 text-sm">
          <span className="text-foreground-muted capitalize">{key}</span>
          <span className="h-2 rounded-full bg-background-muted">
            <span
              className={`block h-2 rounded-full ${barClass[key]}`}
              style={{ width: `${((counts[key] ?? 0) / total) * 100}%` }}
            />
          </span>
          <span className="text-right font-mono tabular-nums">{counts[key] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}

function countBy<T, K extends string>(items: readonly T[], key: (item: T) => K): Record<K, number> {
  const counts = {} as Record<K, number>;
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

const statusBars = {
  received: 'bg-primary',
  washing: 'bg-machine-running',
  drying: 'bg-machine-running',
  folding: 'bg-machine-running',
  ready: 'bg-success',
  cancelled: 'bg-foreground-subtle',
  delivered: 'bg-sync-synced',
} as const;
const machineBars = {
  idle: 'bg-machine-idle',
  running: 'bg-machine-running',
  paused: 'bg-machine-paused',
  done: 'bg-machine-done',
  error: 'bg-machine-error',
  maintenance: 'bg-machine-maintenance',
} as const;

export function DashboardPage() {
  const { docs: orders } = useLiveQuery<Order>('orders');
  const { docs: machines } = useLiveQuery<Machine>('machines');
  const pending = useSyncStatus((s) => s.pendingCount);
  const conflicts = useSyncStatus((s) => s.conflictCount);
  const connection = useSyncStatus((s) => s.connection);
  const now = useNow(undefined, 30_000);
  const alarms = sortAlarms(
    machines.flatMap((machine) =>
      machine.alarms.filter((alarm) => !alarm.acknowledgedAt).map((alarm) => ({ machine, alarm })),
    ),
    (row) => row.alarm,
  );

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${orders.length.toLocaleString()} orders · ${machines.length} machines`}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Orders by status</CardTitle>
          </CardHeader>
          <CardContent>
            <CountBars
              label="Orders by status"
              counts={countBy(orders, (o) => o.status)}
              order={orderStatusFlow}
              barClass={statusBars}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Machines by state</CardTitle>
          </CardHeader>
          <CardContent>
            <CountBars
              label="Machines by state"
              counts={countBy(machines, (m) => m.state)}
              order={machineStates}
              barClass={machineBars}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Open alarms</CardTitle>
          </CardHeader>
          <CardContent>
            {alarms.length === 0 ? (
              <p className="text-foreground-muted text-sm">No open alarms.</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {alarms.slice(0, 8).map(({ machine, alarm }) => (
                  <li key={alarm.id} className="flex items-center justify-between gap-3 text-sm">
                    <Link to={machinePath(machine.id)} className="font-medium hover:underline">
                      {machine.name}
                    </Link>
                    <AlarmChip alarm={alarm} now={now} />
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Sync health</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2 text-sm">
            <Badge variant={connection === 'online' ? 'success' : 'warning'}>{connection}</Badge>
            <Link to="/sync">
              <Badge variant={pending > 0 ? 'warning' : 'neutral'}>{pending} pending</Badge>
            </Link>
            <Link to="/conflicts">
              <Badge variant={conflicts > 0 ? 'error' : 'neutral'}>{conflicts} conflicts</Badge>
            </Link>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
