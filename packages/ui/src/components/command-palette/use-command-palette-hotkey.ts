'use client';
// Ctrl/Cmd+K, the command palette's shortcut. Its own module, so an app can listen for it in its shell and load the
// palette (cmdk, its dialog, its records) only when someone first asks for it.
import { useEffect, useRef } from 'react';

/** Calls `onToggle` on Ctrl/Cmd+K anywhere in the page, while `enabled`. */
export function useCommandPaletteHotkey(onToggle: () => void, enabled = true): void {
  // the latest callback, so a new closure each render does not re-register the listener
  const latest = useRef(onToggle);
  latest.current = onToggle;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
