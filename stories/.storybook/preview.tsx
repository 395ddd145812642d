// Every story renders inside the Syncline theme: a toolbar switch picks light or dark, and the story test runner
// checks every story in both (see ../vitest.setup.ts). Accessibility violations fail the test ('error').
import type { Decorator, Preview } from '@storybook/react-vite';
import { applyTheme, type Theme } from '../theme';
import './preview.css';

const withTheme: Decorator = (Story, context) => {
  const theme: Theme = context.globals.theme === 'dark' ? 'dark' : 'light';
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
