// Journeys across devices: the control center, one Chromium with a context per device, and the steps such a
// journey starts with (sign in and open one order on every device; read the server's copy of an order).
import { controlCenterSchemas, type Order } from '@syncline/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter } from './control-center';
import { signIn, waitForServiceWorker } from './pages';
import { sharedBrowser } from './shared-browser';
import { printSyncTrafficOnFailure, recordSyncTraffic, watchDocuments } from './sync-traffic';

export interface Device {
  context: BrowserContext;
  page: Page;
}

export interface DevicesJourney {
  center: Awaited<ReturnType<typeof startTestControlCenter>>;
  browser: Browser;
  devices: Device[];
}

/** Starts the control center and `count` devices before the suite and closes them after it. */
export function devicesJourney(count: number): DevicesJourney {
  const journey = { devices: [] as Device[] } as DevicesJourney;
  beforeAll(async () => {
    journey.center = await startTestControlCenter();
    journey.browser = await sharedBrowser();
    for (let i = 0; i < count; i++) {
      const context = await journey.browser.newContext({ viewport: { width: 1280, height: 1000 } });
      context.setDefaultTimeout(20_000);
      const page = await context.newPage();
      recordSyncTraffic(page, `device ${i + 1}`);
      journey.devices.push({ context, page });
    }
  });
  printSyncTrafficOnFailure();
  afterAll(async () => {
    await journey.browser?.close();
    await journey.center?.close();
  });
  return journey;
}

/** The orders as the server holds them, read with the Northwind Laundry operator's token. */
export function serverOrders({ center }: Pick<DevicesJourney, 'center'>) {
  const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
  const server = new SyncClient(center.graphqlUrl, account?.token ?? '');
  const all = () => server.pullAll<Order>('orders', controlCenterSchemas.orders);
  return { all, one: async (id: string) => (await all()).find((order) => order.id === id) };
}

/**
 * Signs every device in to Northwind Laundry and opens the order's page there, with the service worker in control
 * (so a page opened with the network off still loads); returns the page's URL.
 */
export async function openOrderOnEach({ center, devices }: DevicesJourney, order: Pick<Order, 'id' | 'number'>) {
  const orderUrl = `${center.url}orders/${order.id}`;
  // a failed journey prints what each device holds of the order
  watchDocuments(order.id);
  for (const { page } of devices) {
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry');
    await page.goto(orderUrl);
    await page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await waitForServiceWorker(page);
  }
  return orderUrl;
}
