// A person's line edits applied to an order as it is now: line by line, by id, so what another device changed meanwhile
// stays; and the quantities a field accepts.
import { newOrderLine, orderLineId } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { applyLineEdits, describeLines, parseQuantity } from '../src/lib/orders';

const shirt = { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23 };
const duvet = { sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1400, taxRate: 0.23 };

describe('applyLineEdits', () => {
  it('changes, removes and adds lines by id onto the newest lines, keeping another device’s change', () => {
    const shirts = newOrderLine(shirt, 3, 'l1');
    const duvets = newOrderLine(duvet, 1, 'l2');
    // another device added a line and changed the duvets since the form loaded
    const theirs = newOrderLine(duvet, 4, 'l3');
    const newest = { id: 'ord-1', items: [shirts, { ...duvets, quantity: 2 }, theirs] };
    const towels = newOrderLine({ sku: 'TOWELS', name: 'Towels, 5', unitPrice: 800 }, 1, 'l4');
    const lines = applyLineEdits(newest, { quantities: { l1: 5 }, removed: ['l3'], added: [towels] });
    expect(lines).toEqual([{ ...shirts, quantity: 5 }, { ...duvets, quantity: 2 }, towels]);
    expect(describeLines(lines)).toBe('5 × Shirt, 2 × Duvet, single, 1 × Towels, 5');
  });

  it('gives the lines of an order stored before ids the ids every device gives them', () => {
    const { id: _, ...stored } = newOrderLine(shirt, 3);
    const lines = applyLineEdits({ id: 'ord-2', items: [stored] }, { quantities: {}, removed: [], added: [] });
    expect(lines).toEqual([{ ...stored, id: orderLineId('ord-2', 0) }]);
  });
});

describe('parseQuantity', () => {
  it('takes a whole number from 1 to 999 and nothing else', () => {
    expect(['1', ' 12 ', '999'].map(parseQuantity)).toEqual([1, 12, 999]);
    expect(['', '0', '-1', '1.5', '1000', 'two'].map(parseQuantity)).toEqual(Array(6).fill(undefined));
  });
});
