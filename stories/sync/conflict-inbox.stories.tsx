import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConflictInbox, type ConflictInboxItem } from '@syncline/ui/conflict-inbox';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';

const now = Date.UTC(2026, 0, 15, 10);
const conflicts: ConflictInboxItem[] = [
  {
    id: 'c1',
    collection: 'orders',
    documentId: 'ord-1',
    documentLabel: 'Order #10042',
    fields: ['notes', 'items'],
    detectedAt: Date.UTC(2026, 0, 15, 9, 55),
  },
  {
    id: 'c2',
    collection: 'machines',
    documentId: 'mac-3',
    documentLabel: 'Washer 3',
    fields: ['name'],
    detectedAt: Date.UTC(2026, 0, 15, 9, 20),
  },
];

/** Every document whose edits on this device and on the server disagree: open one, or settle a selection at once. */
const meta = {
  title: 'Sync/ConflictInbox',
  component: ConflictInbox,
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  args: { conflicts, now, onOpen: fn(), onResolveBatch: fn() },
  argTypes: { title: { control: 'text' }, conflicts: { control: 'object' }, now: { control: 'date' } },
} satisfies Meta<typeof ConflictInbox>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Newest first; Review opens one, select all checks every row. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Review Order #10042' }));
    await expect(args.onOpen).toHaveBeenCalledWith('c1');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all conflicts' }));
    await expect(canvas.getByRole('checkbox', { name: 'Select Washer 3' })).toBeChecked();
  },
};

/** Keeping every server value for the selection asks first, then resolves them together. */
export const ResolveSelectionAfterConfirming: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all conflicts' }));
    await userEvent.click(canvas.getByRole('button', { name: /server/i }));
    const dialog = await screen.findByRole('alertdialog', { name: /Keep every server value in 2 documents/ });
    await userEvent.click(screen.getByRole('button', { name: 'Keep server' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(args.onResolveBatch).toHaveBeenCalledWith(['c1', 'c2'], 'server');
  },
};

export const Empty: Story = {
  tags: ['state'],
  args: { conflicts: [] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('checkbox')).not.toBeInTheDocument();
  },
};
