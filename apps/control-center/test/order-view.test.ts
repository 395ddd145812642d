// The orders page's view in the address and in a saved view: what an address asks for is what the page shows, the
// address of a view reads back as the same view, a default view keeps /orders clean, and whatever the page does not
// know (an old link, a hand edit, a saved view naming a column gone since) reads as the default, never as an error.
import { describe, expect, it } from 'vitest';
import {
  defaultOrderView,
  type OrderView,
  orderViewOf,
  orderViewSearch,
  parseOrderView,
  sameOrderView,
  savedViewFields,
} from '../src/lib/order-view';

const readyByName: OrderView = {
  search: 'ada',
  status: 'ready',
  sorting: [{ id: 'customerName', desc: false }],
  hidden: ['priority', 'total'],
};

describe('parseOrderView and orderViewSearch', () => {
  it('write only what differs from the default, so an unfiltered page is plain /orders', () => {
    expect(orderViewSearch(defaultOrderView).toString()).toBe('');
    expect(orderViewSearch(readyByName, 'v-1').toString()).toBe(
      'view=v-1&q=ada&status=ready&sort=customerName&hide=priority%2Ctotal',
    );
    expect(orderViewSearch({ ...defaultOrderView, sorting: [{ id: 'number', desc: false }] }).toString()).toBe(
      'sort=number',
    );
  });

  it('read an address back as the view it was written from', () => {
    for (const view of [defaultOrderView, readyByName, { ...readyByName, sorting: [{ id: 'status', desc: true }] }]) {
      const { viewId, ...read } = parseOrderView(orderViewSearch(view, 'v-2'));
      expect(read).toEqual(view);
      expect(viewId).toBe('v-2');
    }
    expect(parseOrderView(new URLSearchParams()).viewId).toBeUndefined();
  });

  it('read what the page does not know as the default', () => {
    const read = parseOrderView(
      new URLSearchParams('status=lost&sort=-priority&hide=number,actions,status,status,nope&q=12'),
    );
    expect(read).toEqual({
      search: '12',
      status: 'all',
      sorting: defaultOrderView.sorting,
      hidden: ['status'],
      viewId: undefined,
    });
    expect(parseOrderView(new URLSearchParams(`q=${'x'.repeat(500)}`)).search).toHaveLength(200);
  });
});

describe('saved views', () => {
  it('keep a view and give it back as it was', () => {
    const saved = savedViewFields(readyByName);
    expect(saved).toEqual({
      search: 'ada',
      status: 'ready',
      sortBy: 'customerName',
      sortDesc: false,
      hiddenColumns: ['priority', 'total'],
    });
    expect(orderViewOf(saved)).toEqual(readyByName);
    expect(orderViewOf(savedViewFields(defaultOrderView))).toEqual(defaultOrderView);
  });

  it('drop what the page no longer knows from a view saved before, keeping the rest', () => {
    expect(
      orderViewOf({
        search: '',
        status: 'washing',
        sortBy: 'dueAt',
        sortDesc: false,
        hiddenColumns: ['gone', 'dueAt'],
      }),
    ).toEqual({ ...defaultOrderView, status: 'washing', hidden: ['dueAt'] });
  });

  it('tell whether the page still shows a view, outer spaces of the search aside', () => {
    expect(sameOrderView(readyByName, { ...readyByName, search: ' ada ', hidden: ['total', 'priority'] })).toBe(true);
    expect(sameOrderView(readyByName, { ...readyByName, status: 'washing' })).toBe(false);
    expect(sameOrderView(readyByName, { ...readyByName, hidden: ['total'] })).toBe(false);
  });
});
