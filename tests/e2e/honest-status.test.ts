// The status never hides what a person must know: after a conflict the header, the banner and the Conflicts nav
// item all say it needs review (never "all synced"), a toast offers "Review" and opens it; and "last synced"
// survives a reload with the network off.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { setOnline } from '../support/network';
import { signIn, waitForServiceWorker } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('an honest status', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  const devices: Array<{ context: BrowserContext; page: Page }> = [];

  beforeAll(async () => {
    center = await startTestControlCenter();
    browser = await sharedBrowser();
    for (let i = 0; i < 2; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      context.setDefaultTimeout(20_000);
      devices.push({ context, page: await context.newPage() });
    }
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  const header = (page: Page) => page.locator('[data-slot="sync-status-widget"]').getByRole('status');
  const banner = (page: Page) => page.locator('[data-slot="offline-banner"]');

  async function saveNotesOffline(page: Page, orderUrl: string, notes: string) {
    await page.goto(orderUrl);
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/Saved on this device/).count()).toBeGreaterThan(0);
  }

  it('after a conflict, the header, the banner and the nav say it needs review, and the toast opens it', async () => {
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    const orders = await server.pullAll<Order>('orders', controlCenterSchemas.orders);
    const order = orders.find((o) => o.status === 'received') ?? orders[0];
    if (!order) throw new Error('The demo data has no order to edit');
    const orderUrl = `${center.url}orders/${order.id}`;
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];

    for (const device of devices) {
      await device.page.goto(center.url);
      await signIn(device.page, 'Northwind Laundry');
      await device.page.goto(orderUrl);
      await device.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
      // a page opened with the network off loads only once the service worker is in control
      await waitForServiceWorker(device.page);
      await setOnline(device.context, false);
    }
    await saveNotesOffline(a.page, orderUrl, 'Ring the bell twice');
    await saveNotesOffline(b.page, orderUrl, 'Leave at the back door');
    await setOnline(a.context, true);
    await expect
      .poll(
        async () =>
          (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).find((o) => o.id === order.id)?.notes,
      )
      .toBe('Ring the bell twice');

    // every text the header and the banner show from here on
    await b.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      const record = () => {
        for (const slot of ['sync-status-widget', 'offline-banner']) {
          const text = document.querySelector(`[data-slot="${slot}"]`)?.textContent;
          if (text) seen.push(text);
        }
      };
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await setOnline(b.context, true);

    await expect.poll(() => header(b.page).textContent()).toBe('1 conflict needs review');
    await expect.poll(() => banner(b.page).textContent()).toMatch(/Back online · 1 conflict needs review/);
    await expect.poll(() => b.page.getByRole('link', { name: /Conflicts.*1 needs review/ }).count()).toBe(1);
    const texts = await b.page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    expect(texts.filter((text) => /all changes synced/i.test(text))).toEqual([]);

    // the toast names the order and "Review" opens its review
    const toast = b.page.locator('[data-sonner-toast]').filter({ hasText: '1 conflict needs review' });
    await expect.poll(() => toast.textContent()).toMatch(new RegExp(`Order #${order.number}`));
    await toast.getByRole('button', { name: 'Review' }).click();
    await expect.poll(() => b.page.url()).toMatch(/\/conflicts\/.+/);
    await b.page.getByRole('radiogroup', { name: /notes: choose a value/i }).waitFor();
  });

  it('keeps "last synced" through a reload with the network off', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    try {
      await page.goto(center.url);
      await signIn(page, 'Harbor Linen Services');
      await waitForServiceWorker(page);
      await expect.poll(() => header(page).textContent()).toMatch(/All changes synced|needs review/);
      await page.goto(`${center.url}sync`);
      await expect.poll(() => page.getByText(/Last acknowledged by the server: /).textContent()).not.toMatch(/—/);

      await setOnline(context, false);
      await page.reload();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
      await expect.poll(() => header(page).textContent()).toMatch(/^Offline/);
      await expect.poll(() => page.getByText(/Last acknowledged by the server: /).textContent()).not.toMatch(/—/);
      await page.getByRole('button', { name: 'Sync details' }).click();
      await expect
        .poll(() => page.locator('[data-slot="sync-status-last-synced"]').textContent())
        .toMatch(/^Last synced /);
    } finally {
      await context.close();
    }
  });
});
