export {
  type Shortcut,
  type ShortcutGroup,
  ShortcutsSheet,
  type ShortcutsSheetProps,
} from './shortcuts-sheet';
export { useShortcutsSheetHotkey } from './use-shortcuts-sheet-hotkey';
