// The service catalogue as the shop lives with it: a manager adds a service (told first what a form left empty or
// typed wrong), sees it listed and offered on a new order; an operator on another device reads the catalogue
// without a way to change it, gets the manager's service through sync, and stops being offered it once the manager
// deactivates it. What the app hides, the server refuses too (apps/control-center/test/services.test.ts).
import { controlCenterSchemas, type Service } from '@syncline/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { startTestControlCenter, testTenants } from '../support/control-center';
import { signIn } from '../support/pages';
import { sharedBrowser } from '../support/shared-browser';

// Northwind Laundry's test team, with a manager beside the owner, operator and viewer
const tenants = testTenants.map((tenant) =>
  tenant.tenant === 'northwind-laundry'
    ? { ...tenant, team: [{ user: 'ben', role: 'manager' }, ...(tenant.team ?? [])] }
    : tenant,
);

describe('the service catalogue', () => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;
  let manager: Page;
  let operator: Page;

  beforeAll(async () => {
    center = await startTestControlCenter({ tenants });
    browser = await sharedBrowser();
    const device = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      context.setDefaultTimeout(20_000);
      return context.newPage();
    };
    manager = await device();
    operator = await device();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  async function openServices(page: Page, role: string) {
    await page.goto(center.url);
    await signIn(page, 'Northwind Laundry', role);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await page.getByRole('heading', { name: 'Services', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Shirt, washed and pressed' }).waitFor();
  }

  const serviceRow = (page: Page, name: string) => page.getByRole('row').filter({ hasText: name });

  /** The services the new-order dialog offers, as their options read. */
  async function offeredOnNewOrder(page: Page): Promise<string[]> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('button', { name: 'New order' }).click();
    const dialog = page.getByRole('dialog', { name: 'New order' });
    await dialog.getByRole('combobox', { name: /Service/ }).click();
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    const offered = await options.allTextContents();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    return offered;
  }

  it('lets a manager add a service, told first what is missing, and offers it on a new order', async () => {
    await openServices(manager, 'manager');
    await manager.getByRole('button', { name: 'Add service' }).click();
    const dialog = manager.getByRole('dialog', { name: 'Add a service' });
    await dialog.getByRole('textbox', { name: /Code/ }).fill('shirt');
    await dialog.getByRole('textbox', { name: /Unit price/ }).fill('24.505');
    await dialog.getByRole('button', { name: 'Add service' }).click();
    // each problem beside its field, as the field's description; nothing written
    await expect.poll(() => dialog.getByRole('textbox', { name: /Name/ }).getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => dialog.getByRole('textbox', { name: /Name/ }).getAttribute('aria-describedby'))
      .not.toBeNull();
    expect(await dialog.getByText('Enter the name the counter and the receipt show.').count()).toBe(1);
    expect(await dialog.getByText('SHIRT is already the code of "Shirt, washed and pressed".').count()).toBe(1);
    expect(await dialog.getByText('Enter the price in euros, such as 3.50.').count()).toBe(1);

    await dialog.getByRole('textbox', { name: /Name/ }).fill('Rug, large');
    await dialog.getByRole('textbox', { name: /Code/ }).fill('rug-l');
    await dialog.getByRole('textbox', { name: /Unit price/ }).fill('24,50');
    await dialog.getByRole('textbox', { name: /Tax rate/ }).fill('6');
    await dialog.getByRole('button', { name: 'Add service' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = serviceRow(manager, 'Rug, large');
    await expect.poll(() => row.textContent()).toMatch(/RUG-L.*€24\.50.*per item.*6 %.*Active/);
    // the server has it, as typed
    const account = center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(center.graphqlUrl, account?.token ?? '');
    await expect
      .poll(async () =>
        (await server.pullAll<Service>('services', controlCenterSchemas.services)).find((s) => s.sku === 'RUG-L'),
      )
      .toMatchObject({ name: 'Rug, large', unitPrice: 2450, taxRate: 0.06, unit: 'item', active: true });

    expect(await offeredOnNewOrder(manager)).toContain('Rug, large · €24.50 per item');
    // a line of it is priced and taxed as the catalogue says: 2 × €24.50 at 6 %
    await manager.getByRole('button', { name: 'New order' }).click();
    const newOrder = manager.getByRole('dialog', { name: 'New order' });
    await newOrder.getByRole('combobox', { name: /Service/ }).click();
    await manager.getByRole('option').filter({ hasText: 'Rug, large · €24.50 per item' }).click();
    await newOrder.getByRole('textbox', { name: /Quantity/ }).fill('2');
    await expect
      .poll(() => newOrder.locator('[data-slot="order-totals"]').locator('dt, dd').allTextContents())
      .toEqual(['Subtotal', '€49.00', 'Tax', '€2.94', 'Total', '€51.94']);
    await manager.keyboard.press('Escape');
    await newOrder.waitFor({ state: 'hidden' });
  });

  it('shows an operator the catalogue read-only, with the manager’s service, and stops offering a deactivated one', async () => {
    await openServices(operator, 'operator');
    // synced from the manager's device
    await serviceRow(operator, 'Rug, large').waitFor();
    expect(await operator.getByText(/Managers keep the catalogue; you can read it\./).count()).toBe(1);
    expect(await operator.getByRole('button', { name: /Add service|^Edit |^Deactivate |^Activate / }).count()).toBe(0);
    // right-aligned money in figures of one width
    const price = operator.getByRole('cell', { name: '€24.50' });
    expect(await price.evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right');
    expect(await price.evaluate((cell) => getComputedStyle(cell).fontVariantNumeric)).toContain('tabular-nums');
    expect(await offeredOnNewOrder(operator)).toContain('Rug, large · €24.50 per item');

    // the manager stops offering it; the operator's device follows
    await manager.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await manager.getByRole('button', { name: 'Deactivate Rug, large' }).click();
    await expect.poll(() => serviceRow(manager, 'Rug, large').textContent()).toMatch(/Inactive/);
    await operator.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Services' }).click();
    await expect.poll(() => serviceRow(operator, 'Rug, large').textContent()).toMatch(/Inactive/);
    const offered = await offeredOnNewOrder(operator);
    expect(offered).toContain('Shirt, washed and pressed · €3.50 per item');
    expect(offered).not.toContain('Rug, large · €24.50 per item');
  });
});
