import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Input } from '@syncline/ui/input';
import { type ShortcutGroup, ShortcutsSheet, useShortcutsSheetHotkey } from '@syncline/ui/shortcuts-sheet';
import { useState } from 'react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';

const groups: ShortcutGroup[] = [
  {
    heading: 'Anywhere',
    shortcuts: [
      { keys: ['Ctrl', 'K'], description: 'Open the command palette' },
      { keys: ['?'], description: 'Show the keyboard shortcuts' },
      { keys: ['Ctrl', 'B'], description: 'Collapse or expand the sidebar' },
    ],
  },
  {
    heading: 'In the command palette',
    shortcuts: [
      { keys: ['↓'], description: 'Next result' },
      { keys: ['↑'], description: 'Previous result' },
      { keys: ['Enter'], description: 'Run the selected result' },
      { keys: ['Esc'], description: 'Close' },
    ],
  },
];

/** A page listening for "?", with a button and a search field to press it from. */
function PageWithShortcuts({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  useShortcutsSheetHotkey(() => setOpen(true));
  return (
    <div className="flex flex-col gap-3">
      <Button variant="outline">Orders</Button>
      <Input aria-label="Search orders" placeholder="Search orders" />
      <ShortcutsSheet groups={groups} open={open} onOpenChange={setOpen} />
    </div>
  );
}

const meta = {
  title: 'Overlays/ShortcutsSheet',
  component: PageWithShortcuts,
  subcomponents: { ShortcutsSheet },
  tags: ['autodocs'],
  args: { defaultOpen: false },
  argTypes: { defaultOpen: { control: 'boolean' } },
} satisfies Meta<typeof PageWithShortcuts>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const ListsTheShortcuts: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const row = within(sheet).getByText('Open the command palette').closest('[data-slot="shortcut"]') as HTMLElement;
    await expect(
      within(row)
        .getAllByText(/^(Ctrl|K)$/)
        .map((key) => key.textContent),
    ).toEqual(['Ctrl', 'K']);
    await expect(within(sheet).getByText('In the command palette')).toBeVisible();
  },
};

export const OpensOnQuestionMark: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    const orders = canvas.getByRole('button', { name: 'Orders' });
    orders.focus();
    await userEvent.keyboard('?');
    const sheet = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(sheet).not.toBeInTheDocument());
    await expect(orders).toHaveFocus();
  },
};

export const QuestionMarkInAFieldIsTyped: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    const search = canvas.getByRole('textbox', { name: 'Search orders' });
    await userEvent.type(search, 'why?');
    await expect(search).toHaveValue('why?');
    await expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  },
};
