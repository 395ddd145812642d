// Advancing an order: the one rule for which status comes next, used by the control center's Advance buttons.
import { describe, expect, it } from 'vitest';
import {
  isOrderOverdue,
  newOrderLine,
  nextOrderStatus,
  type OrderStatus,
  orderNextStep,
  orderPriorities,
  orderPriorityLabel,
  orderStatusFlow,
  orderStatusLabel,
  orderTotals,
} from '../src';

describe('nextOrderStatus', () => {
  it('moves an order one step along the shop’s flow', () => {
    expect(nextOrderStatus('received')).toBe('washing');
    expect(nextOrderStatus('washing')).toBe('drying');
    expect(nextOrderStatus('drying')).toBe('folding');
    expect(nextOrderStatus('folding')).toBe('ready');
  });

  it('delivers a ready order: advancing never cancels one', () => {
    expect(nextOrderStatus('ready')).toBe('delivered');
  });

  it('has no next status for a delivered or a cancelled order', () => {
    expect(nextOrderStatus('delivered')).toBeUndefined();
    expect(nextOrderStatus('cancelled')).toBeUndefined();
  });

  it('takes a new order through every step but cancelled, ending delivered', () => {
    const visited: OrderStatus[] = ['received'];
    for (let next = nextOrderStatus('received'); next; next = nextOrderStatus(next)) visited.push(next);
    expect(visited).toEqual(orderStatusFlow.filter((status) => status !== 'cancelled'));
  });

  it('always moves later in orderStatusFlow, so the progression merge rule keeps an advance', () => {
    for (const status of orderStatusFlow) {
      const next = nextOrderStatus(status);
      if (next) expect(orderStatusFlow.indexOf(next), status).toBeGreaterThan(orderStatusFlow.indexOf(status));
    }
  });
});

describe('orderNextStep', () => {
  it('names the button after the work it starts', () => {
    expect(orderNextStep('received')).toEqual({ to: 'washing', label: 'Start washing' });
    expect(orderNextStep('folding')).toEqual({ to: 'ready', label: 'Mark ready' });
    expect(orderNextStep('ready')).toEqual({ to: 'delivered', label: 'Deliver' });
  });

  it('has no step for a delivered or a cancelled order', () => {
    expect(orderNextStep('delivered')).toBeUndefined();
    expect(orderNextStep('cancelled')).toBeUndefined();
  });
});

describe('isOrderOverdue', () => {
  const now = Date.UTC(2026, 10, 1, 12);
  it('is overdue once due and still in the shop', () => {
    expect(isOrderOverdue({ status: 'washing', dueAt: now - 1 }, now)).toBe(true);
    expect(isOrderOverdue({ status: 'ready', dueAt: now - 1 }, now)).toBe(true);
    expect(isOrderOverdue({ status: 'washing', dueAt: now + 1 }, now)).toBe(false);
  });

  it('is never overdue once delivered or cancelled, or without a due time', () => {
    expect(isOrderOverdue({ status: 'delivered', dueAt: now - 1 }, now)).toBe(false);
    expect(isOrderOverdue({ status: 'cancelled', dueAt: now - 1 }, now)).toBe(false);
    expect(isOrderOverdue({ status: 'received' }, now)).toBe(false);
  });
});

describe('labels', () => {
  it('has words for every status and priority', () => {
    for (const status of orderStatusFlow) expect(orderStatusLabel[status]).toMatch(/^[A-Z]/);
    for (const priority of orderPriorities) expect(orderPriorityLabel[priority]).toMatch(/^[A-Z]/);
  });
});

describe('orderTotals', () => {
  it('adds each line and the tax at the standard 23 % in integer cents', () => {
    expect(
      orderTotals([
        { quantity: 3, unitPrice: 450 },
        { quantity: 1, unitPrice: 1299 },
      ]),
    ).toEqual({ lines: [1350, 1299], subtotal: 2649, tax: 609, total: 3258 });
  });

  it('takes tax per rate, rounding once per rate', () => {
    const totals = orderTotals([
      { quantity: 2, unitPrice: 333, taxRate: 0.23 },
      { quantity: 1, unitPrice: 333, taxRate: 0.23 },
      { quantity: 1, unitPrice: 1000, taxRate: 0.06 },
    ]);
    expect(totals).toEqual({ lines: [666, 333, 1000], subtotal: 1999, tax: 230 + 60, total: 2289 });
    expect(Number.isInteger(totals.tax)).toBe(true);
  });

  it('follows the tax rate of the service a line was taken from', () => {
    const rug = { sku: 'RUG-L', name: 'Rug, large', unitPrice: 2450, taxRate: 0.06 };
    const line = newOrderLine(rug, 2);
    expect(line).toEqual({
      id: line.id,
      sku: 'RUG-L',
      name: 'Rug, large',
      unitPrice: 2450,
      taxRate: 0.06,
      quantity: 2,
    });
    expect(newOrderLine(rug, 2).id, 'each new line its own id').not.toBe(line.id);
    expect(orderTotals([line])).toMatchObject({ subtotal: 4900, tax: 294, total: 5194 });
  });

  it('is zero for an order without lines', () => {
    expect(orderTotals([])).toEqual({ lines: [], subtotal: 0, tax: 0, total: 0 });
  });
});
