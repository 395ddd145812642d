// The control center on a phone (390 × 844, touch): the orders as cards that open their order with a tap, take a
// selection for bulk actions and move an order to its next step; the navigation in a drawer; dialogs that fit the
// screen; targets a finger can hit (WCAG 2.2: at least 24 × 24 px). Each write is checked on the server.
import { type Order, orderStatusLabel } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { devicesJourney, serverOrders } from '../support/devices';

const phone = { width: 390, height: 844 };

describe('on a phone', () => {
  const journey = devicesJourney(0);
  let page: Page;
  const cards = () => page.locator('li[data-order-id]');
  const card = (number: number) => cards().filter({ has: page.getByRole('link', { name: `#${number}`, exact: true }) });

  async function withStatus(status: Order['status'], count: number) {
    const orders = (await serverOrders(journey).all()).filter((order) => order.status === status);
    if (orders.length < count) throw new Error(`The demo data has fewer than ${count} ${status} orders`);
    return orders.sort((a, b) => b.number - a.number).slice(0, count);
  }

  async function showStatus(status: Order['status']) {
    await page.getByRole('combobox', { name: 'Filter by status' }).tap();
    await page.getByRole('option', { name: orderStatusLabel[status], exact: true }).tap();
  }

  async function go(link: string) {
    await page.getByRole('button', { name: 'Open navigation' }).tap();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: link }).waitFor();
  }

  /** The controls in a part of the page smaller than 24 × 24 px, by name. */
  const smallTargets = (selector: string) =>
    page.locator(selector).evaluateAll((elements) =>
      elements
        .filter((element) => element.getClientRects().length > 0)
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 24 || box.height < 24)
        .map(({ element, box }) => `${element.outerHTML.slice(0, 80)} (${box.width}×${box.height})`),
    );

  const overflow = () => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

  beforeAll(async () => {
    const context = await journey.browser.newContext({ viewport: phone, hasTouch: true, isMobile: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    await page.goto(journey.center.url);
    // signed in, the navigation waits behind the menu button
    await page.getByRole('button', { name: /Northwind Laundry.*owner/i }).tap();
    await page.getByRole('button', { name: 'Open navigation' }).waitFor();
  });

  it('shows the orders as cards with their badges, due time and total, and opens an order with a tap on its card', async () => {
    await go('Orders');
    await cards().first().waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const [newest] = (await serverOrders(journey).all()).sort((a, b) => b.number - a.number);
    if (!newest) throw new Error('The demo data has no orders');
    const badges = card(newest.number).locator('[data-slot="badge"]');
    await expect.poll(() => badges.first().textContent()).toBe(orderStatusLabel[newest.status]);
    expect(await card(newest.number).textContent()).toContain(newest.customerName);
    expect(await card(newest.number).textContent()).toMatch(/€\d/);
    expect(await overflow()).toBeLessThanOrEqual(phone.width);
    expect(await smallTargets('header :is(a, button), li[data-order-id] :is(a, button, label)')).toEqual([]);

    // the customer's name is plain text: a tap there opens the order all the same
    await card(newest.number).getByText(newest.customerName, { exact: true }).tap();
    await page.getByRole('heading', { level: 1, name: `Order #${newest.number}` }).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(phone.width);
    await page.goBack();
    await cards().first().waitFor();
  });

  it('sorts the cards with a picker, the sort kept in the address like the table headers’ sort', async () => {
    const orders = await serverOrders(journey).all();
    const oldest = orders.reduce((a, b) => (b.number < a.number ? b : a));
    const sort = page.getByRole('combobox', { name: 'Sort by' });
    await sort.tap();
    // the sorts the table's headers offer, each way
    const choices = page.getByRole('option');
    expect(await choices.allTextContents()).toEqual(
      ['Number', 'Customer', 'Status'].flatMap((column) => [`${column}, ascending`, `${column}, descending`]),
    );
    await page.getByRole('option', { name: 'Number, ascending' }).tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), { timeout: 5_000 }).toBe('number');
    await expect
      .poll(() => cards().first().getByRole('link').first().textContent(), { timeout: 10_000 })
      .toBe(`#${oldest.number}`);
    // a reload keeps it
    await page.reload();
    await cards().first().waitFor();
    expect(await sort.textContent()).toBe('Number, ascending');
    await sort.tap();
    await page.getByRole('option', { name: 'Number, descending' }).tap();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), { timeout: 5_000 }).toBeNull();
  });

  it("moves an order to its next step from its card's button", async () => {
    const [received] = await withStatus('received', 1);
    if (!received) throw new Error('unreachable');
    await showStatus('received');
    await card(received.number)
      .getByRole('button', { name: `Start washing, order #${received.number}` })
      .tap();
    await expect.poll(async () => (await serverOrders(journey).one(received.id))?.status).toBe('washing');
  });

  it('selects orders on their cards and moves them in one go', async () => {
    const folding = await withStatus('folding', 2);
    await showStatus('folding');
    for (const order of folding) {
      await page.getByRole('checkbox', { name: `Select order #${order.number}` }).tap();
    }
    const bar = page.getByRole('toolbar', { name: 'Selected orders' });
    await bar.getByText('2 orders selected').waitFor();
    // choosing is not opening: the list is still there
    expect(new URL(page.url()).pathname).toBe('/orders');
    await bar.getByRole('button', { name: 'Mark ready' }).tap();
    for (const order of folding) {
      await expect.poll(async () => (await serverOrders(journey).one(order.id))?.status).toBe('ready');
    }
  });

  it('shows the services as cards within the screen, every button a finger-sized target', async () => {
    await go('Services');
    const serviceCards = page.locator('li[data-service-id]');
    await serviceCards.first().waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    const trousers = serviceCards.filter({ hasText: 'Trousers' });
    expect(await trousers.textContent()).toMatch(/€4[.,]50/);
    expect(await trousers.getByRole('button', { name: 'Edit Trousers' }).count()).toBe(1);
    expect(await overflow()).toBeLessThanOrEqual(phone.width);
    expect(await smallTargets('li[data-service-id] :is(a, button)')).toEqual([]);
    const box = await trousers.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= phone.width).toBe(true);
    await go('Orders');
  });

  it('fits every dialog on the screen, each close button a finger-sized target', async () => {
    const fits = async (name: string | RegExp) => {
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor();
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= phone.width, `${name} within the screen's width`).toBe(true);
      expect(box && box.y >= 0 && box.y + box.height <= phone.height, `${name} within the screen's height`).toBe(true);
      expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
      expect(await smallTargets('[role="dialog"] [data-slot$="-close"]')).toEqual([]);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    };
    await page.getByRole('button', { name: 'New order' }).tap();
    await fits('New order');
    await page.keyboard.press('Control+k');
    await fits('Command palette');
    await page.locator('body').press('?');
    await fits('Keyboard shortcuts');
    await go('Services');
    await page.getByRole('button', { name: 'Add service' }).tap();
    await fits(/service/i);
    await page.getByRole('button', { name: 'Open navigation' }).tap();
    await fits('Navigation');
  });
});
