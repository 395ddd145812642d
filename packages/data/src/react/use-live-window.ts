// Hooks for lists too long to hold: a live count of matches, and a live window of rows of a sorted query, for a
// table that shows a few dozen rows of 100,000 (the kit's DataTable in manual mode).
import type { MangoQuerySelector } from 'rxdb';
import { liveWindow, pageAligned, type RowRange, type WindowQuery, type WindowRows } from '../live-window';
import { useCollection } from './hooks';
import { useObservable } from './use-observable';

const emptyWindow: WindowRows<never> = { count: 0, offset: 0, rows: [] };

export interface UseLiveWindowOptions {
  /** rows read at a time; the window moves in steps of this many, so scrolling a few rows reads nothing */
  pageSize?: number;
}

/**
 * How many documents match `selector`, kept live, from an index: no document is read. The selector must be
 * answered by an index (an empty one always is), or RxDB refuses the count.
 */
export function useLiveCount<T = Record<string, unknown>>(
  collectionName: string,
  selector: MangoQuerySelector<T> = {},
) {
  const collection = useCollection<T>(collectionName);
  const { value, loading } = useObservable<number>(
    `count:${collectionName}:${JSON.stringify(selector)}`,
    () => collection.count({ selector }).$,
    0,
    { keepPrevious: true },
  );
  return { count: value, loading };
}

/**
 * Rows `range` of a sorted query (or of several, one after the other), with the number of matches, kept live.
 * Reads the page-aligned window around `range` only. While a new query or window loads, the last rows stay, so a
 * list narrowing with each keystroke never flashes empty; `loading` says so.
 */
export function useLiveWindow<T = Record<string, unknown>>(
  collectionName: string,
  query: WindowQuery<T> | readonly WindowQuery<T>[],
  range: RowRange,
  { pageSize = 50 }: UseLiveWindowOptions = {},
) {
  const collection = useCollection<T>(collectionName);
  const queries = Array.isArray(query) ? query : [query as WindowQuery<T>];
  const window = pageAligned(range, pageSize);
  const { value, loading } = useObservable<WindowRows<T>>(
    `window:${collectionName}:${JSON.stringify(queries)}:${window.start}-${window.end}`,
    () => liveWindow(collection, queries, window),
    emptyWindow,
    { keepPrevious: true },
  );
  return { ...value, loading };
}
