// How today is going: revenue, orders due and overdue, throughput and machine utilisation with their trends; orders
// by status and machines by state; alarms most severe first, acknowledged in place; and sync health in the header's
// own words, read from the same phase, so the two never disagree.

import { useCan, useLiveQuery } from '@syncline/data';
import {
  type Figure,
  type Machine,
  machineStates,
  machineUtilisation,
  orderStatusFlow,
  relativeChange,
  utilisationTrend,
} from '@syncline/domain';
import { Card, CardContent, CardDescription, CardHeader, CardTitle, MetricCard, type MetricDelta } from '@syncline/ui';
import { useShownSyncPhase, useSyncSnapshot } from '@syncline/ui/connected';
import { AlarmChip, sortAlarms } from '@syncline/ui/machine';
import { syncPhaseDescription, syncPhaseLabel, useNow } from '@syncline/ui/sync';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatCents, formatDateTime, formatShare, plural } from '../lib/format';
import { machinePath } from '../lib/machine-view';
import { acknowledgeAlarm } from '../lib/machines';
import { useOrderCounts, useTodayOrderFigures } from '../lib/order-figures';
import { useWriteContext } from '../lib/use-write-context';
import { watchUtilisation } from '../lib/utilisation-watch';
import { PageHeader } from './page-header';

/** A card of counts as bars, titled by what it counts. */
function CountCard<K extends string>({
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
    <Card>
      <CardHeader>
        <CardTitle>{label}</CardTitle>
      </CardHeader>
      <CardContent>
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
      </CardContent>
    </Card>
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

/** A figure's delta for its card, or none when there is nothing to compare with. */
function deltaOf(figure: Figure, comparedTo: string, options: Omit<MetricDelta, 'change' | 'comparedTo'> = {}) {
  const change =
    options.unit === 'points' && figure.previous !== null
      ? figure.value - figure.previous
      : relativeChange(figure.value, figure.previous);
  return change === null ? null : { change, comparedTo, ...options };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** Today's four figures, each with its trend and its change on the period before. */
function TodayFigures({ machines, now }: { machines: Machine[]; now: number }) {
  const mayReadTotals = useCan('orders')('read', 'totals');
  const { revenue, due, throughput } = useTodayOrderFigures(now);
  const share = machineUtilisation(machines);
  const utilisation = utilisationTrend(share ?? 0, watchUtilisation(share, now), now);
  const running = machines.filter((machine) => machine.state === 'running').length;
  return (
    <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      {/* a role that may not see the money receives orders without their totals: no revenue to show */}
      {mayReadTotals ? (
        <MetricCard
          label="Revenue today"
          value={formatCents(revenue.value)}
          detail={`${formatCents(sum(revenue.trend))} over the last ${plural(revenue.trend.length, 'day')}`}
          delta={deltaOf(revenue, 'on this time yesterday')}
          trend={{
            values: revenue.trend,
            label: `Revenue per day, last ${revenue.trend.length} days`,
            formatValue: formatCents,
          }}
        />
      ) : null}
      <MetricCard
        label="Orders due today"
        value={due.value.toLocaleString()}
        detail={`${due.toGo.toLocaleString()} to go · ${due.overdue.toLocaleString()} overdue`}
        delta={deltaOf(due, 'on yesterday', { rise: 'neutral' })}
        trend={{ values: due.trend, label: `Orders due per day, last ${due.trend.length} days` }}
        link={<Link to="/orders">Order list</Link>}
      />
      <MetricCard
        label="Orders finished, last hour"
        value={throughput.value.toLocaleString()}
        detail={`${plural(sum(throughput.trend), 'order')} in the last ${throughput.trend.length} hours`}
        delta={deltaOf(throughput, 'on the hour before')}
        trend={{ values: throughput.trend, label: `Orders finished per hour, last ${throughput.trend.length} hours` }}
      />
      <MetricCard
        label="Machine utilisation"
        value={share === null ? '—' : formatShare(share)}
        detail={
          share === null
            ? 'No machines on this device yet'
            : `${running} of ${plural(machines.length, 'machine')} running`
        }
        delta={share === null ? null : deltaOf(utilisation, 'on the hour before', { unit: 'points' })}
        // a line needs two points: until this device has watched for an hour there is only now
        trend={
          share === null || utilisation.trend.length < 2
            ? undefined
            : {
                values: utilisation.trend,
                label: 'Share of machines running per hour, seen on this device',
                domain: [0, 1],
                formatValue: formatShare,
              }
        }
        link={<Link to="/machines">Machine floor</Link>}
      />
    </div>
  );
}

/** Alarms to list: the open ones, and those acknowledged since the page opened, so one acknowledged here stays in place. */
function AlarmsCard({ machines, now }: { machines: Machine[]; now: number }) {
  const [openedAt] = useState(() => Date.now());
  const write = useWriteContext();
  const mayAcknowledge = useCan('machines')('update');
  const rows = sortAlarms(
    machines.flatMap((machine) =>
      machine.alarms
        .filter((alarm) => alarm.acknowledgedAt == null || alarm.acknowledgedAt >= openedAt)
        .map((alarm) => ({ machine, alarm })),
    ),
    (row) => row.alarm,
  );
  const open = rows.filter(({ alarm }) => alarm.acknowledgedAt == null).length;
  const shown = rows.slice(0, 8);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Alarms</CardTitle>
        <CardDescription>
          {open === 0 ? 'None open.' : `${plural(open, 'open alarm')}, most severe first.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.length === 0 ? (
          <p className="text-foreground-muted text-sm">No open alarms.</p>
        ) : (
          <ul aria-label="Alarms, most severe first" className="flex flex-col gap-3">
            {shown.map(({ machine, alarm }) => (
              <li key={alarm.id} className="flex flex-col gap-1 text-sm">
                <Link to={machinePath(machine.id)} className="w-fit font-medium hover:underline">
                  {machine.name}
                </Link>
                <AlarmChip
                  alarm={alarm}
                  now={now}
                  onAcknowledge={
                    mayAcknowledge ? (alarmId) => void acknowledgeAlarm(write, machine.id, alarmId) : undefined
                  }
                />
              </li>
            ))}
          </ul>
        )}
        {rows.length > shown.length ? (
          <p className="mt-3 text-foreground-muted text-sm">
            {plural(rows.length - shown.length, 'more alarm')} on the machines' own pages.
          </p>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** The header's sync status in the same words (the same phase, the same snapshot), with what waits and when it last synced. */
function SyncHealthCard() {
  const status = useSyncSnapshot();
  const phase = useShownSyncPhase();
  const counts = [
    ['Waiting to send', status.pendingCount ?? 0],
    ['Failed', status.failedCount ?? 0],
    ['Need review', status.conflictCount ?? 0],
  ] as const;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Sync health</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <p data-slot="sync-health-label" data-phase={phase} className="font-medium">
          {syncPhaseLabel(phase, status)}
        </p>
        <p className="text-foreground-muted">{syncPhaseDescription(phase, status)}</p>
        <dl className="grid grid-cols-3 gap-3">
          {counts.map(([label, count]) => (
            <div key={label} className="flex flex-col">
              <dt className="text-foreground-muted text-xs">{label}</dt>
              <dd className="font-medium font-mono text-lg tabular-nums">{count.toLocaleString()}</dd>
            </div>
          ))}
        </dl>
        <p className="text-foreground-muted">
          Last acknowledged by the server:{' '}
          {formatDateTime(status.lastSyncedAt == null ? undefined : new Date(status.lastSyncedAt).getTime())}
        </p>
        <Link to="/sync" className="w-fit font-medium text-primary-text underline-offset-4 hover:underline">
          Status details
        </Link>
      </CardContent>
    </Card>
  );
}

export function DashboardPage() {
  // the orders counted from indexes, and today's figures read from the days they cover: never the whole shop
  const orders = useOrderCounts();
  const { docs: machines } = useLiveQuery<Machine>('machines');
  // re-render every 30 s so the hours move on; each render reads the time itself, so a figure counts the write that
  // re-rendered it even between two ticks
  useNow(undefined, 30_000);
  const now = Date.now();

  return (
    <>
      <PageHeader
        title="Dashboard"
        description={`${orders.total.toLocaleString()} orders · ${machines.length} machines`}
      />
      <div className="flex flex-col gap-4">
        <TodayFigures machines={machines} now={now} />
        <div className="grid gap-4 lg:grid-cols-2">
          <AlarmsCard machines={machines} now={now} />
          <SyncHealthCard />
          <CountCard label="Orders by status" counts={orders.byStatus} order={orderStatusFlow} barClass={statusBars} />
          <CountCard
            label="Machines by state"
            counts={countBy(machines, (m) => m.state)}
            order={machineStates}
            barClass={machineBars}
          />
        </div>
      </div>
    </>
  );
}
