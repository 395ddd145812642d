// Orders this device no longer keeps (delivered more than 30 days ago: outside the orders' sync scope) are still
// there for an operator: searched on the sync server from the orders page, opened, and kept while open. Offline,
// the page says the search needs the server rather than failing.
import { join } from 'node:path';
import { ORDER_KEPT_DAYS, type Order } from '@syncline/domain';
import { createSqliteStorage } from '@syncline/server';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';
import { signIn } from '../support/pages';

const DAY = 86_400_000;

describe('older orders, on demand', () => {
  const journey = devicesJourney(1);
  const device = () => journey.devices[0] as Device;
  const page = () => device().page;

  /** A delivered order last changed long ago, stored on the server behind its back (as years of history are). */
  async function storeOldOrder(): Promise<Order> {
    const [template] = await serverOrders(journey).all();
    if (!template) throw new Error('The demo data has no orders');
    const updatedAt = Date.now() - (ORDER_KEPT_DAYS + 60) * DAY;
    const old: Order = {
      ...template,
      id: 'order-archive-zelda',
      number: 900_001,
      customerName: 'Zelda Archive',
      status: 'delivered',
      history: [],
      receivedAt: updatedAt - 2 * DAY,
      deliveredAt: updatedAt,
      updatedAt,
    };
    const storage = createSqliteStorage({ path: join(journey.center.dataDir, 'syncline.sqlite') });
    await storage.transaction('northwind-laundry', (tx) =>
      tx.write('orders', [{ id: old.id, updatedAt, deleted: false, data: { ...old, _deleted: false } }]),
    );
    await storage.close();
    return old;
  }

  /** The order as the server's database holds it. */
  async function storedOrder(id: string) {
    const storage = createSqliteStorage({ path: join(journey.center.dataDir, 'syncline.sqlite') });
    const [row] = await storage.lookup({ tenant: 'northwind-laundry', collection: 'orders', ids: [id], limit: 1 });
    await storage.close();
    return row;
  }

  const search = () => page().getByLabel('Search orders');

  it('finds an order the device does not keep on the server and opens it', async () => {
    const old = await storeOldOrder();
    await page().goto(journey.center.url);
    await signIn(page(), 'Northwind Laundry');
    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page().locator('tbody tr[data-order-id]').first().waitFor();
    await page().getByText('All changes synced').first().waitFor({ timeout: 30_000 });

    await search().fill('Zelda');
    await page().getByText('No orders match.').waitFor();
    const older = page().getByRole('region', { name: 'Older orders' });
    await older.getByRole('button', { name: 'Search older orders' }).click();
    const found = older.getByRole('link', { name: /#900001\s*Zelda Archive/ });
    await found.waitFor();
    expect(await older.getByRole('link').count()).toBe(1);

    // another search forgets that answer: the server is asked again, on request
    await search().fill('Zeldb');
    await older.getByRole('button', { name: 'Search older orders' }).waitFor();
    expect(await older.getByRole('link').count()).toBe(0);
    await older.getByRole('button', { name: 'Search older orders' }).click();
    await older.getByText('The sync server has no order matching “Zeldb” either.').waitFor();
    await search().fill('Zelda');
    await older.getByRole('button', { name: 'Search older orders' }).click();
    await found.waitFor();

    await found.click();
    await page()
      .getByRole('heading', { level: 1, name: `Order #${old.number}` })
      .waitFor();
    await expect
      .poll(() => page().getByRole('status').filter({ hasText: 'From the sync server' }).count(), { timeout: 10_000 })
      .toBe(1);
    // nothing was written back: the server's order is as it was
    const onServer = await storedOrder(old.id);
    expect(onServer?.updatedAt).toBe(old.updatedAt);
    expect(onServer?.data.status).toBe('delivered');
  });

  it('says the search needs the server while offline', async () => {
    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page().locator('tbody tr[data-order-id]').first().waitFor();
    await setOnline(device().context, false);
    try {
      await search().fill('Zelda');
      const older = page().getByRole('region', { name: 'Older orders' });
      await older.getByText(/can be searched on the server once online/).waitFor({ timeout: 20_000 });
      expect(await older.getByRole('button', { name: 'Search older orders' }).isDisabled()).toBe(true);
    } finally {
      await setOnline(device().context, true);
    }
  });
});
