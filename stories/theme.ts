// The stories' theme: CSS only, on <html>, so portalled content (dialogs, menus, toasts) is themed too. The
// toolbar's switch (.storybook/preview.tsx) and the test runner's dark pass (vitest.setup.ts) both apply it here.
export type Theme = 'light' | 'dark';

export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
}
