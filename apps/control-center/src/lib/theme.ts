// The theme choice: light, dark or the system's; stored under the key index.html reads before first paint.
export type ThemeChoice = 'light' | 'dark' | 'system';

const key = 'syncline:theme';

export function loadTheme(): ThemeChoice {
  const saved = localStorage.getItem(key);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  localStorage.setItem(key, choice);
  const dark = choice === 'dark' || (choice === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
