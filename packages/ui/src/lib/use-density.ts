'use client';
// The density an app chose, read where the tokens read it: `data-density` on the document's root element. Kit parts
// that lay out in JavaScript (the DataTable's fixed-height virtual rows) follow it, as the CSS spacing already does.
import { useSyncExternalStore } from 'react';

export type Density = 'comfortable' | 'compact';

function readDensity(): Density {
  return typeof document !== 'undefined' && document.documentElement.dataset.density === 'compact'
    ? 'compact'
    : 'comfortable';
}

function subscribe(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return () => {};
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-density'] });
  return () => observer.disconnect();
}

/** `compact` while the root element carries `data-density="compact"`, else `comfortable`; re-renders on a change. */
export function useDensity(): Density {
  return useSyncExternalStore(subscribe, readDensity, () => 'comfortable');
}
