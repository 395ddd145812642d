// Two operators online on one order, one with its edit form open. A change from the other device shows in the open
// form at once; saving writes only what this operator changed, so the other device's change survives. When both
// change the same field, the form says "Changed on another device: A → B" under it and saves nothing until the
// operator keeps theirs or their own; the server ends with exactly what was chosen, and no stale value is written.
import { type Order, type OrderPriority, orderPriorities, orderPriorityLabel } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Device, devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';

/** The order's edits on record, oldest first (history merges as a set, so its array order is not the time order). */
const editsOf = (order: Order | undefined) =>
  (order?.history ?? []).filter((entry) => entry.summary.startsWith('Edited')).sort((x, y) => x.at - y.at);

const label = (priority: OrderPriority) => orderPriorityLabel[priority];

describe('stale edit journey', () => {
  const journey = devicesJourney(2);

  const priorityOf = (page: Page) => page.getByRole('combobox', { name: 'Priority' });
  const notesOf = (page: Page) => page.getByRole('textbox', { name: 'Notes' });

  async function choosePriority(page: Page, priority: OrderPriority) {
    await priorityOf(page).click();
    await page.getByRole('option', { name: label(priority), exact: true }).click();
    await expect.poll(() => priorityOf(page).textContent()).toBe(label(priority));
  }

  async function save(page: Page) {
    await page.getByRole('button', { name: 'Save changes' }).click();
  }

  it('shows the other device’s change live, writes only the changed fields, and asks before overwriting', async () => {
    const orders = serverOrders(journey);
    const serverOrder = orders.one;
    const order = (await orders.all()).find((o) => o.status === 'received');
    if (!order) throw new Error('The demo data has no received order to edit');
    const [first, second, third, fourth] = [
      order.priority,
      ...orderPriorities.filter((p) => p !== order.priority),
    ] as OrderPriority[];
    if (!first || !second || !third || !fourth) throw new Error('Four priorities expected');
    const { devices } = journey;
    const [a, b] = devices as [Device, Device];
    await openOrderOnEach(journey, order);
    for (const { page } of devices) await expect.poll(() => priorityOf(page).textContent()).toBe(label(first));

    // A starts editing the notes; B changes the priority and saves.
    await notesOf(a.page).fill('A: customer collects at noon');
    await choosePriority(b.page, second);
    await save(b.page);
    await expect.poll(async () => (await serverOrder(order.id))?.priority).toBe(second);

    // A's form follows B on the field A has not touched, and keeps A's notes.
    await expect.poll(() => priorityOf(a.page).textContent()).toBe(label(second));
    expect(await notesOf(a.page).inputValue()).toBe('A: customer collects at noon');
    await expect.poll(() => a.page.getByText('Not saved yet: Notes').count()).toBe(1);

    // A saves: A's notes land, B's priority survives, and A's history entry speaks of the notes only.
    await save(a.page);
    await expect.poll(async () => (await serverOrder(order.id))?.notes).toBe('A: customer collects at noon');
    let stored = await serverOrder(order.id);
    expect(stored?.priority).toBe(second);
    const edits = editsOf(stored);
    expect(edits.map((entry) => entry.summary)).toEqual([`Edited priority`, 'Edited notes']);
    expect(edits[1]?.changes.map((change) => change.field)).toEqual(['notes']);
    await expect.poll(() => notesOf(b.page).inputValue()).toBe('A: customer collects at noon');

    // Both change the priority: B saves first; A's form says what changed and refuses to save until A decides.
    await choosePriority(a.page, third);
    await choosePriority(b.page, fourth);
    await save(b.page);
    const notice = a.page.getByRole('group', { name: 'Priority changed on another device' });
    await expect
      .poll(() => notice.textContent())
      .toContain(`Changed on another device: ${label(second)} → ${label(fourth)}`);
    expect(await notice.textContent()).toContain(`Yours: ${label(third)}`);
    expect(await priorityOf(a.page).textContent()).toBe(label(third));
    await save(a.page);
    await expect.poll(() => a.page.getByRole('alert').filter({ hasText: 'Nothing was saved' }).count()).toBe(1);
    expect((await serverOrder(order.id))?.priority).toBe(fourth);

    // A keeps theirs (their own value): it lands, and B's form shows it.
    await notice.getByRole('button', { name: 'Keep mine for Priority' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    await save(a.page);
    await expect.poll(async () => (await serverOrder(order.id))?.priority).toBe(third);
    await expect.poll(() => priorityOf(b.page).textContent()).toBe(label(third));

    // Both change the notes: A keeps the other device's; nothing of A's notes is written.
    await notesOf(a.page).fill('A: leave at reception');
    await notesOf(b.page).fill('B: call before delivery');
    await save(b.page);
    const notesNotice = a.page.getByRole('group', { name: 'Notes changed on another device' });
    await expect
      .poll(() => notesNotice.textContent())
      .toContain('Changed on another device: A: customer collects at noon → B: call before delivery');
    await notesNotice.getByRole('button', { name: 'Keep theirs for Notes' }).click();
    await expect.poll(() => notesOf(a.page).inputValue()).toBe('B: call before delivery');
    await save(a.page);

    // The server and both devices hold exactly what was chosen; every edit on record is one a person made.
    await expect.poll(async () => (await serverOrder(order.id))?.notes).toBe('B: call before delivery');
    stored = await serverOrder(order.id);
    expect(stored?.priority).toBe(third);
    for (const { page } of devices) {
      await expect.poll(() => priorityOf(page).textContent()).toBe(label(third));
      await expect.poll(() => notesOf(page).inputValue()).toBe('B: call before delivery');
    }
    expect(editsOf(stored).map((entry) => entry.summary)).toEqual([
      'Edited priority', // B: first → second
      'Edited notes', // A
      'Edited priority', // B: second → fourth
      'Edited priority', // A: fourth → third, chosen
      'Edited notes', // B
    ]);
  });
});
