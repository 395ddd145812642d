// Rows of one height in a scrolling element: which of them are in view (and a few either side), the space above and
// below them, and a scroll that brings one row into view, all worked out from the scroll position. 100,000 rows
// cost what 100 do: a virtualiser that measures its rows first lists the position of every one of them, on every
// change of their number.
import { type RefObject, useCallback, useLayoutEffect, useState } from 'react';

export interface FixedRow {
  index: number;
  /** the row's top, from the top of the first row */
  start: number;
  end: number;
}

export interface FixedRowsOptions {
  count: number;
  rowHeight: number;
  /** rows rendered beyond each edge of the view, so a short scroll shows rows already there */
  overscan: number;
  /** off: nothing is observed and no row is in view (another layout shows the rows) */
  enabled: boolean;
  /** the height of whatever sticks to the top of the scrolling element over the rows (a table's header) */
  stickyTop?: () => number;
}

interface Span {
  first: number;
  last: number;
}

const sameSpan = (a: Span, b: Span) => a.first === b.first && a.last === b.last;

export function useFixedRows(
  scrollRef: RefObject<HTMLElement | null>,
  { count, rowHeight, overscan, enabled, stickyTop = () => 0 }: FixedRowsOptions,
) {
  // the rows the view could show at the current scroll position, before the count bounds them
  const [span, setSpan] = useState<Span>({ first: 0, last: overscan });
  // read before the first paint, so the table never shows a view's worth too few rows
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!enabled || !element) return;
    const read = () => {
      const next = {
        first: Math.floor(element.scrollTop / rowHeight) - overscan,
        last: Math.ceil((element.scrollTop + element.clientHeight) / rowHeight) + overscan,
      };
      // a scroll within the same rows renders nothing
      setSpan((current) => (sameSpan(current, next) ? current : next));
    };
    read();
    element.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [scrollRef, enabled, rowHeight, overscan]);

  const start = enabled ? Math.min(Math.max(span.first, 0), count) : 0;
  const end = enabled ? Math.min(Math.max(span.last, start), count) : 0;
  const items: FixedRow[] = [];
  for (let index = start; index < end; index++) {
    items.push({ index, start: index * rowHeight, end: (index + 1) * rowHeight });
  }

  /** Scrolls the least that shows row `index` whole, below anything sticking to the top. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const top = index * rowHeight;
      const viewHeight = element.clientHeight - stickyTop();
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + viewHeight) element.scrollTop = top + rowHeight - viewHeight;
    },
    [scrollRef, rowHeight, stickyTop],
  );

  return { items, totalSize: enabled ? count * rowHeight : 0, scrollToIndex };
}
