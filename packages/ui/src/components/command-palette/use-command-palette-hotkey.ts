'use client';
// Ctrl/Cmd+K, the command palette's shortcut. Its own module, so an app can listen for it in its shell and load the
// palette (cmdk, its dialog, its records) only when someone first asks for it.
import { useWindowHotkey } from '../../lib/use-window-hotkey';

const isCtrlK = (event: KeyboardEvent) => event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey);

/** Calls `onToggle` on Ctrl/Cmd+K anywhere in the page, while `enabled`. */
export function useCommandPaletteHotkey(onToggle: () => void, enabled = true): void {
  useWindowHotkey(isCtrlK, onToggle, enabled);
}
