// The offline demo: an operator loses the network, creates an order, reloads, and reconnects; the order is
// kept on the device as pending throughout, then synced, and the server has it.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { setOnline } from '../support/network';
import { signIn, waitForAllSynced, waitForServiceWorker } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('offline order journey', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    center = await startTestControlCenter();
    browser = await sharedBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('keeps an order made offline as pending through a reload, then syncs it to the server', async () => {
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    const before = await server.pullAll<Order>('orders', controlCenterSchemas.orders);
    const number = Math.max(...before.map((order) => order.number)) + 1;

    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await expect.poll(() => page.getByText('120 orders').count(), { timeout: 30_000 }).toBe(1);
    await waitForServiceWorker(page);
    // the whole shop is on the device, the service catalogue an order is made from included, before the network goes
    await waitForAllSynced(page);

    await setOnline(context, false);
    await expect.poll(() => page.getByText(/You're offline/).count()).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('button', { name: 'New order' }).click();
    const dialog = page.getByRole('dialog', { name: 'New order' });
    await dialog.getByRole('combobox', { name: /Customer/ }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('textbox', { name: /Quantity/ }).fill('3');
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('Made while offline');
    await dialog.getByRole('button', { name: 'Create order' }).click();

    await expect.poll(() => page.getByText(/Saved on this device/).count()).toBeGreaterThan(0);
    const row = page.locator('tr[data-order-id]').filter({ hasText: `#${number}` });
    await expect.poll(() => row.locator('[data-slot="sync-dot"]').getAttribute('data-state')).toBe('pending');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /1 pending/ })
          .count(),
      )
      .toBeGreaterThan(0);

    await page.reload();
    await expect
      .poll(() => row.locator('[data-slot="sync-dot"]').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('pending');
    // Reopened with the network off: offline with the pending write, not "connecting".
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /Offline · 1 pending/ })
          .count(),
      )
      .toBeGreaterThan(0);

    // Record every text the header's status shows from here on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      const header = document.querySelector('header');
      const record = () => {
        for (const node of header?.querySelectorAll('[role="status"]') ?? []) {
          const text = node.textContent ?? '';
          if (seen.at(-1) !== text) seen.push(text);
        }
      };
      record();
      new MutationObserver(record).observe(header ?? document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await setOnline(context, true);
    await expect
      .poll(() => row.locator('[data-slot="sync-dot"]').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('synced');
    await waitForAllSynced(page);
    const texts = await page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
    // Offline-with-pending before the network came back, synced at the end. (A sync quicker than the widget's
    // settle delay is shown as one change, by design: no flicker.)
    expect(texts[0]).toMatch(/Offline · 1 pending/);
    expect(texts.at(-1)).toMatch(/All changes synced/);

    const orders = await server.pullAll<Order>('orders', controlCenterSchemas.orders);
    expect(orders).toHaveLength(before.length + 1);
    const created = orders.find((order) => order.number === number);
    expect(created?.notes).toBe('Made while offline');
    expect(created?.items[0]?.quantity).toBe(3);
    expect(created?.status).toBe('received');
  });
});
