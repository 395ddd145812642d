// What the shop took and handled over the last 7, 30 or 90 days (the period kept in the URL as ?days=): revenue and
// orders per day as bars and as a table, the period's totals, its orders by status, and the days as a CSV file. A role
// that may not see the money (it receives orders without their totals) sees the counts and no revenue. It reads the
// period's orders alone, on the index of the day they came in.

import { useCan } from '@syncline/data';
import {
  dailyReport,
  orderStatusFlow,
  ordersByStatus,
  type ReportDay,
  reportPeriodOf,
  reportPeriods,
  reportTotals,
} from '@syncline/domain';
import {
  BarChart,
  Button,
  buttonVariants,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  MetricCard,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@syncline/ui';
import { useNow } from '@syncline/ui/sync';
import { DownloadIcon } from 'lucide-react';
import { Link, useLocation } from 'react-router';
import { OrderStatusBadge } from '../components/order-badges';
import { formatCents, formatDay, plural } from '../lib/format';
import { useOrdersReceived } from '../lib/order-figures';
import { download } from '../lib/orders-csv';
import { localIsoDate, reportCsv } from '../lib/reports';
import { PageHeader } from './page-header';

const number = 'text-right font-mono tabular-nums';

/** The periods as links that keep the choice in the URL, the current one marked. */
function PeriodPicker({ days }: { days: number }) {
  return (
    <nav aria-label="Period" className="flex flex-wrap gap-2">
      {reportPeriods.map((period) => (
        <Link
          key={period}
          to={{ search: `?days=${period}` }}
          replace
          aria-current={period === days ? 'true' : undefined}
          className={buttonVariants({ variant: period === days ? 'primary' : 'outline', size: 'sm' })}
        >
          Last {period} days
        </Link>
      ))}
    </nav>
  );
}

/** The days newest first, so today is at the top: its orders and, when the role may see it, its revenue. */
function DaysTable({ days, withRevenue }: { days: readonly ReportDay[]; withRevenue: boolean }) {
  return (
    <Table aria-label="Per day">
      <TableHeader>
        <TableRow>
          <TableHead>Day</TableHead>
          <TableHead className="text-right">Orders</TableHead>
          {withRevenue ? <TableHead className="text-right">Revenue</TableHead> : null}
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...days].reverse().map((day) => (
          <TableRow key={day.start}>
            <TableCell>
              <time dateTime={localIsoDate(day.start)}>{formatDay(day.start)}</time>
            </TableCell>
            <TableCell className={number}>{day.orders.toLocaleString()}</TableCell>
            {withRevenue ? <TableCell className={number}>{formatCents(day.revenue)}</TableCell> : null}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function StatusTable({ counts, total }: { counts: ReturnType<typeof ordersByStatus>; total: number }) {
  return (
    <Table aria-label="Orders by status">
      <TableHeader>
        <TableRow>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Orders</TableHead>
          <TableHead className="text-right">Share</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orderStatusFlow.map((status) => (
          <TableRow key={status}>
            <TableCell>
              <OrderStatusBadge value={status} />
            </TableCell>
            <TableCell className={number}>{counts[status].toLocaleString()}</TableCell>
            <TableCell className={number}>
              {total === 0 ? '—' : `${Math.round((counts[status] / total) * 100)} %`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ReportsPage() {
  // the location rather than useSearchParams, which would add its helpers to the router every page loads
  const days = reportPeriodOf(new URLSearchParams(useLocation().search).get('days'));
  const mayReadTotals = useCan('orders')('read', 'totals');
  // a new day starts on the clock, not only on a write
  useNow(undefined, 60_000);
  const now = Date.now();
  // the period's orders only, by the day they came in (an index): not the whole shop
  const orders = useOrdersReceived(now, days);
  const report = dailyReport(orders, now, days);
  const totals = reportTotals(report);
  const first = report[0];
  const byStatus = ordersByStatus(orders, { start: first?.start ?? 0, end: report.at(-1)?.end ?? 0 });
  const bars = (value: (day: ReportDay) => number) =>
    report.map((day) => ({ label: formatDay(day.start), value: value(day) }));
  const exportDays = () =>
    download(`report-${days}-days-${localIsoDate(Date.now())}.csv`, reportCsv(report, { withRevenue: mayReadTotals }));

  return (
    <>
      <PageHeader
        title="Reports"
        description={`Last ${days} days, ${first ? formatDay(first.start) : ''} to today`}
        actions={
          <Button variant="outline" onClick={exportDays}>
            <DownloadIcon aria-hidden="true" />
            Export CSV
          </Button>
        }
      />
      <div className="flex flex-col gap-4">
        <PeriodPicker days={days} />
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {/* a role that may not see the money receives orders without their totals: no revenue to show */}
          {mayReadTotals ? (
            <MetricCard
              label="Revenue"
              value={formatCents(totals.revenue)}
              detail={`Over the last ${plural(days, 'day')}, cancelled orders left out`}
            />
          ) : null}
          <MetricCard
            label="Orders"
            value={totals.orders.toLocaleString()}
            detail={`Received over the last ${plural(days, 'day')}`}
          />
          {mayReadTotals ? (
            <MetricCard
              label="Average order"
              value={formatCents(
                totals.orders - byStatus.cancelled === 0
                  ? 0
                  : Math.round(totals.revenue / (totals.orders - byStatus.cancelled)),
              )}
              detail="Revenue per order not cancelled"
            />
          ) : null}
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          {mayReadTotals ? (
            <Card>
              <CardHeader>
                <CardTitle>Revenue per day</CardTitle>
              </CardHeader>
              <CardContent>
                <BarChart
                  label={`Revenue per day, last ${days} days`}
                  bars={bars((day) => day.revenue)}
                  formatValue={formatCents}
                />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Orders per day</CardTitle>
            </CardHeader>
            <CardContent>
              <BarChart label={`Orders per day, last ${days} days`} bars={bars((day) => day.orders)} tone="success" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Orders by status</CardTitle>
            </CardHeader>
            <CardContent>
              <StatusTable counts={byStatus} total={totals.orders} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Per day</CardTitle>
            </CardHeader>
            <CardContent className="max-h-96 overflow-y-auto">
              <DaysTable days={report} withRevenue={mayReadTotals} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
