// The orders page's search, filter and sort as the queries it runs: each one an index range, so a keystroke reads
// only the rows in view.
import { describe, expect, it } from 'vitest';
import { newestFirst, orderQueries } from '../src/lib/order-search';

describe('orderQueries', () => {
  it('lists every order newest first, or of one status', () => {
    expect(orderQueries({ search: '', status: 'all', sorting: newestFirst })).toEqual([
      { selector: {}, sort: [{ number: 'desc' }] },
    ]);
    expect(orderQueries({ search: ' ', status: 'ready', sorting: [] })).toEqual([
      { selector: { status: 'ready' }, sort: [{ number: 'desc' }] },
    ]);
  });

  it('finds order numbers starting with the digits typed, the longest (largest) first when newest first', () => {
    const queries = orderQueries({ search: '#12345678', status: 'all', sorting: newestFirst });
    expect(queries.map((query) => query.selector)).toEqual([
      { number: { $gte: 123_456_780, $lte: 123_456_789 } },
      { number: { $gte: 12_345_678, $lte: 12_345_678 } },
    ]);
    const ascending = orderQueries({ search: '12345678', status: 'ready', sorting: [{ id: 'number', desc: false }] });
    expect(ascending.map((query) => query.selector)).toEqual([
      { status: 'ready', number: { $gte: 12_345_678, $lte: 12_345_678 } },
      { status: 'ready', number: { $gte: 123_456_780, $lte: 123_456_789 } },
    ]);
    expect(orderQueries({ search: '0', status: 'all', sorting: newestFirst })).toEqual([]);
  });

  it('finds customers by the start of their name as names are written, sorted by the column asked for', () => {
    expect(
      orderQueries({ search: 'ada al', status: 'washing', sorting: [{ id: 'customerName', desc: true }] }),
    ).toEqual([
      {
        selector: { status: 'washing', customerName: { $gte: 'Ada Al', $lt: 'Ada Al\uffff' } },
        sort: [{ customerName: 'desc' }, { number: 'desc' }],
      },
    ]);
  });
});
