// The previous app's customers come over without anyone doing anything: a device holding the old app's list in
// localStorage opens the control center, the import runs in the background, the page is reloaded half-way, and
// it goes on where it stopped. At the end every valid customer is there exactly once (on the device and the
// server), Settings lists each record not imported with why, and the old list is still in localStorage, unchanged.
import { type Customer, controlCenterSchemas } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import {
  LEGACY_CUSTOMERS_KEY,
  LEGACY_IMPORT_PACE_KEY,
  type LegacyCustomer,
} from '../../apps/control-center/src/lib/legacy-customers';
import { type Device, devicesJourney } from '../support/devices';
import { signIn, waitForAllSynced } from '../support/pages';

/** 300 records as the old app kept them; a few it should never have kept. */
function legacyList(): unknown[] {
  const list: unknown[] = Array.from(
    { length: 300 },
    (_, i): LegacyCustomer => ({
      id: i + 1,
      name: `Old customer ${i + 1}`,
      phone: `+351 91${String(i).padStart(7, '0')}`,
      visits: i % 9,
      vip: i % 25 === 0,
      since: '2021-06-01',
    }),
  );
  list[10] = { id: 11, name: '', since: '2021-06-01' };
  list[50] = { id: 51, name: 'Negative visits', visits: -3, since: '2021-06-01' };
  list[120] = { id: 121, name: 'No date', since: 'last spring' };
  list[200] = 'Walk-in, paid cash';
  list[250] = { name: 'No number', since: '2021-06-01' };
  // the same customer number twice, with another name: the first one stays
  list[280] = { id: 6, name: 'Someone else', since: '2021-06-01' };
  return list;
}

const notImported = [
  { record: '11', number: '11', why: 'It has no name.' },
  { record: '51', number: '51', why: 'Its number of visits (-3) is not a whole number of 0 or more.' },
  { record: '121', number: '121', why: 'Its first visit ("last spring") is not a date.' },
  { record: '201', number: '—', why: 'It is not a customer record.' },
  { record: '251', number: '—', why: 'It has no customer number.' },
];
const validIds = new Set(
  Array.from({ length: 300 }, (_, i) => i + 1)
    .filter((n) => ![11, 51, 121, 201, 251, 281].includes(n))
    .map((n) => `legacy-${n}`),
);

describe('legacy customers import', () => {
  const journey = devicesJourney(2);
  let page: Page;

  beforeAll(() => {
    page = (journey.devices[0] as Device).page;
  });

  const progress = () => page.getByRole('progressbar', { name: 'Customers from the previous app' });
  /** records handled so far as the progress bar shows them; -1 while it is not on the page */
  const handled = async () =>
    Number(
      (await progress()
        .getAttribute('aria-valuenow', { timeout: 1_000 })
        .catch(() => null)) ?? -1,
    );

  it('imports the old list in the background, through a reload half-way, losing nothing', async () => {
    const legacy = JSON.stringify(legacyList());
    await page.goto(journey.center.url);
    await page.evaluate(
      ([key, list, paceKey]) => {
        localStorage.setItem(key, list);
        // small, slow batches: a reload half-way is within reach of the test
        localStorage.setItem(paceKey, JSON.stringify({ batchSize: 10, pauseMs: 150 }));
      },
      [LEGACY_CUSTOMERS_KEY, legacy, LEGACY_IMPORT_PACE_KEY] as const,
    );
    await signIn(page, 'Northwind Laundry');
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Data from the previous app' });
    await section.waitFor();

    // some handled, at most half: reload
    await expect.poll(handled, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = await handled();
    expect(before).toBeLessThanOrEqual(150);
    // from the reload on, every value the progress bar shows
    await page.addInitScript(() => {
      const shown: number[] = [];
      (window as unknown as { importProgress: number[] }).importProgress = shown;
      const record = () => {
        const value = document
          .querySelector('[role="progressbar"][aria-label="Customers from the previous app"]')
          ?.getAttribute('aria-valuenow');
        if (value != null && shown.at(-1) !== Number(value)) shown.push(Number(value));
      };
      new MutationObserver(record).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['aria-valuenow'],
      });
    });
    await page.reload();
    await section.waitFor({ timeout: 30_000 });

    await expect
      .poll(() => section.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/Done on .*: 300 records, 294 imported, 1 already present, 5 not imported\./);
    // it went on from where it was, never from the start again
    const shown = await page.evaluate(() => (window as unknown as { importProgress: number[] }).importProgress);
    expect(shown[0]).toBeGreaterThanOrEqual(before);
    expect(shown[0]).toBeLessThan(300);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));

    await section.getByRole('button', { name: 'Show not imported (5)' }).click();
    const table = section.getByRole('table', { name: 'Not imported' });
    const rows = await table.getByRole('row').allTextContents();
    expect(rows.slice(1)).toEqual(notImported.map(({ record, number, why }) => `${record}${number}${why}`));
    await section.getByRole('button', { name: 'Show already present (1)' }).click();
    await expect
      .poll(() => section.getByRole('table', { name: 'Already present' }).getByRole('row').nth(1).textContent())
      .toBe('2816A document with this id is already in customers with other content; it was kept as it is.');

    // the old list is as the old app left it
    expect(await page.evaluate((key) => localStorage.getItem(key), LEGACY_CUSTOMERS_KEY)).toBe(legacy);

    // every valid customer on the server, once, as the old app had it
    await waitForAllSynced(page);
    const account = journey.center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(journey.center.graphqlUrl, account?.token ?? '');
    const customers = await server.pullAll<Customer>('customers', controlCenterSchemas.customers);
    const imported = customers.filter((customer) => customer.id.startsWith('legacy-'));
    expect(imported).toHaveLength(validIds.size);
    expect(new Set(imported.map((customer) => customer.id))).toEqual(validIds);
    expect(imported.find((customer) => customer.id === 'legacy-6')?.name).toBe('Old customer 6');
    expect(imported.find((customer) => customer.id === 'legacy-26')).toMatchObject({
      tags: ['vip'],
      orderCount: 7,
      phone: '+351 910000025',
    });

    // a reload once it is done: the report, and nothing imported again
    await page.reload();
    await expect
      .poll(() => section.getByRole('status').textContent(), { timeout: 30_000 })
      .toMatch(/300 records, 294 imported/);
  });

  it('shows nothing in Settings on a device without the old list', async () => {
    const other = (journey.devices[1] as Device).page;
    await other.goto(journey.center.url);
    await signIn(other, 'Harbor Linen Services');
    await other.getByRole('link', { name: 'Settings' }).click();
    await other.getByText('Follow the system').waitFor();
    expect(await other.getByRole('region', { name: 'Data from the previous app' }).count()).toBe(0);
  });
});
