// Saved views of the orders table: Ana filters, sorts and hides a column, saves that under a name, and finds it again
// after a reload and from the menu; the view is in the address. Her second device has it once it syncs; Carla, on
// her own device, never does, and the server holds it as Ana's alone.
import { controlCenterSchemas, type SavedView } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { type Device, devicesJourney } from '../support/devices';
import { signIn } from '../support/pages';

describe('saved views of the orders table', () => {
  const journey = devicesJourney(3);
  const page = (index: number) => (journey.devices[index] as Device).page;

  async function openOrders(p: Page, role: string) {
    await p.goto(journey.center.url);
    await signIn(p, 'Northwind Laundry', role);
    await p.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    // a new device's first sync, on a machine busy with other suites, takes a while
    await p.locator('tbody tr[data-order-id]').first().waitFor({ timeout: 60_000 });
  }

  const header = (p: Page, name: string) => p.getByRole('columnheader', { name, exact: true });
  const statusFilter = (p: Page) => p.getByRole('combobox', { name: 'Filter by status' });
  const viewsOf = (user: string) => {
    const account = journey.center.accounts.find((a) => a.tenant === 'northwind-laundry' && a.user === user);
    return new SyncClient(journey.center.graphqlUrl, account?.token ?? '').pullAll<SavedView>(
      'views',
      controlCenterSchemas.views,
    );
  };

  it('saves the filters, sort and columns under a name, kept in the address', async () => {
    const ana = page(0);
    await openOrders(ana, 'owner');
    await statusFilter(ana).click();
    await ana.getByRole('option', { name: 'Ready', exact: true }).click();
    await ana.getByRole('button', { name: 'Customer' }).click();
    await ana.getByRole('button', { name: 'Columns' }).click();
    await ana.getByRole('menuitemcheckbox', { name: 'Priority' }).click();
    await ana.keyboard.press('Escape');
    await expect.poll(() => header(ana, 'Priority').count(), { timeout: 5_000 }).toBe(0);

    await ana.getByRole('button', { name: 'Saved views' }).click();
    await ana.getByRole('menuitem', { name: 'Save as a new view…' }).click();
    const dialog = ana.getByRole('dialog', { name: 'Save this view' });
    // a name is needed: said beside the field, nothing saved
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await dialog.getByText('Give the view a name.').waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Ready to collect');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await ana.getByText('View “Ready to collect” saved').waitFor();
    await ana.getByRole('button', { name: 'Saved view: Ready to collect' }).waitFor();
    const url = new URL(ana.url());
    expect(url.searchParams.get('status')).toBe('ready');
    expect(url.searchParams.get('sort')).toBe('customerName');
    expect(url.searchParams.get('hide')).toBe('priority');
    expect(url.searchParams.get('view')).toMatch(/^view-/);
  });

  it("shows the view again after a reload, and the server holds it as its owner's", async () => {
    const ana = page(0);
    await ana.reload();
    await ana.locator('tbody tr[data-order-id]').first().waitFor({ timeout: 60_000 });
    await ana.getByRole('button', { name: 'Saved view: Ready to collect' }).waitFor();
    await expect.poll(() => statusFilter(ana).textContent(), { timeout: 10_000 }).toBe('Ready');
    expect(await header(ana, 'Priority').count()).toBe(0);
    await expect
      .poll(async () => (await viewsOf('ana')).map((view) => view.name), { timeout: 15_000 })
      .toEqual(['Ready to collect']);
  });

  it('picks a saved view from the menu', async () => {
    const ana = page(0);
    await ana.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => new URL(ana.url()).search, { timeout: 5_000 }).toBe('');
    await expect.poll(() => statusFilter(ana).textContent(), { timeout: 5_000 }).toBe('All statuses');
    await header(ana, 'Priority').waitFor();
    await ana.getByRole('button', { name: 'Saved views' }).click();
    await ana.getByRole('menuitemradio', { name: 'Ready to collect' }).click();
    await expect.poll(() => statusFilter(ana).textContent(), { timeout: 5_000 }).toBe('Ready');
    await expect.poll(() => header(ana, 'Priority').count(), { timeout: 5_000 }).toBe(0);
    expect(new URL(ana.url()).searchParams.get('hide')).toBe('priority');
  });

  it("reaches the same person's other device once it syncs", async () => {
    const anaElsewhere = page(1);
    await openOrders(anaElsewhere, 'owner');
    await expect
      .poll(
        async () => {
          await anaElsewhere.getByRole('button', { name: /Saved view/ }).click();
          const found = await anaElsewhere.getByRole('menuitemradio', { name: 'Ready to collect' }).count();
          await anaElsewhere.keyboard.press('Escape');
          return found;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(1);
  });

  it("never reaches another person's device, though a shared address shows its filters", async () => {
    const carla = page(2);
    await openOrders(carla, 'operator');
    // a shared address shows Ana's filters to Carla, without her view's name
    await carla.goto(page(0).url());
    await expect.poll(() => statusFilter(carla).textContent(), { timeout: 10_000 }).toBe('Ready');
    await carla.getByRole('button', { name: 'Saved views' }).click();
    await carla.getByRole('menuitem', { name: 'No saved views yet' }).waitFor();
    expect(await carla.getByRole('menuitemradio').count()).toBe(0);
    await carla.keyboard.press('Escape');
    expect(await viewsOf('carla')).toEqual([]);
  });
});
