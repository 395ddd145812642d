// An order's page shows what the server recorded of it: after an edit, who changed which field from what to what;
// with the network off, that the server's history needs a connection while the device's own history stays.
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';

describe('the server history on an order page', () => {
  const journey = devicesJourney(1);

  it('shows an edit the server took, and says it needs a connection offline', async () => {
    const [{ page, context }] = journey.devices as [Device];
    const order = (await serverOrders(journey).all()).find((o) => o.status === 'received');
    if (!order) throw new Error('The demo data has no received order');
    await openOrderOnEach(journey, order);

    const serverHistory = page.getByRole('list', { name: 'Server history' });
    await page.getByRole('textbox', { name: 'Notes' }).fill('Starch the collars');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await serverOrders(journey).one(order.id))?.notes).toBe('Starch the collars');

    const edit = serverHistory
      .getByRole('listitem')
      .filter({ hasText: /Starch the collars/ })
      .first();
    await edit.waitFor();
    expect(await edit.textContent()).toMatch(/Changed by .+ \(owner\)/);
    expect(await edit.getByRole('list', { name: 'Changes' }).textContent()).toMatch(/→ Starch the collars/);

    await setOnline(context, false);
    await page.getByText("Server history needs a connection; this device's history is below.").waitFor();
    await page.getByRole('list', { name: 'Change history' }).waitFor();
    await setOnline(context, true);
  });
});
