// A control center older than its sync server (the server now serves a newer orders schema): the server refuses
// to sync orders with it, so the shell says a newer control center is on the server and reloads to it on request.
// The server's refusal is played by the browser's network layer here; how a real server refuses and how the
// device's data moves up a version are the data package's browser-upgrade test.
import { controlCenterSchemas } from '@syncline/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestControlCenter } from '../support/control-center';
import { signIn, waitForAllSynced } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

describe('an app older than its sync server', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;

  beforeAll(async () => {
    center = await startTestControlCenter();
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('says a newer control center is on the server and reloads to it', async () => {
    // the service worker would answer the page's requests before the route below could see them
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const ours = controlCenterSchemas.orders.version;
    let serverIsNewer = true;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!serverIsNewer || !body.includes('pullOrders')) return route.fallback();
      await route.fulfill({
        status: 409,
        contentType: 'application/json',
        body: JSON.stringify({
          errors: [
            {
              message: `This app's orders are schema version ${ours}; the server serves version ${ours + 1}. Update the app to sync orders; changes made here stay on this device until then.`,
              extensions: { code: 'SCHEMA_MISMATCH', collection: 'orders', client: ours, server: ours + 1 },
            },
          ],
        }),
      });
    });

    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    const notice = page.locator('[data-slot="app-update-notice"]');
    await notice.getByText('A newer control center is on the server.').waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('role')).toBe('alert');
    // the status says who must update, never that everything is synced
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /All changes synced/ })
        .count(),
    ).toBe(0);

    // the server serves this app's version from the reload on (as a reloaded app would speak the server's); not
    // before it, or the old page's next retry succeeds and takes the notice away before the press
    page.on('request', (request) => {
      if (request.isNavigationRequest()) serverIsNewer = false;
    });
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await waitForAllSynced(page);
    expect(await notice.count()).toBe(0);
    await context.close();
  });
});
