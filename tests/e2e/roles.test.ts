// Each person sees the shop as their role allows: a viewer reads orders without their money and finds no way to
// change them; an operator works orders but cannot delete them. What the app hides, the server also refuses (see
// packages/server/test/permissions.test.ts); here is what the person sees.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, serverOrders } from '../support/devices';
import { signIn } from '../support/pages';

describe('roles in the control center', () => {
  const journey = devicesJourney(3);

  async function openOrders(page: Page, role: string) {
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry', role);
    await page.getByRole('link', { name: 'Orders' }).click();
    await page.locator('[data-order-id]').first().waitFor();
  }

  it('shows a viewer orders without totals or actions, and an operator no way to delete', async () => {
    const [viewer, operator] = journey.devices as [Device, Device];
    const order = (await serverOrders(journey).all()).find((o) => o.status === 'received');
    if (!order) throw new Error('The demo data has no received order');

    await openOrders(viewer.page, 'viewer');
    const headers = await viewer.page.getByRole('columnheader').allTextContents();
    expect(headers.join(' ')).not.toMatch(/Total|Next step/);
    // nothing to select either: a viewer takes no bulk actions
    expect(await viewer.page.getByRole('checkbox').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^Start |^Mark |^Deliver/ }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'New order' }).count()).toBe(0);
    await viewer.page.goto(`${journey.center.url}orders/${order.id}`);
    await viewer.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await expect.poll(() => viewer.page.getByText(/your role does not change orders/).count()).toBe(1);
    expect(await viewer.page.getByText('Total incl. tax').count()).toBe(0);
    expect(
      await viewer.page
        .getByRole('button', { name: /^(Start |Mark |Deliver)|Cancel order|Delete|Save changes/ })
        .count(),
    ).toBe(0);

    await openOrders(operator.page, 'operator');
    expect(await operator.page.getByRole('columnheader', { name: 'Total' }).count()).toBe(1);
    await operator.page.goto(`${journey.center.url}orders/${order.id}`);
    await operator.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await operator.page.getByText('Total incl. tax').waitFor();
    expect(await operator.page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await operator.page.getByRole('button', { name: /^(Start |Mark |Deliver)/ }).click();
    await expect.poll(async () => (await serverOrders(journey).one(order.id))?.status).toBe('washing');

    // the Sync page's server view is for owners and managers
    await operator.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    await operator.page.getByRole('heading', { name: 'Sync', level: 1 }).waitFor();
    expect(await operator.page.getByText('Devices, as the server sees them').count()).toBe(0);
  });

  it('shows an owner every device of the shop as the server sees it, with its pushes and pulls', async () => {
    const owner = journey.devices[2] as Device;
    await openOrders(owner.page, 'owner');
    await owner.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sync' }).click();
    const table = owner.page.getByRole('table', { name: 'Devices the server has seen' });
    await table.waitFor();
    // the three people of this shop, each on their own device; the operator pushed its status change
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    const operatorRow = table.getByRole('row').filter({ hasText: 'carla' });
    await expect.poll(() => operatorRow.textContent()).toMatch(/carla \(operator\)/);
    expect(await operatorRow.getByRole('cell').nth(3).textContent()).toMatch(/just now|min ago/);
    expect(await table.getByRole('row').filter({ hasText: 'dev (viewer)' }).count()).toBe(1);
  });
});
