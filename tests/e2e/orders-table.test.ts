// The orders table an operator lives in: statuses and priorities as badges, a row that opens its order, one next
// step per row, a selection moved in one go, and the view exported as the CSV a spreadsheet opens. Each write is
// checked on the server, each export against the orders the server holds.
import { type Order, orderStatusLabel } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, serverOrders } from '../support/devices';
import { downloadedText, signIn } from '../support/pages';

describe('the orders table', () => {
  const journey = devicesJourney(1);
  const page = () => (journey.devices[0] as Device).page;
  const rows = () => page().locator('tbody tr[data-order-id]');
  const row = (number: number) => rows().filter({ has: page().getByRole('link', { name: `#${number}`, exact: true }) });

  async function showStatus(status: Order['status'] | 'all') {
    await page().getByRole('combobox', { name: 'Filter by status' }).click();
    await page()
      .getByRole('option', { name: status === 'all' ? 'All statuses' : orderStatusLabel[status], exact: true })
      .click();
    if (status === 'all') return;
    // the last view's rows stay until the new ones are read, and rows are filled in place: wait for the new view
    // before acting on a row, as a person waits to see it
    const label = orderStatusLabel[status];
    await expect
      .poll(async () => {
        const shown = await rows().locator('[data-field="status"]').allTextContents();
        return shown.length > 0 && shown.every((text) => text === label);
      })
      .toBe(true);
  }

  async function withStatus(status: Order['status'], count: number) {
    const orders = (await serverOrders(journey).all()).filter((order) => order.status === status);
    if (orders.length < count) throw new Error(`The demo data has fewer than ${count} ${status} orders`);
    return orders.sort((a, b) => b.number - a.number).slice(0, count);
  }

  async function openOrders(p: Page) {
    await p.goto(journey.center.url);
    await signIn(p, 'Northwind Laundry');
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await p.locator('tbody tr[data-order-id]').first().waitFor();
  }

  it('shows each status and priority as a badge with its words, and opens an order from anywhere on its row or its number', async () => {
    await openOrders(page());
    const [newest] = (await serverOrders(journey).all()).sort((a, b) => b.number - a.number);
    if (!newest) throw new Error('The demo data has no orders');
    const badges = row(newest.number).locator('[data-slot="badge"]');
    await expect.poll(() => badges.first().textContent()).toBe(orderStatusLabel[newest.status]);
    expect(await badges.allTextContents()).toContain(newest.priority[0]?.toUpperCase() + newest.priority.slice(1));

    // the customer's name is plain text: a click there opens the order all the same
    await row(newest.number).getByRole('cell', { name: newest.customerName, exact: true }).click();
    await page()
      .getByRole('heading', { name: `Order #${newest.number}` })
      .waitFor();
    await page().goBack();
    await rows().first().waitFor();

    // its number links to the order's address (a new tab opens it there) and, clicked, opens it in the app: the page
    // is not loaded again
    const link = row(newest.number).getByRole('link', { name: `#${newest.number}`, exact: true });
    expect(await link.getAttribute('href')).toBe(`/orders/${newest.id}`);
    await page().evaluate(() => Object.assign(window, { stillThisPage: true }));
    await link.click();
    await page()
      .getByRole('heading', { name: `Order #${newest.number}` })
      .waitFor();
    expect(await page().evaluate(() => 'stillThisPage' in window)).toBe(true);
    await page().goBack();
    await rows().first().waitFor();
  });

  it("moves one order to its next step from the row's button", async () => {
    const [received] = await withStatus('received', 1);
    if (!received) throw new Error('unreachable');
    await row(received.number)
      .getByRole('button', { name: `Start washing, order #${received.number}` })
      .click();
    await expect.poll(async () => (await serverOrders(journey).one(received.id))?.status).toBe('washing');
    await expect.poll(() => row(received.number).locator('[data-field="status"]').textContent()).toBe('Washing');
    expect(page().url()).not.toMatch(/orders\/ord-/);
  });

  it('marks two selected orders ready in one go, and says so', async () => {
    const folding = await withStatus('folding', 2);
    await showStatus('folding');
    for (const order of folding) {
      await page()
        .getByRole('checkbox', { name: `Select order #${order.number}` })
        .click();
    }
    const bar = page().getByRole('toolbar', { name: 'Selected orders' });
    await bar.getByText('2 orders selected').waitFor();
    await bar.getByRole('button', { name: 'Mark ready' }).click();
    await page().getByText('2 orders moved to Ready').waitFor();
    for (const order of folding) {
      await expect.poll(async () => (await serverOrders(journey).one(order.id))?.status).toBe('ready');
    }
    // done, the bar goes; the ready orders have left the folding view
    await expect.poll(() => bar.count()).toBe(0);
    for (const order of folding) await expect.poll(() => row(order.number).count()).toBe(0);
  });

  it('exports the filtered view as a CSV whose rows are the orders the view matches, in its order', async () => {
    await showStatus('ready');
    const expected = (await serverOrders(journey).all())
      .filter((order) => order.status === 'ready')
      .sort((a, b) => b.number - a.number);
    await page()
      .getByText(new RegExp(`^${expected.length} of \\d+ orders$`))
      .waitFor();
    const [download] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await downloadedText(download);
    const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
    expect(header).toBe('Number,Customer,Status,Priority,Received,Due,Total (EUR)');
    expect(lines.map((line) => Number(line.split(',')[0]))).toEqual(expected.map((order) => order.number));
    for (const line of lines) expect(line).toMatch(/^\d+,.*,Ready,/);
  });
});
