// Advancing an order: the one rule for which status comes next, used by the control center's Advance buttons.
import { describe, expect, it } from 'vitest';
import { nextOrderStatus, type OrderStatus, orderStatusFlow } from '../src';

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
