'use client';
// "?", the shortcuts sheet's key. Its own module, so an app can listen for it in its shell and load the sheet only
// when someone first asks for it.
import { useWindowHotkey } from '../../lib/use-window-hotkey';

/** Whether a key press goes into a field (where "?" is a character to type, not a shortcut). */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

const isQuestionMark = (event: KeyboardEvent) =>
  event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target);

/** Calls `onOpen` on "?" anywhere in the page but a text field, while `enabled`. */
export function useShortcutsSheetHotkey(onOpen: () => void, enabled = true): void {
  useWindowHotkey(isQuestionMark, onOpen, enabled);
}
