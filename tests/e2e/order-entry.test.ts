// Order entry at the counter: the customer picker finds a customer among many by part of their phone number, with
// the keyboard only, and adds a customer who is new on the spot, offline; both orders (and the new customer) reach
// the server once the device is back online.
import { type Customer, controlCenterSchemas, type Order } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { devicesJourney, serverOrders as ordersOnServer } from '../support/devices';
import { setOnline } from '../support/network';
import { signIn, waitForAllSynced, waitForServiceWorker } from '../support/pages';

const digitsOf = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '');

// each half signs in on a page of its own and waits for the first sync: longer than the project's two minutes on a
// busy machine
describe('order entry journey', { timeout: 240_000 }, () => {
  // the control center and one Chromium for the suite; each half opens its own page, so one cannot leave the other
  // a dialog open or the network off
  const journey = devicesJourney(0);

  /** A counter's page, signed in to Northwind Laundry with the server's orders synced and the service worker in control. */
  async function counter() {
    const onServer = (await serverOrders()).length;
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry');
    await expect.poll(() => page.getByText(`${onServer} orders`).count(), { timeout: 30_000 }).toBe(1);
    await waitForServiceWorker(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    return { context, page };
  }

  const serverOrders = (): Promise<Order[]> => ordersOnServer(journey).all();
  const serverCustomers = () => {
    const account = journey.center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(journey.center.graphqlUrl, account?.token ?? '');
    return server.pullAll<Customer>('customers', controlCenterSchemas.customers);
  };

  /** Opens the new-order dialog from the keyboard: focus lands on the customer picker. */
  async function openNewOrder(page: Page) {
    await page.getByRole('button', { name: 'New order' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New order' });
    const picker = dialog.getByRole('combobox', { name: /Customer/ });
    await expect
      .poll(() => picker.evaluate((input) => input === document.activeElement), { timeout: 5_000 })
      .toBe(true);
    return { dialog, picker };
  }

  it('finds a customer by part of their phone number with the keyboard only and creates their order', async () => {
    const { context, page } = await counter();

    const customers = await serverCustomers();
    // six digits from the middle of a number no other customer's number has
    const [customer, part] =
      customers
        .map((c) => [c, digitsOf(c.phone).slice(5, 11)] as const)
        .find(
          ([c, digits]) =>
            digits.length === 6 && customers.every((other) => other === c || !digitsOf(other.phone).includes(digits)),
        ) ?? [];
    expect(customer).toBeDefined();
    if (!customer || !part) return;
    const before = await serverOrders();

    const { dialog, picker } = await openNewOrder(page);
    // typed as people read numbers out, in groups
    await page.keyboard.type(`${part.slice(0, 3)} ${part.slice(3)}`);
    const options = page.getByRole('listbox', { name: 'Customers' }).getByRole('option');
    const typed = `${part.slice(0, 3)} ${part.slice(3)}`;
    // the one customer with those digits, then the offer to add someone new
    await expect
      .poll(() => options.allTextContents())
      .toEqual([`${customer.name} · ${customer.phone}`, `Add customer “${typed}”`]);
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue(), { timeout: 5_000 }).toBe(customer.name);
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    // Enter again creates the order (quantity 1 of the first service, normal priority)
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(async () => (await serverOrders()).filter((order) => order.customerId === customer.id).length, {
        timeout: 30_000,
      })
      .toBe(before.filter((order) => order.customerId === customer.id).length + 1);
    const created = (await serverOrders()).find((order) => !before.some((old) => old.id === order.id));
    expect(created).toMatchObject({ customerId: customer.id, customerName: customer.name, status: 'received' });
    await context.close();
  });

  it('takes several lines from the catalogue with quantities and a due time, totals as they are typed', async () => {
    const { context, page } = await counter();
    const [customer] = await serverCustomers();
    if (!customer) throw new Error('Northwind Laundry has no customers');
    const before = await serverOrders();
    const { dialog, picker } = await openNewOrder(page);
    await page.keyboard.type(customer.name);
    // Enter chooses the row shown active: wait until the list shows the customer first (not the offer to add one)
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Customers' }).getByRole('option').first().textContent(), {
        timeout: 10_000,
      })
      .toMatch(new RegExp(`^${customer.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue(), { timeout: 5_000 }).toBe(customer.name);

    const line = (n: number) => dialog.getByRole('group', { name: `Line ${n}` });
    const service = (n: number) => line(n).getByRole('combobox', { name: /Service/ });
    const quantity = (n: number) => line(n).getByRole('textbox', { name: /Quantity/ });
    const focused = (field: ReturnType<typeof service>) =>
      expect.poll(() => field.evaluate((input) => input === document.activeElement), { timeout: 5_000 }).toBe(true);
    // the first line starts as the catalogue's first service (by name)
    expect(await service(1).inputValue()).toBe('Bed linen set');

    /** Add line from the keyboard, find a service by a word of its name and give the quantity. */
    async function addLine(n: number, words: string, name: string, count: string) {
      await dialog.getByRole('button', { name: 'Add line' }).focus();
      await page.keyboard.press('Enter');
      await focused(service(n));
      await page.keyboard.type(words);
      await expect
        .poll(() => page.getByRole('listbox', { name: 'Services' }).getByRole('option').first().textContent(), {
          timeout: 5_000,
        })
        .toMatch(new RegExp(`^${name}`));
      await page.keyboard.press('Enter');
      await expect.poll(() => service(n).inputValue(), { timeout: 5_000 }).toBe(name);
      await page.keyboard.press('Tab');
      await focused(quantity(n));
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(count);
    }
    await addLine(2, 'duvet d', 'Duvet, double', '2');
    await addLine(3, 'shirt', 'Shirt, washed and pressed', '0');

    // a due time already past and a quantity of 0: each field says what is wrong, nothing is written
    const dueDayField = dialog.getByRole('textbox', { name: 'Due', exact: true });
    const dueTime = dialog.getByLabel('Due time');
    await dueDayField.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1 Jan 2020');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => line(3).getByText('Enter a whole number from 1 to 999.').count(), { timeout: 5_000 })
      .toBe(1);
    expect(await dialog.getByText('Choose a time still to come: the order would be overdue at once.').count()).toBe(1);
    expect(await quantity(3).getAttribute('aria-invalid')).toBe('true');
    await quantity(3).fill('4');
    // the error goes as the line is put right
    await expect
      .poll(() => line(3).getByText('Enter a whole number from 1 to 999.').count(), { timeout: 5_000 })
      .toBe(0);
    // the day typed three days ahead, then one day on in the calendar by keyboard (Alt+Down opens it on the day
    // typed, an arrow moves, Enter picks), and the time typed in its own field
    const typedDay = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dueDayField.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(`${typedDay.getFullYear()}-${pad(typedDay.getMonth() + 1)}-${pad(typedDay.getDate())}`);
    await page.keyboard.press('Alt+ArrowDown');
    const calendar = dialog.getByRole('grid');
    await calendar.waitFor();
    await expect
      .poll(() => calendar.locator('button:focus').getAttribute('aria-label'), { timeout: 5_000 })
      .toMatch(new RegExp(`\\b${typedDay.getDate()} `));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await calendar.waitFor({ state: 'hidden' });
    await dueTime.fill('17:00');
    const dueDay = new Date(typedDay.getFullYear(), typedDay.getMonth(), typedDay.getDate() + 1, 17, 0);

    // the first line goes; focus moves to the line that took its place
    await line(1).getByRole('button', { name: 'Remove line 1' }).click();
    await focused(service(1));
    expect(await dialog.getByRole('group', { name: /^Line \d/ }).count()).toBe(2);
    expect(await service(1).inputValue()).toBe('Duvet, double');
    // 2 × €19.00 and 4 × €3.50, with 23 % tax on €52.00
    const amounts = dialog.locator('[data-slot="line-amount"]');
    await expect.poll(() => amounts.allTextContents(), { timeout: 5_000 }).toEqual(['€38.00', '€14.00']);
    const totals = dialog.locator('[data-slot="order-totals"]');
    expect(await totals.locator('dt, dd').allTextContents()).toEqual([
      'Subtotal',
      '€52.00',
      'Tax',
      '€11.96',
      'Total',
      '€63.96',
    ]);

    // Enter in a field submits the form
    await quantity(2).press('Enter');
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    await expect.poll(async () => (await serverOrders()).length, { timeout: 30_000 }).toBe(before.length + 1);
    const created = (await serverOrders()).find((order) => !before.some((old) => old.id === order.id));
    expect(created).toMatchObject({
      customerId: customer.id,
      items: [
        { sku: 'DUVET-D', quantity: 2, unitPrice: 1_900 },
        { sku: 'SHIRT', quantity: 4, unitPrice: 350 },
      ],
      totals: { subtotal: 5_200, tax: 1_196, total: 6_396 },
      dueAt: dueDay.getTime(),
    });
    await context.close();
  });

  it('adds a new customer from the picker while offline, orders for them, and both sync on reconnect', async () => {
    const { context, page } = await counter();
    const before = await serverOrders();
    await setOnline(context, false);
    // the app has noticed: the header or a banner says so
    await expect.poll(() => page.getByText(/offline/i).count(), { timeout: 10_000 }).toBeGreaterThan(0);

    const { dialog, picker } = await openNewOrder(page);
    await page.keyboard.type('Zélia Fonseca');
    const options = page.getByRole('listbox', { name: 'Customers' }).getByRole('option');
    await expect.poll(() => options.allTextContents(), { timeout: 5_000 }).toEqual(['Add customer “Zélia Fonseca”']);
    await page.keyboard.press('Enter');
    // the name is kept; the phone field takes focus
    const newCustomer = dialog.getByRole('group', { name: 'New customer' });
    expect(await newCustomer.getByRole('textbox', { name: /Name/ }).inputValue()).toBe('Zélia Fonseca');
    const phone = newCustomer.getByRole('textbox', { name: 'Phone' });
    await expect.poll(() => phone.evaluate((input) => input === document.activeElement), { timeout: 5_000 }).toBe(true);
    await page.keyboard.type('+351 900 111 222');
    await page.keyboard.press('Enter');
    await newCustomer.waitFor({ state: 'detached' });
    expect(await picker.inputValue()).toBe('Zélia Fonseca');
    await expect
      .poll(() => picker.evaluate((input) => input === document.activeElement), { timeout: 5_000 })
      .toBe(true);
    await dialog.getByRole('textbox', { name: 'Notes' }).fill('First visit');
    await dialog.getByRole('button', { name: 'Create order' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.locator('tr[data-order-id]').filter({ hasText: 'Zélia Fonseca' });
    await expect
      .poll(() => row.locator('[data-slot="sync-dot"]').getAttribute('data-state'), { timeout: 5_000 })
      .toBe('pending');

    // the picker finds the new customer by phone, on this device, before any sync
    const again = await openNewOrder(page);
    await page.keyboard.type('900111');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['Zélia Fonseca · +351 900 111 222', 'Add customer “900111”']);
    await page.keyboard.press('Escape');
    expect(await again.picker.inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await again.dialog.waitFor({ state: 'hidden' });

    await setOnline(context, true);
    await expect
      .poll(() => row.locator('[data-slot="sync-dot"]').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('synced');
    await waitForAllSynced(page);

    const added = (await serverCustomers()).filter((customer) => customer.name === 'Zélia Fonseca');
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ phone: '+351 900 111 222', orderCount: 0 });
    const orders = await serverOrders();
    expect(orders).toHaveLength(before.length + 1);
    const created = orders.find((order) => !before.some((old) => old.id === order.id));
    expect(created).toMatchObject({ customerId: added[0]?.id, customerName: 'Zélia Fonseca', notes: 'First visit' });
    await context.close();
  });
});
