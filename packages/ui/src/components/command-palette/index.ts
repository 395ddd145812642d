export {
  CommandPalette,
  type CommandPaletteGroup,
  type CommandPaletteItem,
  type CommandPaletteProps,
} from './command-palette';
export { useCommandPaletteHotkey } from './use-command-palette-hotkey';
