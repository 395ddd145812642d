// How today is going, as an owner reads it on the dashboard: its sync health says what the header says, word for
// word, from the first sync on; today's revenue, orders due and overdue and machine utilisation are the server's
// data; a new order adds its total to the revenue and an order marked ready counts in the last hour's throughput;
// alarms are listed most severe first, and one acknowledged there stays in place, quiet, with the server told.
import { controlCenterSchemas, type Machine, type MachineAlarm, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { signIn } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

const DAY = 24 * 3_600_000;
const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' });
const money = (cents: number) => euros.format(cents / 100);
const severityRank = { critical: 0, major: 1, minor: 2, warning: 3 } as const;

/** What the server's data says today's figures are, worked out here on their own (this process's local day). */
function expectedFigures(orders: readonly Order[], machines: readonly Machine[], now: number) {
  const today = new Date(now).setHours(0, 0, 0, 0);
  const isToday = (at: number | undefined) => at !== undefined && at >= today && at < today + DAY;
  const kept = orders.filter((order) => order.status !== 'cancelled');
  const running = machines.filter((machine) => machine.state === 'running').length;
  return {
    revenue: money(
      kept.filter((order) => isToday(order.receivedAt)).reduce((sum, order) => sum + (order.totals?.total ?? 0), 0),
    ),
    due: String(kept.filter((order) => isToday(order.dueAt)).length),
    overdue: orders.filter(
      (order) => order.dueAt !== undefined && order.dueAt < now && !['delivered', 'cancelled'].includes(order.status),
    ).length,
    utilisation: `${Math.round((running / machines.length) * 100)} %`,
  };
}

describe('the dashboard', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let server: SyncClient;

  const figure = (label: string) => page.getByRole('group', { name: label });
  const value = (label: string) => figure(label).locator('[data-slot="metric-card-value"]').textContent();
  const alarmList = () => page.getByRole('list', { name: 'Alarms, most severe first' });
  const headerStatus = () => page.locator('[data-slot="sync-status-widget"] [role="status"]');
  const healthStatus = () => page.locator('[data-slot="sync-health-label"]');
  const pullOrders = () => server.pullAll<Order>('orders', controlCenterSchemas.orders);
  const pullMachines = () => server.pullAll<Machine>('machines', controlCenterSchemas.machines);

  const openDashboard = async () => {
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
  };

  /** Raises an alarm on a machine as the machine would report it, on the server. */
  const raise = async (machine: Machine, alarm: Omit<MachineAlarm, 'id'>) => {
    await server.push('machines', controlCenterSchemas.machines, [
      {
        assumedMasterState: { ...machine, _deleted: false },
        newDocumentState: {
          ...machine,
          alarms: [...machine.alarms, { id: `alm-${machine.id}-${alarm.raisedAt}`, ...alarm }],
          _deleted: false,
        },
      },
    ]);
  };

  beforeAll(async () => {
    center = await startTestControlCenter();
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    browser = await sharedBrowser();
    // the page's local day is this process's, so both count the same orders as today's
    const timezoneId = Intl.DateTimeFormat().resolvedOptions().timeZone;
    context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId });
    context.setDefaultTimeout(20_000);
    // every pair of texts the header's status and the dashboard's sync health show, from the first page on
    await context.addInitScript(() => {
      const pairs: Array<[string, string]> = [];
      (window as unknown as { statusPairs: typeof pairs }).statusPairs = pairs;
      new MutationObserver(() => {
        const header = document.querySelector('[data-slot="sync-status-widget"] [role="status"]')?.textContent;
        const health = document.querySelector('[data-slot="sync-health-label"]')?.textContent;
        const last = pairs.at(-1);
        if (header && health && (last?.[0] !== header || last?.[1] !== health)) pairs.push([header, health]);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('says what the header says about sync, word for word, through the first sync and after', async () => {
    // a slow link, so the first sync lasts long enough to be read on both
    const slow = async (route: import('playwright-core').Route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue().catch(() => {});
    };
    await context.route('**/graphql**', slow);
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    await expect.poll(() => headerStatus().textContent(), { timeout: 60_000 }).toBe('All changes synced');
    await context.unroute('**/graphql**', slow);

    await expect.poll(() => healthStatus().textContent()).toBe('All changes synced');
    const pairs = await page.evaluate(() => (window as unknown as { statusPairs: string[][] }).statusPairs);
    expect(pairs.filter(([header, health]) => header !== health)).toEqual([]);
    expect(pairs.some(([header]) => /^Syncing/.test(header ?? ''))).toBe(true);
    const link = page.getByRole('link', { name: 'Status details' });
    expect(await link.getAttribute('href')).toBe('/sync');
  });

  it('shows today’s revenue, orders due and overdue, and utilisation as the server’s data has them', async () => {
    await expect.poll(() => page.getByText('120 orders').count(), { timeout: 30_000 }).toBe(1);
    const machines = await pullMachines();
    await expect
      .poll(async () => {
        const expected = expectedFigures(await pullOrders(), machines, Date.now());
        const shown = {
          revenue: await value('Revenue today'),
          due: await value('Orders due today'),
          overdue: Number(
            (await figure('Orders due today').locator('[data-slot="metric-card-detail"]').textContent())?.match(
              /(\d+) overdue/,
            )?.[1],
          ),
          utilisation: await value('Machine utilisation'),
        };
        return JSON.stringify(shown) === JSON.stringify(expected) ? 'as on the server' : { shown, expected };
      })
      .toBe('as on the server');
    expect(await figure('Revenue today').getByRole('img').getAttribute('aria-label')).toMatch(
      /^Revenue per day, last 7 days: latest €/,
    );
    expect(await figure('Orders due today').getByRole('link', { name: 'Order list' }).getAttribute('href')).toBe(
      '/orders',
    );
    expect(await figure('Machine utilisation').getByRole('link', { name: 'Machine floor' }).getAttribute('href')).toBe(
      '/machines',
    );
  });

  it('adds a new order’s total to today’s revenue', async () => {
    const before = await value('Revenue today');
    const numbers = (await pullOrders()).map((order) => order.number);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('button', { name: 'New order' }).click();
    const dialog = page.getByRole('dialog', { name: 'New order' });
    await dialog.getByRole('combobox', { name: /Customer/ }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: /Quantity/ }).fill('3');
    await dialog.getByRole('button', { name: 'Create order' }).click();
    let created: Order | undefined;
    await expect
      .poll(async () => {
        created = (await pullOrders()).find((order) => order.number === Math.max(...numbers) + 1);
        return created?.totals?.total;
      })
      .toBeGreaterThan(0);

    await openDashboard();
    const cents = (text: string | null) => Math.round(Number(text?.replace(/[^0-9.]/g, '')) * 100);
    await expect.poll(() => value('Revenue today')).toBe(money(cents(before) + (created?.totals?.total ?? 0)));
  });

  it('counts an order marked ready in the last hour’s throughput', async () => {
    const before = Number(await value('Orders finished, last hour'));
    const folding = (await pullOrders()).find((order) => order.status === 'folding');
    if (!folding) throw new Error('The demo data has no order being folded');
    await page.goto(`${center.url}orders/${folding.id}`);
    await page.getByRole('button', { name: 'Mark ready' }).click();
    await expect.poll(async () => (await pullOrders()).find((order) => order.id === folding.id)?.status).toBe('ready');

    await openDashboard();
    await expect.poll(() => value('Orders finished, last hour')).toBe(String(before + 1));
  });

  it('lists alarms most severe first, and acknowledges one in place', async () => {
    // machines with no alarm of their own, so each row is the one raised here
    const quiet = (await pullMachines()).filter((machine) => machine.alarms.length === 0);
    const [warned, critical, major] = quiet as [Machine, Machine, Machine];
    if (!major) throw new Error('The demo data has fewer than three machines without alarms');
    const now = Date.now();
    // the critical one is the oldest: time alone would list it last
    await raise(critical, {
      severity: 'critical',
      code: 'E-TEMP',
      message: 'Heater over temperature',
      raisedAt: now - 30 * 60_000,
    });
    await raise(major, {
      severity: 'major',
      code: 'E-DRAIN',
      message: 'Drain pump blocked',
      raisedAt: now - 5 * 60_000,
    });
    await raise(warned, { severity: 'warning', code: 'E-DOOR', message: 'Door not locked', raisedAt: now - 60_000 });

    const open = (await pullMachines()).flatMap((machine) =>
      machine.alarms.filter((alarm) => alarm.acknowledgedAt == null).map((alarm) => ({ machine, alarm })),
    );
    const severities = () =>
      alarmList()
        .locator('[data-slot="alarm-chip"]')
        .evaluateAll((chips) => chips.map((chip) => chip.getAttribute('data-severity')));
    await expect.poll(async () => (await severities()).length).toBe(Math.min(8, open.length));
    const shown = (await severities()) as Array<keyof typeof severityRank>;
    expect(shown).toEqual([...shown].sort((a, b) => severityRank[a] - severityRank[b]));
    expect(shown[0]).toBe('critical');

    const row = (machine: Machine) =>
      alarmList()
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: machine.name, exact: true }) })
        .filter({ hasText: 'E-TEMP' });
    expect(await row(critical).getByRole('link', { name: critical.name }).getAttribute('href')).toBe(
      `/machines/${critical.id}`,
    );
    await row(critical).getByRole('button', { name: 'Acknowledge critical alarm E-TEMP' }).click();
    // in place: the row stays on the dashboard, quiet, with no button left
    await expect.poll(() => row(critical).textContent()).toMatch(/Acknowledged/);
    expect(await row(critical).getByRole('button').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect
      .poll(async () => {
        const held = (await pullMachines()).find((machine) => machine.id === critical.id);
        return held?.alarms.find((alarm) => alarm.code === 'E-TEMP' && alarm.raisedAt === now - 30 * 60_000)
          ?.acknowledgedAt;
      })
      .toBeGreaterThan(0);
    await expect
      .poll(() => page.getByText(/open alarms?, most severe first/).textContent())
      .toMatch(new RegExp(`^${open.length - 1} open alarm`));
  });
});
