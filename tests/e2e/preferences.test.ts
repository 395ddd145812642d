// Display preferences (issue #21 outcome 4): Settings' density makes the orders table's rows shorter and the format of
// numbers and dates changes how money reads on the pages; both hold through a reload, on this device only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devicesJourney } from '../support/devices';
import { signIn } from '../support/pages';

async function openPage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The table's first order row (not a loading placeholder). */
const orderRow = (page: Page) => page.getByRole('row').filter({ hasText: /#\d+/ }).first();

/** The height of the table's first order row, once the table has laid it out. */
async function firstRowHeight(page: Page): Promise<number> {
  const row = orderRow(page);
  let height = 0;
  await expect
    .poll(async () => {
      height = (await row.boundingBox())?.height ?? 0;
      return height;
    })
    .toBeGreaterThan(0);
  return height;
}

describe('display preferences', () => {
  // the control center and one Chromium for the suite; each test opens its own context
  const journey = devicesJourney(0);

  it('compacts the rows and formats money the chosen way, through a reload', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry');

    await openPage(page, 'Orders');
    const comfortable = await firstRowHeight(page);
    const totals = orderRow(page).getByText(/€/);
    expect(await totals.textContent()).toMatch(/^€\d+\.\d{2}$/);

    await openPage(page, 'Settings');
    await page.getByRole('radio', { name: 'Compact' }).click();
    expect(await page.evaluate(() => document.documentElement.dataset.density)).toBe('compact');
    await page.getByRole('combobox', { name: 'Format' }).click();
    await page.getByRole('option', { name: 'Deutsch (Deutschland)' }).click();
    await expect.poll(() => page.getByText(/^Looks like:/).textContent()).toMatch(/1\.234,50\s€/);

    await openPage(page, 'Orders');
    const compact = await firstRowHeight(page);
    expect(compact).toBeLessThan(comfortable);
    expect(await orderRow(page).getByText(/€/).textContent()).toMatch(/^\d+,\d{2}\s€$/);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    expect(await firstRowHeight(page)).toBe(compact);
    expect(await orderRow(page).getByText(/€/).textContent()).toMatch(/^\d+,\d{2}\s€$/);

    await openPage(page, 'Settings');
    expect(await page.getByRole('radio', { name: 'Compact' }).isChecked()).toBe(true);
    await page.getByRole('radio', { name: 'Comfortable' }).click();
    await openPage(page, 'Orders');
    expect(await firstRowHeight(page)).toBe(comfortable);
    await context.close();
  });
});
