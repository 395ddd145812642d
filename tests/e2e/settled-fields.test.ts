// A field a merge rule settled never changes silently, on either device: two operators change one order's priority
// offline. A reconnects first (its High reaches the server); B reconnects last, its push runs into High and the
// merge keeps B's later Urgent. B's order page says "latest edit won: Urgent (this device) over High (server)"; A,
// whose value lost although A never merged anything, sees the same settlement, synced, as "Urgent (another device)
// over High (server)". Reverse on A writes High back as a normal edit: the server ends with it, the history says
// who reversed it, and both rows then say the value is back. A's Conflicts page lists the order among what can
// still be reversed until then.
import { type Order, type OrderPriority, orderPriorityLabel } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';

describe('settled automatically journey', () => {
  const journey = devicesJourney(2);

  async function savePriority(page: Page, priority: OrderPriority) {
    await page.getByRole('combobox', { name: 'Priority' }).click();
    await page.getByRole('option', { name: orderPriorityLabel[priority], exact: true }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/Saved on this device/).count()).toBeGreaterThan(0);
  }

  it('lists a priority the latest edit settled, with winner and loser, and Reverse brings the loser back', async () => {
    const orders = serverOrders(journey);
    const candidates: OrderPriority[] = ['low', 'normal'];
    const order = (await orders.all()).find((o) => o.status === 'received' && candidates.includes(o.priority));
    if (!order) throw new Error('The demo data has no received order of low or normal priority');
    const [a, b] = journey.devices as [Device, Device];
    const orderUrl = await openOrderOnEach(journey, order as Order);

    for (const { context } of journey.devices) await setOnline(context, false);
    await savePriority(a.page, 'high');
    // B's edit is the later one: `latest` keeps it although A reaches the server first
    await new Promise((resolve) => setTimeout(resolve, 50));
    await savePriority(b.page, 'urgent');
    await setOnline(a.context, true);
    await expect.poll(async () => (await orders.one(order.id))?.priority).toBe('high');
    await setOnline(b.context, true);
    await expect.poll(async () => (await orders.one(order.id))?.priority).toBe('urgent');

    // B merged: its page says so, in words, with the rule, the winner and the loser
    const settledRow = (page: Page) =>
      page.getByRole('region', { name: 'Settled automatically' }).getByRole('listitem').filter({ hasText: 'Priority' });
    await expect
      .poll(() => settledRow(b.page).textContent(), { timeout: 20_000 })
      .toContain('Priority settled automatically · latest edit won: Urgent (this device) over High (server)');
    // A's own value lost, on a device that merged nothing: the settlement reached it through the server
    const row = settledRow(a.page);
    await expect
      .poll(() => row.textContent(), { timeout: 20_000 })
      .toContain('Priority settled automatically · latest edit won: Urgent (another device) over High (server)');
    await expect
      .poll(() => a.page.getByRole('combobox', { name: 'Priority' }).textContent())
      .toBe(orderPriorityLabel.urgent);

    // the Conflicts page lists it too, under the order's name, among what can still be reversed
    const conflictsLink = a.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Conflicts/ });
    await conflictsLink.click();
    const listed = a.page.getByRole('region', { name: `Order #${order.number}` });
    await expect
      .poll(() => listed.textContent())
      .toContain('latest edit won: Urgent (another device) over High (server)');
    await a.page.goto(orderUrl);

    await row.getByRole('button', { name: 'Reverse Priority to High' }).click();
    await expect.poll(async () => (await orders.one(order.id))?.priority).toBe('high');
    await expect.poll(() => row.textContent()).toContain('Reversed: High is back');
    const reversal = (await orders.one(order.id))?.history?.find((entry) => entry.summary.startsWith('Reversed'));
    expect(reversal).toMatchObject({ by: 'ana', summary: 'Reversed the automatic merge of priority' });
    expect(reversal?.changes).toEqual([{ field: 'priority', from: 'urgent', to: 'high' }]);
    await conflictsLink.click();
    await a.page.getByRole('heading', { name: 'Conflicts', exact: true }).waitFor();
    await expect.poll(() => listed.count()).toBe(0);
    // the other device follows like any edit, and its row says the value is back
    await expect
      .poll(() => b.page.getByRole('combobox', { name: 'Priority' }).textContent())
      .toBe(orderPriorityLabel.high);
    await expect.poll(() => settledRow(b.page).textContent()).toContain('Reversed: High is back');
  });
});
