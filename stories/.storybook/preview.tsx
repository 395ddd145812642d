// Every story renders inside the Syncline theme: a toolbar switch picks light or dark, and the story test runner
// visits every story in both (see ../vitest.setup.ts). Accessibility violations fail the test ('error').
import type { Decorator, Preview } from '@storybook/react-vite';
import './preview.css';

export type Theme = 'light' | 'dark';

declare global {
  /** Set by the Vitest setup to force a theme for a whole test run. */
  var __SYNCLINE_THEME__: Theme | undefined;
}

/** Applies the theme to <html>, so portalled content (dialogs, menus, toasts) is themed too. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.classList.toggle('dark', theme === 'dark');
  root.style.colorScheme = theme;
}

const withTheme: Decorator = (Story, context) => {
  const theme: Theme = globalThis.__SYNCLINE_THEME__ ?? (context.globals.theme === 'dark' ? 'dark' : 'light');
  applyTheme(theme);
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme],
  tags: ['autodocs'],
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  parameters: {
    layout: 'centered',
    controls: { matchers: { color: /(background|color)$/i, date: /Date$/i } },
    a11y: { test: 'error' },
    chromatic: {
      modes: {
        light: { theme: 'light' },
        dark: { theme: 'dark' },
      },
    },
    docs: { codePanel: true },
  },
};

export default preview;
