// Two operators edit the same order while offline. When both reconnect, the status follows its rule (the
// furthest step wins), the notes become a conflict in the second device's inbox, and resolving it there
// converges both devices and the server.
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { launchBrowser } from '../support/browser';
import { startTestControlCenter } from '../support/control-center';
import { signIn } from '../support/pages';

describe('conflict journey', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  const devices: Array<{ context: BrowserContext; page: Page }> = [];

  beforeAll(async () => {
    center = await startTestControlCenter();
    browser = await launchBrowser();
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

  async function editOffline(page: Page, orderUrl: string, notes: string, steps: number) {
    await page.goto(orderUrl);
    for (let step = 0; step < steps; step++) {
      const next = page.getByRole('button', { name: /^Mark / });
      const label = await next.textContent();
      await next.click();
      await page
        .getByRole('button', { name: /^Mark / })
        .filter({ hasNotText: label ?? '' })
        .waitFor();
    }
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/Saved on this device/).count()).toBeGreaterThan(0);
  }

  it('merges the status by its rule, records the notes conflict, and converges after resolving it', async () => {
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    const serverOrder = async (id: string) =>
      (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).find((order) => order.id === id);
    const received = (await server.pullAll<Order>('orders', controlCenterSchemas.orders)).find(
      (o) => o.status === 'received',
    );
    if (!received) throw new Error('The demo data has no received order to edit');
    const orderUrl = `${center.url}orders/${received.id}`;
    const [a, b] = devices as [(typeof devices)[0], (typeof devices)[0]];

    for (const device of devices) {
      await device.page.goto(center.url);
      await signIn(device.page, 'Northwind Laundry');
      await device.page.goto(orderUrl);
      await device.page.getByRole('heading', { name: `Order #${received.number}` }).waitFor();
      await device.context.setOffline(true);
    }

    await editOffline(a.page, orderUrl, 'Customer will pick up at noon', 1); // received -> washing
    await editOffline(b.page, orderUrl, 'Use the gentle programme', 2); // received -> washing -> drying

    await a.context.setOffline(false);
    await expect.poll(async () => (await serverOrder(received.id))?.notes).toBe('Customer will pick up at noon');
    await b.context.setOffline(false);

    // Status: progression, the furthest step wins, on the server too. Notes: manual, the server value stays.
    await expect.poll(async () => (await serverOrder(received.id))?.status).toBe('drying');
    expect((await serverOrder(received.id))?.notes).toBe('Customer will pick up at noon');

    // B's inbox holds the notes conflict with both versions.
    await b.page.getByRole('link', { name: 'Conflicts' }).click();
    await b.page.getByRole('button', { name: `Review Order #${received.number}` }).click();
    const notes = b.page.getByRole('radiogroup', { name: /notes: choose a value/i });
    await expect.poll(() => notes.textContent()).toMatch(/Use the gentle programme/);
    await expect.poll(() => notes.textContent()).toMatch(/Customer will pick up at noon/);
    await notes.getByRole('radio', { name: /^Local:/ }).click();
    await b.page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => b.page.getByText('No conflicts').count()).toBeGreaterThan(0);

    // Everyone converges on the mix: B's notes (chosen), the furthest status (rule), both histories (union).
    await expect.poll(async () => (await serverOrder(received.id))?.notes).toBe('Use the gentle programme');
    const final = await serverOrder(received.id);
    expect(final?.status).toBe('drying');
    for (const device of devices) {
      await device.page.goto(orderUrl);
      await expect
        .poll(() => device.page.getByRole('textbox', { name: 'Notes' }).inputValue())
        .toBe('Use the gentle programme');
      await expect.poll(() => device.page.getByText(/Drying · received/).count()).toBeGreaterThan(0);
    }
    const history = final?.history?.map((entry) => entry.summary) ?? [];
    expect(history.filter((summary) => summary.startsWith('Status'))).toHaveLength(3);
  });
});
