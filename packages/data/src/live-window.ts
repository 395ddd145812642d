// A live window onto a sorted query: how many documents match (an index count) and the documents in rows
// `start`..`end` of them, so a table of 100,000 documents reads only the few dozen it shows; and the first few
// matches alone, with no count, for a list that shows only those (a command palette's records).
import type { MangoQuerySelector, MangoQuerySortPart, RxCollection } from 'rxdb';
import { combineLatest, map, type Observable, of, switchMap } from 'rxjs';

/**
 * One sorted query of a window. Its selector must be answered by an index (RxDB counts only those), and its sort
 * should be one too, or every window reads and sorts all matches.
 */
export interface WindowQuery<T> {
  selector?: MangoQuerySelector<T>;
  sort: MangoQuerySortPart<T>[];
}

/** Rows `start` (inclusive) to `end` (exclusive) of the matches, in the query's order. */
export interface RowRange {
  start: number;
  end: number;
}

export interface WindowRows<T> {
  /** how many documents match */
  count: number;
  /** the index of `rows[0]` among the matches */
  offset: number;
  rows: T[];
}

/** A window `pageSize` rows wide at least, its edges on multiples of it: a scroll of a few rows reads nothing new. */
export function pageAligned(range: RowRange, pageSize: number): RowRange {
  const start = Math.max(0, Math.floor(range.start / pageSize) * pageSize);
  return { start, end: Math.max(start + pageSize, Math.ceil(range.end / pageSize) * pageSize) };
}

const flipped = { asc: 'desc', desc: 'asc' } as const;

/**
 * Rows `from`..`to` of one query with `count` matches. RxDB reads an index only forwards (a descending sort means
 * reading and sorting every match), so a sort that is descending throughout reads the index ascending from the
 * far end and reverses the rows.
 */
function slice<T>(collection: RxCollection<T>, query: WindowQuery<T>, count: number, from: number, to: number) {
  const descending = query.sort.every((part) => Object.values(part).every((direction) => direction === 'desc'));
  const rows = (docs: { toJSON(): unknown }[]) => docs.map((doc) => doc.toJSON() as T);
  if (!descending) {
    return collection
      .find({ selector: query.selector, sort: query.sort, skip: from, limit: to - from })
      .$.pipe(map(rows));
  }
  const ascending = query.sort.map(
    (part) =>
      Object.fromEntries(
        Object.entries(part).map(([field, direction]) => [field, flipped[direction as 'asc' | 'desc']]),
      ) as MangoQuerySortPart<T>,
  );
  return collection
    .find({ selector: query.selector, sort: ascending, skip: count - to, limit: to - from })
    .$.pipe(map((docs) => rows(docs).reverse()));
}

/**
 * The window `range` of `queries` placed one after another (each its own index range: a search that is several
 * ranges, say order numbers starting with "12" at each length), kept live: a write that changes a count or a row
 * in view answers again.
 */
export function liveWindow<T>(
  collection: RxCollection<T>,
  queries: readonly WindowQuery<T>[],
  range: RowRange,
): Observable<WindowRows<T>> {
  if (queries.length === 0) return of({ count: 0, offset: 0, rows: [] });
  const counts = queries.map((query) => collection.count({ selector: query.selector }).$);
  return combineLatest(counts).pipe(
    switchMap((matches) => {
      const count = matches.reduce((sum, n) => sum + n, 0);
      const start = Math.min(range.start, count);
      const end = Math.min(range.end, count);
      const slices: Observable<T[]>[] = [];
      let before = 0;
      for (const [index, query] of queries.entries()) {
        const matched = matches[index] ?? 0;
        const from = Math.max(start - before, 0);
        const to = Math.min(end - before, matched);
        if (to > from) slices.push(slice(collection, query, matched, from, to));
        before += matched;
      }
      if (slices.length === 0) return of({ count, offset: start, rows: [] });
      return combineLatest(slices).pipe(map((parts) => ({ count, offset: start, rows: parts.flat() })));
    }),
  );
}

/**
 * The first `limit` matches of `queries` placed one after another, kept live, with no count: each query reads at most
 * the rows still wanted from its index, and a query is read only while those before it fill less than `limit` (a
 * palette listing eight orders numbered from "1" reads #1 and #10–#19, not every longer range). Every sort should be
 * an index read ascending.
 */
export function liveFirst<T>(
  collection: RxCollection<T>,
  queries: readonly WindowQuery<T>[],
  limit: number,
): Observable<T[]> {
  const [query, ...later] = queries;
  if (!query || limit <= 0) return of([]);
  return collection.find({ selector: query.selector, sort: query.sort, limit }).$.pipe(
    map((docs) => docs.map((doc) => doc.toJSON() as T)),
    switchMap((rows) =>
      rows.length >= limit
        ? of(rows)
        : liveFirst(collection, later, limit - rows.length).pipe(map((more) => [...rows, ...more])),
    ),
  );
}
