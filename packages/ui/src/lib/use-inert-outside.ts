// While a modal menu or listbox is open, Radix hides the rest of the page from assistive technology (aria-hidden)
// and keeps focus inside. This marks the same elements `inert` too, so the browser agrees: nothing under aria-hidden
// stays focusable (axe's aria-hidden-focus). A non-modal one hides nothing, so nothing is made inert.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface InertOutside<T> {
  /** For the content, merged with the caller's `ref`. */
  ref: React.RefCallback<T>;
  /** Gives the page back; call it from `onCloseAutoFocus`, before Radix returns focus to the trigger. */
  release: () => void;
}

export function useInertOutside<T extends HTMLElement>(ref?: React.Ref<T>): InertOutside<T> {
  const [node, setNode] = useState<T | null>(null);
  const made = useRef<Element[]>([]);
  const release = useCallback(() => {
    for (const element of made.current) element.removeAttribute('inert');
    made.current = [];
  }, []);
  useEffect(() => {
    if (!node) return;
    // Radix hides in its own effect, which runs before this one (its content is our child).
    for (let current: Element | null = node; current?.parentElement; current = current.parentElement) {
      for (const sibling of current.parentElement.children) {
        if (sibling === current || sibling.getAttribute('aria-hidden') !== 'true' || sibling.hasAttribute('inert')) {
          continue;
        }
        sibling.setAttribute('inert', '');
        made.current.push(sibling);
      }
    }
    return release;
  }, [node, release]);
  const contentRef = useCallback(
    (element: T | null) => {
      setNode(element);
      if (typeof ref === 'function') return ref(element);
      if (ref) ref.current = element;
    },
    [ref],
  );
  return { ref: contentRef, release };
}
