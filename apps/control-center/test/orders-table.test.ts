// The orders table's pure parts: the CSV its export writes, the bulk bar's words and the toasts that sum up a write.
import type { Order } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { bulkStepLabel, movesSummary } from '../src/lib/orders';
import { csvField, csvText, ordersCsv } from '../src/lib/orders-csv';

const order = (overrides: Partial<Order>): Order => ({
  id: 'ord-1',
  number: 13002,
  customerId: 'cus-1',
  customerName: 'Ada Almeida',
  status: 'folding',
  priority: 'normal',
  items: [],
  receivedAt: Date.UTC(2026, 10, 30, 9),
  dueAt: Date.UTC(2026, 11, 2, 9),
  totals: { subtotal: 1000, tax: 230, total: 1230 },
  ...overrides,
});

describe('the CSV export', () => {
  it('quotes a field with a comma, a quote or a line break, doubling its quotes (RFC 4180)', () => {
    expect(csvField('Ada Almeida')).toBe('Ada Almeida');
    expect(csvField('Costa, Chiara')).toBe('"Costa, Chiara"');
    expect(csvField('The "Blue" Shop')).toBe('"The ""Blue"" Shop"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(undefined)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(
      csvText([
        ['a', 'b'],
        ['c,d', 1],
      ]),
    ).toBe('a,b\r\n"c,d",1\r\n');
  });

  it('keeps a spreadsheet from running a customer name as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+31 shop')).toBe("'+31 shop");
    expect(csvField('@home')).toBe("'@home");
  });

  it('writes a header and one row per order in labels, times in ISO and money in euros', () => {
    const csv = ordersCsv([order({}), order({ number: 13003, customerName: 'Bruno, B.', priority: 'urgent' })], {
      withTotals: true,
    });
    expect(csv.split('\r\n')).toEqual([
      'Number,Customer,Status,Priority,Received,Due,Total (EUR)',
      '13002,Ada Almeida,Folding,Normal,2026-11-30T09:00:00.000Z,2026-12-02T09:00:00.000Z,12.30',
      '13003,"Bruno, B.",Folding,Urgent,2026-11-30T09:00:00.000Z,2026-12-02T09:00:00.000Z,12.30',
      '',
    ]);
  });

  it('leaves the money out for a role that may not read it', () => {
    const [header, row] = ordersCsv([order({ totals: undefined })], { withTotals: false }).split('\r\n');
    expect(header).toBe('Number,Customer,Status,Priority,Received,Due');
    expect(row).not.toMatch(/12\.30/);
  });
});

describe('the bulk bar', () => {
  it('names the common next step, or a step each when the orders differ', () => {
    expect(bulkStepLabel([{ status: 'folding' }, { status: 'folding' }])).toBe('Mark ready');
    expect(bulkStepLabel([{ status: 'folding' }, { status: 'delivered' }])).toBe('Mark ready');
    expect(bulkStepLabel([{ status: 'folding' }, { status: 'received' }])).toBe('Advance one step');
    expect(bulkStepLabel([{ status: 'cancelled' }, { status: 'delivered' }])).toBeUndefined();
  });
});

describe('movesSummary', () => {
  const words = {
    one: ({ number, to }: { number: number; to: string }) => `Order #${number} is ${to}`,
    many: (count: number, to: string | undefined) => (to ? `${count} orders moved to ${to}` : `${count} orders moved`),
  };
  it('names the order for one, and counts several with their common outcome', () => {
    expect(movesSummary([{ number: 1, from: 'folding', to: 'ready' }], words)).toBe('Order #1 is ready');
    const both = [
      { number: 1, from: 'folding', to: 'ready' },
      { number: 2, from: 'folding', to: 'ready' },
    ];
    expect(movesSummary(both, words)).toBe('2 orders moved to ready');
    expect(movesSummary([...both, { number: 3, from: 'received', to: 'washing' }], words)).toBe('3 orders moved');
    expect(movesSummary([], words)).toBeUndefined();
  });
});
