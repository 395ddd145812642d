// Whether an element is narrower than a width: for a component that lays itself out by the room it is given (a table
// that becomes cards on a phone or in a narrow column), not by the size of the window around it.
import { useLayoutEffect, useState } from 'react';

export function useNarrowerThan(ref: React.RefObject<HTMLElement | null>, width: number | undefined): boolean {
  const [narrow, setNarrow] = useState(false);
  // measured before the first paint, so a phone never sees the wide layout flash by
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || width === undefined) {
      setNarrow(false);
      return;
    }
    const measure = () => setNarrow(element.getBoundingClientRect().width < width);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, width]);
  return narrow;
}
