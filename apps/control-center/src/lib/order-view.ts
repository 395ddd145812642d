// What the orders page shows (its search, status filter, sort and hidden columns), read from and written to the
// address (?q=…&status=…&sort=…&hide=…&view=…) so a reload, a link or a shared address shows the same orders, and
// turned into and out of a saved view. Anything an address holds that the page does not know reads as the default
// (an old or hand-edited link still opens the page).
import { type OrderStatus, orderStatusFlow, type SavedView } from '@syncline/domain';
import type { SortingState } from '@syncline/ui';
import { newestFirst, type OrderSearch, sortableOrderColumns } from './order-search';

/** The columns a person may hide (the sync dot, the number and the row's step always show). */
export const hideableOrderColumns = ['customerName', 'status', 'priority', 'dueAt', 'total'] as const;
export type HideableOrderColumn = (typeof hideableOrderColumns)[number];

export interface OrderView extends OrderSearch {
  /** the columns hidden, in the table's order */
  hidden: HideableOrderColumn[];
}

export const defaultOrderView: OrderView = { search: '', status: 'all', sorting: newestFirst, hidden: [] };

const SEARCH_MAX = 200;

const isStatus = (value: string | null): value is OrderStatus => orderStatusFlow.includes(value as OrderStatus);

/** "number" ascending, "-number" descending: the sort as an address writes it. */
function sortingOf(value: string | null): SortingState {
  const desc = value?.startsWith('-') ?? false;
  const id = desc ? value?.slice(1) : value;
  if (!id || !(sortableOrderColumns as readonly string[]).includes(id)) return newestFirst;
  return [{ id, desc }];
}

function hiddenOf(values: readonly string[]): HideableOrderColumn[] {
  const asked = new Set(values);
  return hideableOrderColumns.filter((column) => asked.has(column));
}

/** The view an address asks for, and the saved view it names (`view`), if any. */
export function parseOrderView(params: URLSearchParams): OrderView & { viewId: string | undefined } {
  const status = params.get('status');
  return {
    search: (params.get('q') ?? '').slice(0, SEARCH_MAX),
    status: isStatus(status) ? status : 'all',
    sorting: sortingOf(params.get('sort')),
    hidden: hiddenOf((params.get('hide') ?? '').split(',')),
    viewId: params.get('view') || undefined,
  };
}

/** The address's search part for a view: only what differs from the default, so /orders stays clean. */
export function orderViewSearch(view: OrderView, viewId?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (viewId) params.set('view', viewId);
  if (view.search !== '') params.set('q', view.search);
  if (view.status !== 'all') params.set('status', view.status);
  const [sorted] = view.sorting;
  const [standard] = newestFirst;
  if (sorted && (sorted.id !== standard?.id || sorted.desc !== standard?.desc)) {
    params.set('sort', `${sorted.desc ? '-' : ''}${sorted.id}`);
  }
  if (view.hidden.length > 0) params.set('hide', hiddenOf(view.hidden).join(','));
  return params;
}

/** A saved view's filters, sort and columns (read as an address would be: what the page no longer knows is dropped). */
export function orderViewOf(saved: Pick<SavedView, 'search' | 'status' | 'sortBy' | 'sortDesc' | 'hiddenColumns'>) {
  const { viewId: _none, ...view } = parseOrderView(
    new URLSearchParams({
      q: saved.search,
      status: saved.status,
      sort: `${saved.sortDesc ? '-' : ''}${saved.sortBy}`,
      hide: saved.hiddenColumns.join(','),
    }),
  );
  return view;
}

/** The fields a saved view keeps of a view. */
export function savedViewFields(view: OrderView) {
  const [sorted = newestFirst[0]] = view.sorting;
  return {
    search: view.search,
    status: view.status,
    sortBy: sorted?.id ?? 'number',
    sortDesc: sorted?.desc ?? true,
    hiddenColumns: hiddenOf(view.hidden),
  };
}

/** Whether two views show the same orders the same way (the search compared as typed, without outer spaces). */
export function sameOrderView(a: OrderView, b: OrderView): boolean {
  return (
    orderViewSearch({ ...a, search: a.search.trim() }).toString() ===
    orderViewSearch({ ...b, search: b.search.trim() }).toString()
  );
}
