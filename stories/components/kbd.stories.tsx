import type { Meta, StoryObj } from '@storybook/react-vite';
import { Kbd, KbdGroup } from '@syncline/ui/kbd';
import { expect } from 'storybook/test';

/** A key on the keyboard, as shortcuts name it; `KbdGroup` holds a combination. */
const meta = {
  title: 'Display/Kbd',
  component: Kbd,
  subcomponents: { KbdGroup },
  tags: ['autodocs'],
  args: { children: 'K' },
  argTypes: { children: { control: 'text' } },
} satisfies Meta<typeof Kbd>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('K').tagName).toBe('KBD');
  },
};

/** A shortcut in a sentence: the command palette's Ctrl K. */
export const ShortcutInText: Story = {
  tags: ['example'],
  render: () => (
    <p className="flex items-center gap-2 text-sm">
      Open the command palette with
      <KbdGroup>
        <Kbd>Ctrl</Kbd>
        <Kbd>K</Kbd>
      </KbdGroup>
    </p>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Ctrl').tagName).toBe('KBD');
  },
};
