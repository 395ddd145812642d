// Stored values as an operator reads them in an order's history and in settled conflicts: no JSON, no epoch numbers.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatSettled } from '../src/lib/format';

describe('a stored value in the app’s words', () => {
  it('reads an order’s lines by name and quantity, its totals as money, its times as dates and its photos counted', () => {
    const items = [
      { id: 'l1', sku: 'SHIRT', name: 'Shirt, washed and pressed', quantity: 5, unitPrice: 350, taxRate: 0.23 },
      { id: 'l2', sku: 'TROUSERS', name: 'Trousers', quantity: 4, unitPrice: 450, taxRate: 0.23 },
    ];
    expect(formatSettled(items, { field: 'items' })).toBe('Shirt, washed and pressed × 5, Trousers × 4');
    expect(formatSettled({ subtotal: 3550, tax: 817, total: 4367 }, { field: 'totals' })).toBe('€43.67 incl. tax');
    expect(formatSettled(1767842640000, { field: 'receivedAt' })).toBe(formatDateTime(1767842640000));
    expect(formatSettled(1767842640000, { field: 'receivedAt' })).not.toMatch(/^\d+$/);
    expect(formatSettled([{ id: 'p1' }, { id: 'p2' }], { field: 'attachments' })).toBe('2 photos');
  });

  it('keeps labels for priorities and statuses, and says empty for what is not there', () => {
    expect(formatSettled('urgent', { field: 'priority' })).toBe('Urgent');
    expect(formatSettled('ready', { field: 'status' })).toBe('Ready');
    expect(formatSettled(null, { field: 'notes' })).toBe('empty');
    expect(formatSettled([], { field: 'tags' })).toBe('empty');
    expect(formatSettled(3, { field: 'labelPrints' })).toBe('3');
  });
});
