// Hooks for lists too long to hold: a live count of matches, a live window of rows of a sorted query, for a
// table that shows a few dozen rows of 100,000 (the kit's DataTable in manual mode), and the first few matches of a
// search, for a list that shows only those (a command palette).
import { useCallback, useState } from 'react';
import type { MangoQuerySelector } from 'rxdb';
import { combineLatest, map } from 'rxjs';
import { liveFirst, liveWindow, pageAligned, type RowRange, type WindowQuery, type WindowRows } from '../live-window';
import { useCollection } from './hooks';
import { useObservable, useObservableAtOnce } from './use-observable';

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
 * Several live counts at once, by name (say one per status), each its own count query from an index as
 * `useLiveCount`, combined into one value the component holds (one hook, not one per count).
 */
export function useLiveCounts<K extends string, T = Record<string, unknown>>(
  collectionName: string,
  selectors: Readonly<Record<K, MangoQuerySelector<T>>>,
) {
  const collection = useCollection<T>(collectionName);
  const names = Object.keys(selectors) as K[];
  const { value, loading } = useObservable<Partial<Record<K, number>>>(
    `counts:${collectionName}:${JSON.stringify(selectors)}`,
    () =>
      combineLatest(names.map((name) => collection.count({ selector: selectors[name] }).$)).pipe(
        map((counts) => Object.fromEntries(names.map((name, i) => [name, counts[i] ?? 0])) as Record<K, number>),
      ),
    {},
    { keepPrevious: true },
  );
  const counts = Object.fromEntries(names.map((name) => [name, value[name] ?? 0])) as Record<K, number>;
  return { counts, loading };
}

const top: RowRange = { start: 0, end: 0 };

/**
 * The rows in view of a sorted query (or of several, one after the other), with the number of matches, kept live.
 * Starts at the top; `showRows(range)` moves it (give it the rows in view: DataTable's `onVisibleRowsChange`). Reads
 * the page-aligned window around them only, and re-renders only when that window moves, not on every scrolled
 * row. While a new query or window loads, the last rows stay, so a list narrowing with each keystroke never
 * flashes empty; `loading` says so.
 */
export function useLiveWindow<T = Record<string, unknown>>(
  collectionName: string,
  query: WindowQuery<T> | readonly WindowQuery<T>[],
  { pageSize = 50 }: UseLiveWindowOptions = {},
) {
  const collection = useCollection<T>(collectionName);
  const queries = Array.isArray(query) ? query : [query as WindowQuery<T>];
  const [window, setWindow] = useState(() => pageAligned(top, pageSize));
  const showRows = useCallback(
    (range: RowRange) => {
      const next = pageAligned(range, pageSize);
      // the same window: the same state, so React skips the render
      setWindow((current) => (current.start === next.start && current.end === next.end ? current : next));
    },
    [pageSize],
  );
  const { value, loading } = useObservable<WindowRows<T>>(
    `window:${collectionName}:${JSON.stringify(queries)}:${window.start}-${window.end}`,
    () => liveWindow(collection, queries, window),
    emptyWindow,
    { keepPrevious: true },
  );
  return { ...value, loading, showRows };
}

const noRows: never[] = [];

/**
 * The first `limit` matches of a sorted query (or of several, one after the other), kept live, with no count (see
 * `liveFirst`): what a search box's suggestions need. While a new query loads the last rows stay, so the list never
 * flashes empty between keystrokes; `loading` says they are the last query's. Each answer is rendered as soon as
 * it arrives (`useObservableAtOnce`), so a key's suggestions show in the frame after the key.
 */
export function useLiveFirst<T = Record<string, unknown>>(
  collectionName: string,
  query: WindowQuery<T> | readonly WindowQuery<T>[],
  limit: number,
) {
  const collection = useCollection<T>(collectionName);
  const queries = Array.isArray(query) ? query : [query as WindowQuery<T>];
  const { value, loading } = useObservableAtOnce<T[]>(
    `first:${collectionName}:${limit}:${JSON.stringify(queries)}`,
    () => liveFirst(collection, queries, limit),
    noRows,
    { keepPrevious: true },
  );
  return { rows: value, loading };
}
