import type { Meta, StoryObj } from '@storybook/react-vite';
import { ThemeToggle } from '@syncline/ui/theme-toggle';
import { expect, screen, waitFor } from 'storybook/test';

/**
 * Light, dark or follow the system: a menu button whose icon shows the theme in use, remembered on this device under
 * `storageKey`. The stories use their own key so they never change the app's saved choice.
 */
const meta = {
  title: 'Shell/ThemeToggle',
  component: ThemeToggle,
  tags: ['autodocs'],
  args: { storageKey: 'syncline:story-theme' },
  argTypes: { variant: { control: 'select', options: ['ghost', 'outline', 'secondary'] } },
  beforeEach: () => {
    localStorage.setItem('syncline:story-theme', 'system');
    return () => localStorage.removeItem('syncline:story-theme');
  },
} satisfies Meta<typeof ThemeToggle>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Theme: System' })).toBeVisible();
  },
};

/** Open, the menu offers the three choices with the current one checked; Escape returns focus to the button. */
export const MenuOpen: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent }) => {
    const toggle = canvas.getByRole('button', { name: /^Theme:/ });
    await userEvent.click(toggle);
    const menu = await screen.findByRole('menu');
    await expect(menu).toHaveTextContent(/Light.*Dark.*System/);
    await expect(screen.getByRole('menuitemradio', { name: 'System' })).toBeChecked();
  },
};

/** Closing with Escape puts focus back on the button. */
export const EscapeReturnsFocus: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas, userEvent }) => {
    const toggle = canvas.getByRole('button', { name: /^Theme:/ });
    await userEvent.click(toggle);
    await screen.findByRole('menu');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(toggle).toHaveFocus());
  },
};
