// Each person sees the shop as their role allows: a viewer reads orders without their money and finds no way to
// change them; an operator works orders but cannot delete them. What the app hides, the server also refuses (see
// packages/server/test/permissions.test.ts); here is what the person sees.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, serverOrders } from '../support/devices';
import { signIn } from '../support/pages';

describe('roles in the control center', () => {
  const journey = devicesJourney(2);

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
    expect(headers.join(' ')).not.toMatch(/Total|Actions/);
    expect(await viewer.page.getByRole('button', { name: 'New order' }).count()).toBe(0);
    await viewer.page.goto(`${journey.center.url}orders/${order.id}`);
    await viewer.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await expect.poll(() => viewer.page.getByText(/your role does not change orders/).count()).toBe(1);
    expect(await viewer.page.getByText('Total incl. tax').count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: /^Mark |Cancel order|Delete|Save changes/ }).count()).toBe(0);

    await openOrders(operator.page, 'operator');
    expect(await operator.page.getByRole('columnheader', { name: 'Total' }).count()).toBe(1);
    await operator.page.goto(`${journey.center.url}orders/${order.id}`);
    await operator.page.getByRole('heading', { name: `Order #${order.number}` }).waitFor();
    await operator.page.getByText('Total incl. tax').waitFor();
    expect(await operator.page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await operator.page.getByRole('button', { name: /^Mark / }).click();
    await expect.poll(async () => (await serverOrders(journey).one(order.id))?.status).toBe('washing');
  });
});
