// Two operators edit the same order while offline. When both reconnect, the status follows its rule (the
// furthest step wins), the notes become a conflict in the second device's inbox, and resolving it there
// converges both devices and the server.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';

describe('conflict journey', () => {
  const journey = devicesJourney(2);

  async function editOffline(page: Page, orderUrl: string, notes: string, steps: number) {
    await page.goto(orderUrl);
    for (let step = 0; step < steps; step++) {
      const next = page.getByRole('button', { name: /^(Start |Mark |Deliver)/ });
      const label = await next.textContent();
      await next.click();
      await page
        .getByRole('button', { name: /^(Start |Mark |Deliver)/ })
        .filter({ hasNotText: label ?? '' })
        .waitFor();
    }
    await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/Saved on this device/).count()).toBeGreaterThan(0);
  }

  it('merges the status by its rule, records the notes conflict, and converges after resolving it', async () => {
    const orders = serverOrders(journey);
    const serverOrder = orders.one;
    const received = (await orders.all()).find((o) => o.status === 'received');
    if (!received) throw new Error('The demo data has no received order to edit');
    const { devices } = journey;
    const [a, b] = devices as [Device, Device];
    const orderUrl = await openOrderOnEach(journey, received);
    for (const device of devices) await setOnline(device.context, false);

    await editOffline(a.page, orderUrl, 'Customer will pick up at noon', 1); // received -> washing
    await editOffline(b.page, orderUrl, 'Use the gentle programme', 2); // received -> washing -> drying

    await setOnline(a.context, true);
    await expect.poll(async () => (await serverOrder(received.id))?.notes).toBe('Customer will pick up at noon');
    await setOnline(b.context, true);

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
