// The status says what is happening, for as long as a person can read it: on a slow link (every sync request held
// 0.8 s) an edit made offline goes "Sending" when the network is back and never shows an error while its request
// is in flight; on a fast link a short sync still shows "Sending" before "All changes synced". The header and the
// banner are watched for every text they show, so a flash of the wrong state fails the journey.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from '../support/control-center';
import { setOnline } from '../support/network';
import { signIn } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('the status on slow and fast links', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let server: SyncClient;
  let orders: Order[];

  beforeAll(async () => {
    center = await startTestControlCenter();
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    orders = await server.pullAll<Order>('orders', controlCenterSchemas.orders);
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  const serverNotes = async (id: string) =>
    (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).find((order) => order.id === id)?.notes;

  /** Records every text the header's status and the banner show from now on. */
  async function watchStatus(page: Page) {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusTexts: string[] }).statusTexts = seen;
      const record = () => {
        for (const selector of ['[data-slot="sync-status-widget"] [role="status"]', '[data-slot="offline-banner"]']) {
          const text = document.querySelector(selector)?.textContent;
          if (text && seen.at(-1) !== text) seen.push(text);
        }
      };
      record();
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    return () => page.evaluate(() => (window as unknown as { statusTexts: string[] }).statusTexts);
  }

  const headerStatus = (page: Page) => page.locator('[data-slot="sync-status-widget"] [role="status"]');

  /** A device signed in to the shop, on an order's page, once everything is synced. */
  async function deviceOnOrder(order: Order) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await page.goto(`${center.url}orders/${order.id}`);
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await expect.poll(() => headerStatus(page).textContent()).toBe('All changes synced');
    return { context, page };
  }

  async function saveNotes(page: Page, notes: string) {
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.getByRole('button', { name: 'Save changes' }).click();
  }

  it('on a slow link, shows sending and never an error while the request is in flight', async () => {
    const order = orders[5] as Order;
    const { context, page } = await deviceOnOrder(order);
    try {
      await setOnline(context, false);
      await saveNotes(page, 'Slow link: fold, do not hang');
      // every sync request from here on takes 0.8 s to leave
      await context.route('**/graphql', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue().catch(() => undefined);
      });
      const texts = await watchStatus(page);
      await setOnline(context, true);

      await expect.poll(() => serverNotes(order.id), { timeout: 30_000 }).toBe('Slow link: fold, do not hang');
      await expect.poll(() => headerStatus(page).textContent(), { timeout: 20_000 }).toBe('All changes synced');
      const shown = await texts();
      expect(shown.some((text) => /^Sending/.test(text))).toBe(true);
      expect(shown.filter((text) => /error|failed/i.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a fast link, a short sync is still shown as sending before all synced', async () => {
    const order = orders[6] as Order;
    const { context, page } = await deviceOnOrder(order);
    try {
      const texts = await watchStatus(page);
      await saveNotes(page, 'Fast link: press only');
      await expect.poll(() => serverNotes(order.id)).toBe('Fast link: press only');
      await expect.poll(() => headerStatus(page).textContent()).toBe('All changes synced');
      const shown = await texts();
      const sending = shown.findIndex((text) => /^Sending/.test(text));
      expect(sending, `the header showed: ${shown.join(' | ')}`).toBeGreaterThan(-1);
      expect(shown.slice(sending).some((text) => text === 'All changes synced')).toBe(true);
      expect(shown.filter((text) => /error|failed/i.test(text))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
