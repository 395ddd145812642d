// The command palette acts: Ctrl+K, a few words and Enter switch the theme, open the New order dialog, open a
// machine's page, open an order by its number or its customer, or acknowledge an alarm; "?" lists the shortcuts.
// A viewer is offered none of what they may not do.
import { controlCenterSchemas, type Machine, type Order } from '@syncline/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { signIn, waitForAllSynced } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('command palette journey', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let server: SyncClient;

  beforeAll(async () => {
    // the simulator raises the alarm the palette acknowledges, and none of its own; it ticks only when a test asks,
    // so no machine report re-renders the page while a person types into the palette
    center = await startTestControlCenter({ simulate: true, simulatorInterval: 3_600_000, simulatorAlarmChance: 0 });
    browser = await sharedBrowser();
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  async function signedIn(role = 'owner'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry', role);
    return page;
  }

  /** Ctrl+K, `search` typed, and Enter at once, as a person who knows what they want does. */
  async function runFromPalette(page: Page, search: string) {
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    // the dialog can paint a moment before its search box takes focus (a loaded CI once lost the first letters of a
    // customer's name to the page behind, so Enter found nothing): type once it has focus, as a person would see it
    const input = palette.getByRole('combobox');
    await expect
      .poll(() => input.evaluate((element) => element === document.activeElement), { timeout: 10_000 })
      .toBe(true);
    await page.keyboard.type(search);
    await page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
  }

  it('switches the theme, opens the New order dialog, and lands on a machine or an order', async () => {
    const machines = await server.pullAll<Machine>('machines', controlCenterSchemas.machines);
    const orders = await server.pullAll<Order>('orders', controlCenterSchemas.orders);
    const machine = [...machines].sort((a, b) => a.id.localeCompare(b.id))[1] as Machine;
    const order = [...orders].sort((a, b) => b.number - a.number)[0] as Order;
    const page = await signedIn();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    // every order on this device, so the palette can find the newest
    await waitForAllSynced(page);

    await runFromPalette(page, 'dark');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // the header's toggle says so too
    await page.getByRole('button', { name: 'Theme: Dark' }).waitFor();

    await runFromPalette(page, 'new order');
    const newOrder = page.getByRole('dialog', { name: 'New order' });
    await newOrder.waitFor();
    expect(await newOrder.getByRole('button', { name: 'Create order' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await newOrder.waitFor({ state: 'detached' });

    // a machine: its own page
    await runFromPalette(page, machine.name);
    await page.waitForURL(`**/machines/${machine.id}`);
    await page.getByRole('heading', { name: machine.name, level: 1 }).waitFor();
    // the card a link asks for on the machines page is scrolled to, focused and outlined
    await page.goto(`${center.url}machines?machine=${machine.id}`);
    const card = page.getByRole('article', { name: new RegExp(`^${machine.name},`) });
    await expect.poll(() => card.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await card.getAttribute('data-highlighted')).toBe('true');

    await runFromPalette(page, `#${order.number}`);
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/orders/${order.id}`);

    // by customer: the first of theirs, lowest number first
    const customer = order.customerName;
    const theirs = orders
      .filter((candidate) => candidate.customerName.startsWith(customer))
      // in the index's order: the name as stored text, then the number
      .sort((a, b) =>
        a.customerName === b.customerName ? a.number - b.number : a.customerName < b.customerName ? -1 : 1,
      )[0] as Order;
    await page.goto(`${center.url}/`);
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await runFromPalette(page, customer);
    await page.getByRole('heading', { name: `Order #${theirs.number}` }).waitFor();
  });

  it('acknowledges an open alarm', async () => {
    const machines = await server.pullAll<Machine>('machines', controlCenterSchemas.machines);
    // the simulator leaves the first two machines silent; take one that reports
    const machine = [...machines].sort((a, b) => a.id.localeCompare(b.id))[2] as Machine;
    const page = await signedIn();
    await page.getByRole('link', { name: 'Machines' }).click();
    const card = page.getByRole('article', { name: new RegExp(`^${machine.name},`) });
    const simulator = center.simulators['northwind-laundry'];
    simulator?.raiseAlarm(machine.id, 'E-DRAIN');
    await simulator?.tick();
    await card.waitFor();
    await card.getByRole('button', { name: 'Acknowledge major alarm E-DRAIN' }).waitFor();

    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    await page.keyboard.type('e-drain');
    const option = page.getByRole('option', { name: `Acknowledge E-DRAIN on ${machine.name}` });
    await option.waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => card.textContent()).toMatch(/Acknowledged/);
  });

  it('lists the shortcuts on "?", and closes them on Escape', async () => {
    const page = await signedIn();
    const orders = page.getByRole('link', { name: 'Orders' });
    await orders.focus();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    const paletteRow = sheet.locator('[data-slot="shortcut"]', { hasText: 'Open the command palette' });
    expect(await paletteRow.locator('kbd').allTextContents()).toEqual(['Ctrl', 'K']);
    expect(await sheet.textContent()).toMatch(/Show the keyboard shortcuts\?/);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    // the dialog hands focus back in the task after it unmounts
    await expect.poll(() => orders.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('offers a viewer no new order and no alarm to acknowledge, and still the theme', async () => {
    const page = await signedIn('viewer');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.waitFor();
    await page.keyboard.type('new order');
    await palette.getByText('Nothing matches.').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('acknowledge');
    await palette.getByText('Nothing matches.').waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('light');
    await palette.getByRole('option', { name: 'Light theme' }).waitFor();
    expect(await palette.getByRole('option').allTextContents()).not.toContain('New order');
  });
});
