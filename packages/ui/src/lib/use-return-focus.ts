'use client';
// Focus back where it was, for a dialog opened by a shortcut rather than a trigger button: Radix returns focus to
// the trigger, and without one it would land on the page's body.
import { useLayoutEffect, useRef } from 'react';

/**
 * Remembers what had focus when `open` turned true (before the dialog takes it) and gives the dialog's
 * `onCloseAutoFocus` handler that focuses it again.
 */
export function useReturnFocus(open: boolean): (event: Event) => void {
  const previous = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (open && document.activeElement instanceof HTMLElement) previous.current = document.activeElement;
  }, [open]);
  return (event) => {
    const element = previous.current;
    previous.current = null;
    if (!element?.isConnected) return;
    event.preventDefault();
    element.focus();
  };
}
