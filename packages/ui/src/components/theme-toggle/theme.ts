// The theme choice (light, dark, or the system's), kept in localStorage and applied as `data-theme` on <html>.
// `themeScript` goes inline in the page's <head> so the right theme is there before the first paint.

export type ThemeChoice = 'light' | 'dark' | 'system';

export const themeStorageKey = 'syncline:theme';

/** The window event `applyThemeChoice` sends, its `detail` the new choice and the key it is kept under. */
export const themeChangeEvent = 'syncline:themechange';

export interface ThemeChange {
  choice: ThemeChoice;
  storageKey: string;
}

export function readThemeChoice(storageKey = themeStorageKey): ThemeChoice {
  try {
    const saved = localStorage.getItem(storageKey);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function applyThemeChoice(choice: ThemeChoice, storageKey = themeStorageKey): void {
  try {
    localStorage.setItem(storageKey, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.dataset.theme = resolveTheme(choice);
  // every toggle on the page shows the new choice, whichever of them (or a command palette) made it
  window.dispatchEvent(new CustomEvent<ThemeChange>(themeChangeEvent, { detail: { choice, storageKey } }));
}

/** An inline script for <head>: applies the saved theme before anything renders (no flash of the wrong theme). */
export function themeScript(storageKey = themeStorageKey): string {
  return `(()=>{try{var s=localStorage.getItem(${JSON.stringify(storageKey)});var d=s==="dark"||((!s||s==="system")&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.dataset.theme=d?"dark":"light"}catch(e){}})();`;
}
