export {
  applyThemeChoice,
  readThemeChoice,
  resolveTheme,
  type ThemeChoice,
  themeScript,
  themeStorageKey,
} from './theme';
export { ThemeToggle, type ThemeToggleProps, useThemeChoice } from './theme-toggle';
