// What the orders page asks the database for: its search, status filter and sort as queries each answered by one
// of the orders' indexes (see orderSchema), so a keystroke at 100,000 orders reads only the rows in view.
import type { WindowQuery } from '@syncline/data';
import { type Order, type OrderStatus, orderSchema } from '@syncline/domain';
import type { SortingState } from '@syncline/ui';

/** The page's order when no column is sorted: newest first. */
export const newestFirst: SortingState = [{ id: 'number', desc: true }];

/**
 * The columns that sort (the page turns sorting off for the others), each by its index: the number last, so equal
 * names or statuses keep a stable order.
 */
const sortIndexes: Record<string, (keyof Order & string)[]> = {
  number: ['number'],
  customerName: ['customerName', 'number'],
  status: ['status', 'number'],
};

/** The columns the page sorts by. */
export const sortableOrderColumns = Object.keys(sortIndexes);

const highestNumber = orderSchema.properties.number?.maximum ?? 999_999_999;

/**
 * Order numbers starting with `digits`, one range per length (typing "12" finds #12, #120–#129, #12000–#12999…),
 * from the shortest.
 */
function numberRanges(digits: string): { $gte: number; $lte: number }[] {
  if (digits.startsWith('0')) return [];
  const ranges: { $gte: number; $lte: number }[] = [];
  for (let scale = 1; Number(digits) * scale <= highestNumber; scale *= 10) {
    ranges.push({ $gte: Number(digits) * scale, $lte: Math.min((Number(digits) + 1) * scale - 1, highestNumber) });
  }
  return ranges;
}

/**
 * A customer name prefix as names are written, each word capitalised ("ada al" finds "Ada Almeida"): the index
 * compares exact text, so a name written otherwise ("van Dijk") is found only as typed.
 */
function namePrefix(text: string): { $gte: string; $lt: string } {
  const written = text.replace(/(^|\s)(\S)/g, (_match, space: string, letter: string) => space + letter.toUpperCase());
  return { $gte: written, $lt: `${written}\uffff` };
}

/** Order numbers first (#12, then #120–#129…), each search in the order of the index that answers it. */
const byNumber: SortingState = [{ id: 'number', desc: false }];
/** Customers from A to Z, one customer's orders by number. */
const byCustomer: SortingState = [{ id: 'customerName', desc: false }];

export interface OrderSearch {
  /** the search box: an order number (with or without #) or the start of a customer's name */
  search: string;
  status: OrderStatus | 'all';
  sorting: SortingState;
}

/** The search as typed, without a leading `#` (an order number may be typed as `#12001`). */
const searchText = (search: string) => search.trim().replace(/^#/, '');
/** Whether a search is an order number (or its first digits) rather than a customer's name. */
const isNumberSearch = (text: string) => /^\d+$/.test(text);

/** The queries whose matches, one after the other, are the page's rows. */
export function orderQueries({ search, status, sorting }: OrderSearch): WindowQuery<Order>[] {
  const [sorted] = sorting.length > 0 ? sorting : newestFirst;
  const direction = sorted?.desc ? 'desc' : 'asc';
  const sort = (sortIndexes[sorted?.id ?? 'number'] ?? ['number']).map(
    (field) => ({ [field]: direction }) as WindowQuery<Order>['sort'][number],
  );
  const byStatus = status === 'all' ? {} : { status };
  const text = searchText(search);
  if (text === '') return [{ selector: byStatus, sort }];
  if (isNumberSearch(text)) {
    const ranges = numberRanges(text);
    // one range per length: in number order, the longer numbers are the larger
    if (direction === 'desc') ranges.reverse();
    return ranges.map((number) => ({ selector: { ...byStatus, number }, sort }));
  }
  return [{ selector: { ...byStatus, customerName: namePrefix(text) }, sort }];
}

/**
 * The orders whose number or customer starts with `search`, in the order their index holds them (numbers up, or
 * names A to Z), so the first few are read straight off it and nothing is sorted: what a search box suggests.
 */
export function orderSuggestionQueries(search: string): WindowQuery<Order>[] {
  const text = searchText(search);
  if (text === '') return [];
  return orderQueries({ search, status: 'all', sorting: isNumberSearch(text) ? byNumber : byCustomer });
}
