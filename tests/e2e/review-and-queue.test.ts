// What an operator reads and does around conflicts and waiting changes, in Chromium against the live app:
// a review that speaks in field titles with the order's context, takes the keys at once and is recorded in the
// order's history as a resolution; a queue that names each change ("Order #N · Edit of notes and priority") and
// whose Discard puts the order back and whose Retry sends a refused change again; and an order cancelled (with Undo) and deleted (with a confirmation), where
// a deletion meeting an offline edit becomes a conflict the other operator resolves in the inbox.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { setOnline } from '../support/network';
import { signIn, waitForServiceWorker } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('reviews, the queue, cancel and delete', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let server: SyncClient;
  let orders: Order[];
  const devices: Array<{ context: BrowserContext; page: Page }> = [];

  const serverOrder = async (id: string) =>
    (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).find((order) => order.id === id);

  beforeAll(async () => {
    center = await startTestControlCenter();
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    orders = (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).filter(
      (order) => order.status === 'received',
    );
    if (orders.length < 4) throw new Error('The demo data has too few received orders for this journey');
    browser = await sharedBrowser();
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      await page.goto(center.url);
      await signIn(page, 'Northwind Laundry');
      // the journeys open pages with the network off: the service worker must be in control
      await waitForServiceWorker(page);
      devices.push({ context, page });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  const orderUrl = (order: Order) => `${center.url}orders/${order.id}`;

  // each journey starts with both devices online, whatever the one before left
  beforeEach(async () => {
    for (const device of devices) await setOnline(device.context, true);
  });

  async function saveNotes(page: Page, order: Order, notes: string, priority?: string) {
    await page.goto(orderUrl(order));
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    if (priority) {
      await page.getByRole('combobox', { name: 'Priority' }).click();
      await page.getByRole('option', { name: priority }).click();
    }
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/Saved on this device|Syncing to the server/).count()).toBeGreaterThan(0);
  }

  it('reviews a conflict by field titles with the order on top, by keys at once, recorded as a resolution', async () => {
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const order = orders[0] as Order;
    for (const device of devices) {
      await device.page.goto(orderUrl(order));
      await device.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
      await setOnline(device.context, false);
    }
    await saveNotes(a.page, order, 'Pick up at noon');
    await saveNotes(b.page, order, 'Gentle programme');
    await setOnline(a.context, true);
    await expect.poll(async () => (await serverOrder(order.id))?.notes).toBe('Pick up at noon');
    await setOnline(b.context, true);

    await b.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Conflicts/ })
      .click();
    await b.page.getByRole('button', { name: `Review Order #${order.number}` }).click();
    const review = b.page.getByRole('region', { name: `Order #${order.number}` });
    await review.waitFor();
    // who and where the order is, on top; the field by its title
    await expect.poll(() => review.textContent()).toContain(order.customerName);
    await expect.poll(() => review.textContent()).toContain('Received');
    const notes = review.getByRole('radiogroup', { name: 'Notes: choose a value' });
    await expect.poll(() => notes.textContent()).toMatch(/Gentle programme/);
    // focus is already in the review: 1 picks this device's value, Enter applies
    await b.page.keyboard.press('1');
    await expect.poll(() => notes.getByRole('radio', { name: /^Local:/ }).getAttribute('aria-checked')).toBe('true');
    await b.page.keyboard.press('Enter');
    await expect.poll(() => b.page.getByText('No conflicts').count()).toBeGreaterThan(0);

    await expect.poll(async () => (await serverOrder(order.id))?.notes).toBe('Gentle programme');
    const entry = (await serverOrder(order.id))?.history?.find((e) => e.summary.startsWith('Resolved a conflict'));
    expect(entry).toMatchObject({ by: 'ana', summary: 'Resolved a conflict on notes' });
    expect(entry?.changes).toEqual([{ field: 'notes', to: 'Gentle programme' }]);
    await b.page.goto(orderUrl(order));
    await b.page.getByRole('list', { name: 'Change history' }).getByText('Resolved a conflict on notes').waitFor();
  });

  it('names each waiting change in the queue, and Discard puts the order back', async () => {
    const [a] = devices as [(typeof devices)[0]];
    const order = orders[1] as Order;
    await setOnline(a.context, false);
    await saveNotes(a.page, order, 'Starch the collars', 'Urgent');
    await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    const queue = a.page.getByRole('region', { name: /waiting|queue|changes/i }).first();
    const item = queue.getByRole('listitem').filter({ hasText: `Order #${order.number}` });
    await expect.poll(() => item.textContent()).toContain('Edit of notes and priority');

    await item.getByRole('button', { name: `Discard Order #${order.number}` }).click();
    await a.page.getByRole('alertdialog').getByRole('button', { name: 'Discard' }).click();
    await expect.poll(() => item.count()).toBe(0);
    await a.page.goto(orderUrl(order));
    await expect.poll(() => a.page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe(order.notes ?? '');
    await setOnline(a.context, true);
    expect((await serverOrder(order.id))?.notes).toBe(order.notes);
  });

  it("shows a refused change as failed with the server's words, and Retry sends it again once it can land", async () => {
    const [a] = devices as [(typeof devices)[0]];
    const order = orders[4] as Order;
    // The server refuses this device's next push of the order, with its own words: the push leaves with the notes
    // turned into a number (a rule the server holds, say); Retry later sends the change as it is.
    let refusing = true;
    await a.context.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!refusing || !body.includes('pushOrders')) return route.continue();
      const request = JSON.parse(body) as { variables: { ordersPushRow: { newDocumentState: { notes?: unknown } }[] } };
      for (const row of request.variables.ordersPushRow) row.newDocumentState.notes = 12345;
      return route.continue({ postData: JSON.stringify(request) });
    });
    try {
      await saveNotes(a.page, order, 'Refused at first');
      await a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
      const queue = a.page.getByRole('region', { name: 'Waiting for the server' });
      const item = queue.getByRole('listitem').filter({ hasText: `Order #${order.number}` });
      await expect.poll(() => item.textContent()).toMatch(/notes/);
      await expect.poll(() => item.textContent()).toMatch(/refused/i);
      expect((await serverOrder(order.id))?.notes).toBe(order.notes);

      refusing = false;
      await item.getByRole('button', { name: /^Retry/ }).click();
      await expect.poll(() => item.count()).toBe(0);
      await expect.poll(async () => (await serverOrder(order.id))?.notes).toBe('Refused at first');
    } finally {
      await a.context.unroute('**/graphql');
    }
  });

  it('cancels an order with Undo, and a deletion meeting an offline edit is resolved in the inbox', async () => {
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];
    const cancelled = orders[2] as Order;
    await a.page.goto(orderUrl(cancelled));
    await a.page.getByRole('button', { name: 'Cancel order' }).click();
    await expect.poll(async () => (await serverOrder(cancelled.id))?.status).toBe('cancelled');
    await a.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await serverOrder(cancelled.id))?.status).toBe('received');

    const deleted = orders[3] as Order;
    await b.page.goto(orderUrl(deleted));
    await b.page.getByRole('heading', { name: `Order #${deleted.number}` }).waitFor();
    await setOnline(b.context, false);
    await saveNotes(b.page, deleted, 'Customer called: keep it');

    await a.page.goto(orderUrl(deleted));
    await a.page.getByRole('button', { name: 'Delete' }).click();
    await a.page.getByRole('alertdialog').getByRole('button', { name: 'Delete order' }).click();
    await a.page.waitForURL(/\/orders$/);
    await expect.poll(async () => await serverOrder(deleted.id)).toBeUndefined();

    await setOnline(b.context, true);
    await b.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Conflicts/ })
      .click();
    await b.page.getByRole('button', { name: `Review Order #${deleted.number}` }).click();
    await b.page.getByRole('radio', { name: /Keep the local edit/ }).click();
    await b.page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await serverOrder(deleted.id))?.notes).toBe('Customer called: keep it');
    await a.page.goto(orderUrl(deleted));
    await a.page.getByRole('heading', { name: `Order #${deleted.number}` }).waitFor();
  });
});
