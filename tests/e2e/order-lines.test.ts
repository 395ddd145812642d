// An order's lines after it was taken: an operator changes a quantity (told beside the field when it is not one),
// removes a line and adds one from the catalogue, by keyboard; the server ends with those lines, each with an id,
// totals from the lines and a history entry. A viewer on another device reads the lines without a way to change them.
import { type Order, storedTotals } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, serverOrders } from '../support/devices';
import { signIn } from '../support/pages';

describe('editing an order’s lines', () => {
  const journey = devicesJourney(2);

  it('changes a quantity, removes a line and adds one; a viewer only reads them', async () => {
    const orders = serverOrders(journey);
    // two lines or more, each of another service, none of them trousers (added below)
    const order = (await orders.all()).find(
      (o) =>
        o.status === 'received' &&
        o.items.length >= 2 &&
        new Set(o.items.map((line) => line.sku)).size === o.items.length &&
        !o.items.some((line) => line.sku === 'TROUSERS'),
    );
    if (!order) throw new Error('The demo data has no received order with two different lines');
    const [first, second] = order.items as [Order['items'][number], Order['items'][number]];
    const [operator, viewer] = journey.devices as [Device, Device];
    const { page } = operator;
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry', 'operator');
    await page.goto(`${journey.center.url}orders/${order.id}`);
    await page.getByRole('heading', { level: 1, name: `Order #${order.number}` }).waitFor();
    const lines = page.getByRole('form', { name: 'Lines' });
    const quantity = lines.getByRole('textbox', { name: `${first.name} quantity` });
    await expect.poll(() => quantity.inputValue()).toBe(String(first.quantity));

    // not a quantity: said beside the field, nothing written
    await quantity.fill('0');
    await lines.getByRole('button', { name: 'Save lines' }).click();
    await expect.poll(() => quantity.getAttribute('aria-invalid')).toBe('true');
    expect(await lines.getByText(`The line keeps ${first.quantity}; nothing was saved.`).count()).toBe(1);
    expect((await orders.one(order.id))?.items).toEqual(order.items);

    // by keyboard: a new quantity, the second line removed, two trousers added, then saved with Enter
    await quantity.fill(String(first.quantity + 3));
    await expect.poll(() => quantity.inputValue()).toBe(String(first.quantity + 3));
    await lines.getByRole('button', { name: `Remove ${second.name}` }).focus();
    await page.keyboard.press('Enter');
    // the finder starts on the catalogue's first service; a word of the name finds another, Enter chooses it
    const finder = lines.getByRole('combobox', { name: 'Add a service' });
    await finder.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('trou');
    await expect
      .poll(() => page.getByRole('listbox', { name: 'Services' }).getByRole('option').first().textContent(), {
        timeout: 5_000,
      })
      .toMatch(/^Trousers/);
    await page.keyboard.press('Enter');
    await expect.poll(() => finder.inputValue(), { timeout: 5_000 }).toBe('Trousers');
    await lines.getByRole('textbox', { name: 'Quantity to add' }).fill('2');
    await lines.getByRole('button', { name: 'Add line' }).focus();
    await page.keyboard.press('Enter');
    await lines.getByRole('textbox', { name: 'Trousers quantity' }).waitFor();
    expect(await quantity.inputValue()).toBe(String(first.quantity + 3));
    await quantity.focus();
    await page.keyboard.press('Enter');

    const rest = order.items.slice(2);
    await expect.poll(async () => (await orders.one(order.id))?.history?.at(-1)?.summary).toBe('Edited lines');
    const stored = (await orders.one(order.id)) as Order;
    expect(stored.items.map((line) => [line.sku, line.quantity])).toEqual([
      [first.sku, first.quantity + 3],
      ...rest.map((line) => [line.sku, line.quantity]),
      ['TROUSERS', 2],
    ]);
    expect(new Set(stored.items.map((line) => line.id)).size).toBe(stored.items.length);
    expect(stored.totals).toEqual(storedTotals(stored.items));
    expect(stored.history?.at(-1)?.summary).toBe('Edited lines');
    await expect
      .poll(() => lines.locator('[data-slot=order-total]').textContent())
      .toMatch(new RegExp(((stored.totals?.total ?? 0) / 100).toFixed(2).replace('.', '[.,]')));

    // a viewer reads the lines, with no field to change them
    await viewer.page.goto(journey.center.url);
    await signIn(viewer.page, 'Northwind Laundry', 'viewer');
    await viewer.page.goto(`${journey.center.url}orders/${order.id}`);
    await viewer.page.getByRole('heading', { level: 1, name: `Order #${order.number}` }).waitFor();
    await viewer.page.getByText(`${first.quantity + 3} × ${first.name}`, { exact: true }).waitFor();
    expect(await viewer.page.getByRole('form', { name: 'Lines' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Save lines' }).count()).toBe(0);
  });
});
