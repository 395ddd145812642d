// What the shop took and handled, as an owner reads it on the Reports page: the period's totals, its days and its
// orders by status are the server's data for the last 7 days, then the last 30 when the owner asks (kept in the
// URL); the CSV download holds the same days; a new order shows up in today's bar and row; a viewer sees the counts
// and no money.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { downloadedText, signIn, waitForAllSynced } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
const money = (cents: number) => euros.format(cents / 100);
const two = (n: number) => String(n).padStart(2, '0');
const isoDay = (day: Date) => `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;

const sortedKeys = (counts: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

/** The server's orders as the report for the last `days` days should show them, worked out here on their own. */
function expectedReport(orders: readonly Order[], days: number, now = Date.now()) {
  const rows = Array.from({ length: days }, (_, i) => {
    const start = new Date(now);
    start.setHours(0, 0, 0, 0);
    start.setDate(start.getDate() - (days - 1 - i));
    const end = new Date(start);
    end.setDate(end.getDate() + 1);
    const received = orders.filter((order) => order.receivedAt >= start.getTime() && order.receivedAt < end.getTime());
    const revenue = received
      .filter((order) => order.status !== 'cancelled')
      .reduce((sum, order) => sum + (order.totals?.total ?? 0), 0);
    return { date: isoDay(start), orders: received.length, revenue };
  });
  const inPeriod = orders.filter((order) => rows[0] && order.receivedAt >= new Date(`${rows[0].date}T00:00`).getTime());
  const byStatus: Record<string, number> = {};
  for (const order of inPeriod) byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
  return {
    rows,
    orders: String(rows.reduce((sum, row) => sum + row.orders, 0)),
    revenue: money(rows.reduce((sum, row) => sum + row.revenue, 0)),
    byStatus: sortedKeys(byStatus),
  };
}

describe('the reports page', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: SyncClient;

  const pullOrders = () => server.pullAll<Order>('orders', controlCenterSchemas.orders);
  const value = (label: string) =>
    page.getByRole('group', { name: label, exact: true }).locator('[data-slot="metric-card-value"]').textContent();
  const sidebarLink = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const openReports = async () => {
    await sidebarLink('Reports').click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
  };

  /** The per-day table as a person reads it, newest first: day, orders, revenue. */
  const shownDays = () =>
    page
      .getByRole('table', { name: 'Per day' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('time')?.getAttribute('datetime'),
          ...[...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent),
        ]),
      );
  const shownStatuses = () =>
    page
      .getByRole('table', { name: 'Orders by status' })
      .locator('tbody tr')
      .evaluateAll((rows) =>
        Object.fromEntries(
          rows
            .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? ''))
            .filter(([, count]) => count !== '0')
            .map(([status, count]) => [status?.toLowerCase(), Number(count)]),
        ),
      );

  /** What the page shows against what the server's data says, for the period in view. */
  const matchesServer = async (days: number) => {
    const expected = expectedReport(await pullOrders(), days);
    const shown = {
      orders: await value('Orders'),
      revenue: await value('Revenue'),
      days: await shownDays(),
      byStatus: sortedKeys(await shownStatuses()),
    };
    const wanted = {
      orders: expected.orders,
      revenue: expected.revenue,
      days: [...expected.rows].reverse().map((row) => [row.date, String(row.orders), money(row.revenue)]),
      byStatus: expected.byStatus,
    };
    return JSON.stringify(shown) === JSON.stringify(wanted) ? 'as on the server' : { shown, wanted };
  };

  beforeAll(async () => {
    center = await startTestControlCenter();
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    browser = await sharedBrowser();
    // the page's local day is this process's, so both count the same orders on the same days
    const timezoneId = Intl.DateTimeFormat().resolvedOptions().timeZone;
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId, acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('shows the last 7 days’ totals, days and statuses as the server’s data has them', async () => {
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await waitForAllSynced(page);
    await openReports();
    expect(new URL(page.url()).search).toBe('');
    await expect.poll(() => matchesServer(7), { timeout: 30_000 }).toBe('as on the server');
    expect(await page.getByRole('link', { name: 'Last 7 days' }).getAttribute('aria-current')).toBe('true');
    expect(await page.getByRole('img', { name: /^Revenue per day, last 7 days: highest €/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Orders per day, last 7 days: highest \d+ on / }).count()).toBe(1);
  });

  it('switches to the last 30 days, in the URL, and the figures follow', async () => {
    const weekOrders = await value('Orders');
    await page.getByRole('link', { name: 'Last 30 days' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?days=30');
    await expect.poll(() => matchesServer(30)).toBe('as on the server');
    // the demo data spans two weeks: a month holds more orders than the last week
    expect(Number(await value('Orders'))).toBeGreaterThan(Number(weekOrders));
    expect(await shownDays()).toHaveLength(30);

    // the period is the URL's: a reload keeps it
    await page.reload();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await expect.poll(() => matchesServer(30)).toBe('as on the server');
  });

  it('downloads the period’s days as CSV, oldest first', async () => {
    const expected = expectedReport(await pullOrders(), 30);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^report-30-days-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await downloadedText(download);
    const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
    expect(header).toBe('Date,Orders,Revenue (EUR)');
    expect(lines).toEqual(expected.rows.map((row) => `${row.date},${row.orders},${(row.revenue / 100).toFixed(2)}`));
  });

  it('shows a new order in today’s bar and row', async () => {
    const numbers = (await pullOrders()).map((order) => order.number);
    const todayBar = () =>
      page
        .getByRole('img', { name: /^Orders per day/ })
        .locator('[data-slot="bar-chart-bar"]')
        .last()
        .getAttribute('data-value');
    const before = Number(await todayBar());

    await sidebarLink('Orders').click();
    await page.getByRole('button', { name: 'New order' }).click();
    const dialog = page.getByRole('dialog', { name: 'New order' });
    await dialog.getByRole('combobox', { name: /Customer/ }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: /Quantity/ }).fill('2');
    await dialog.getByRole('button', { name: 'Create order' }).click();
    await expect
      .poll(async () => (await pullOrders()).some((order) => order.number === Math.max(...numbers) + 1))
      .toBe(true);

    await openReports();
    await expect.poll(todayBar).toBe(String(before + 1));
    await expect.poll(() => matchesServer(7)).toBe('as on the server');
  });

  it('shows a viewer the counts and no money', async () => {
    const viewerContext = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      timezoneId: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
    viewerContext.setDefaultTimeout(20_000);
    const viewer = await viewerContext.newPage();
    await viewer.goto(center.url);
    await signIn(viewer, 'Northwind Laundry', 'viewer');
    await waitForAllSynced(viewer);
    await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports', exact: true }).click();
    await viewer.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const expected = expectedReport(await pullOrders(), 7);
    await expect
      .poll(() =>
        viewer
          .getByRole('group', { name: 'Orders', exact: true })
          .locator('[data-slot="metric-card-value"]')
          .textContent(),
      )
      .toBe(expected.orders);
    expect(await viewer.getByRole('group', { name: 'Revenue', exact: true }).count()).toBe(0);
    expect(await viewer.getByRole('img', { name: /^Revenue per day/ }).count()).toBe(0);
    expect(await viewer.getByRole('columnheader', { name: 'Revenue' }).count()).toBe(0);
    expect(await viewer.getByText('€').count()).toBe(0);
    await viewerContext.close();
  });
});
