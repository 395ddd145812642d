export {
  applyThemeChoice,
  readThemeChoice,
  resolveTheme,
  type ThemeChange,
  type ThemeChoice,
  themeChangeEvent,
  themeScript,
  themeStorageKey,
} from './theme';
export { ThemeToggle, type ThemeToggleProps, useThemeChoice } from './theme-toggle';
