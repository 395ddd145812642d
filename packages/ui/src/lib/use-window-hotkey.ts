'use client';
// A page-wide keyboard shortcut: one keydown listener on the window, for the shortcuts an app's shell listens for
// before the part they open is loaded (the command palette, the shortcuts sheet).
import { useEffect, useRef } from 'react';

/** Calls `onPress` (and prevents the browser's own use of the key) on each keydown `matches` accepts, while `enabled`. */
export function useWindowHotkey(matches: (event: KeyboardEvent) => boolean, onPress: () => void, enabled = true): void {
  // the latest callbacks, so a new closure each render does not re-register the listener
  const latest = useRef({ matches, onPress });
  latest.current = { matches, onPress };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!latest.current.matches(event)) return;
      event.preventDefault();
      latest.current.onPress();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
