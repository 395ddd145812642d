// The new-order form's lines and due time: what each line says is wrong, the items and totals the order is written
// with, and the due time in and out of its field.
import type { Service } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import {
  checkDue,
  checkLines,
  defaultDueAt,
  draftTotals,
  newLineDraft,
  noServicesMessage,
} from '../src/lib/order-entry';

const service = (id: string, unitPrice: number, taxRate: number): Service => ({
  id,
  sku: id.toUpperCase(),
  name: `Service ${id}`,
  unitPrice,
  taxRate,
  unit: 'item',
  active: true,
  createdAt: 0,
});
const shirt = service('shirt', 350, 0.23);
const duvet = service('duvet', 1_800, 0.06);
const catalogue = [shirt, duvet];

const line = (serviceId: string, quantity: string) => ({ ...newLineDraft(serviceId), quantity });

describe('checkLines', () => {
  it('makes one item per line at the service price and tax rate, in the lines order', () => {
    const { items, errors } = checkLines([line('duvet', '1'), line('shirt', ' 4 ')], catalogue);
    expect(errors.size).toBe(0);
    expect(items).toEqual([
      { id: expect.any(String), sku: 'DUVET', name: 'Service duvet', unitPrice: 1_800, taxRate: 0.06, quantity: 1 },
      { id: expect.any(String), sku: 'SHIRT', name: 'Service shirt', unitPrice: 350, taxRate: 0.23, quantity: 4 },
    ]);
    // each line its own id: two devices adding lines to one order offline both keep theirs
    expect(new Set(items.map((item) => item.id)).size).toBe(2);
  });

  it('says what is wrong with each incomplete line, by its key, and keeps the complete ones', () => {
    const noService = line('', '2');
    const badQuantities = ['0', '1.5', '1000', '', 'two'].map((typed) => line('shirt', typed));
    const { items, errors } = checkLines([line('duvet', '3'), noService, ...badQuantities], catalogue);
    expect(items).toHaveLength(1);
    expect(errors.get(noService.key)).toEqual({ service: 'Choose a service for this line.' });
    for (const bad of badQuantities) {
      expect(errors.get(bad.key)).toEqual({ quantity: 'Enter a whole number from 1 to 999.' });
    }
  });

  it('refuses a service that left the catalogue', () => {
    const gone = line('curtain', '1');
    expect(checkLines([gone], catalogue).errors.get(gone.key)).toEqual({ service: 'Choose a service for this line.' });
  });
});

describe('draftTotals', () => {
  it('shows each complete line amount and the order totals with tax per rate', () => {
    const totals = draftTotals([line('shirt', '3'), line('', '1'), line('duvet', '2')], catalogue);
    // 3 × 3.50 = 10.50 at 23 % (2.415 → 2.42), 2 × 18.00 = 36.00 at 6 % (2.16)
    expect(totals).toEqual({ lines: [1_050, undefined, 3_600], subtotal: 4_650, tax: 458, total: 5_108 });
  });

  it('is zero for an order with no complete line', () => {
    expect(draftTotals([line('', '1')], catalogue)).toEqual({ lines: [undefined], subtotal: 0, tax: 0, total: 0 });
  });
});

describe('due time', () => {
  const now = new Date(2026, 11, 2, 9, 20).getTime();

  it('starts two days ahead on the next whole hour', () => {
    expect(defaultDueAt(now)).toBe(new Date(2026, 11, 4, 10, 0).getTime());
  });

  it('takes a time still to come', () => {
    const due = new Date(2026, 11, 3, 18, 30);
    expect(checkDue(due, now)).toEqual({ dueAt: due.getTime() });
    expect(checkDue(new Date(now + 60_000), now)).toEqual({ dueAt: now + 60_000 });
  });

  it('says what is wrong with no time, an impossible one or a past one', () => {
    const unreadable = { error: 'Enter the day and time the order is due.' };
    expect(checkDue(undefined, now)).toEqual(unreadable);
    expect(checkDue(new Date(Number.NaN), now)).toEqual(unreadable);
    expect(checkDue(new Date(2026, 11, 2, 9, 0), now)).toEqual({
      error: 'Choose a time still to come: the order would be overdue at once.',
    });
  });
});

describe('an order with no service to offer', () => {
  it('says the catalogue is still coming while the first sync runs, and that none is on offer once it has', () => {
    expect(noServicesMessage({ collections: 6, synced: 4 })).toMatch(/has not reached this device yet/);
    expect(noServicesMessage({ collections: 6, synced: 6 })).toMatch(/No service is on offer yet/);
    // a device that has not started syncing this session: nothing says the catalogue is coming
    expect(noServicesMessage(null)).toMatch(/No service is on offer yet/);
  });
});
