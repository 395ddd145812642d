import type { Meta, StoryObj } from '@storybook/react-vite';
import { type SyncQueueItem, SyncQueuePanel } from '@syncline/ui/sync-queue-panel';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';

const now = Date.UTC(2026, 0, 15, 10);
const items: SyncQueueItem[] = [
  {
    id: 'q1',
    collection: 'orders',
    documentId: 'ord-7',
    documentLabel: 'Order #10007',
    operation: 'update',
    fields: ['Notes', 'Priority'],
    state: 'pending',
    queuedAt: Date.UTC(2026, 0, 15, 9, 58),
    attempts: 0,
  },
  {
    id: 'q2',
    collection: 'orders',
    documentId: 'ord-8',
    documentLabel: 'Order #10008',
    operation: 'insert',
    state: 'failed',
    queuedAt: Date.UTC(2026, 0, 15, 9, 40),
    attempts: 3,
    lastError: 'items[2].quantity must be at least 1',
  },
  {
    id: 'q3',
    collection: 'orders',
    documentId: 'ord-9',
    documentLabel: 'Order #10009',
    operation: 'delete',
    state: 'pending',
    queuedAt: Date.UTC(2026, 0, 15, 9, 59),
    attempts: 0,
  },
];

/** The writes made on this device that the server has not taken yet: failed ones first with why, then pending. */
const meta = {
  title: 'Sync/SyncQueuePanel',
  component: SyncQueuePanel,
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  args: { items, now, onRetry: fn(), onDiscard: fn() },
  argTypes: { title: { control: 'text' }, items: { control: 'object' }, now: { control: 'date' } },
} satisfies Meta<typeof SyncQueuePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each write says what it is (new, an edit of which fields, a deletion) and a failed one says why. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/items\[2\]\.quantity must be at least 1/)).toBeVisible();
    await expect(canvas.getByText('Edit of notes and priority')).toBeVisible();
    await expect(canvas.getByText('New')).toBeVisible();
    await expect(canvas.getByText('Delete', { exact: true })).toBeVisible();
    await expect(canvas.getAllByRole('button', { name: /Retry/ }).length).toBeGreaterThan(0);
  },
};

/** Discarding a write asks first and keeps it when the person backs out. */
export const DiscardAsksFirst: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getAllByRole('button', { name: /^Discard/ })[0] as HTMLElement);
    await screen.findByRole('alertdialog');
    await userEvent.click(screen.getByRole('button', { name: 'Keep' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onDiscard).not.toHaveBeenCalled();
    await userEvent.click(canvas.getAllByRole('button', { name: /^Discard/ })[0] as HTMLElement);
    await userEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(args.onDiscard).toHaveBeenCalledOnce());
  },
};

export const Empty: Story = {
  tags: ['state'],
  args: { items: [] },
  play: async ({ canvas }) => {
    await expect(canvas.queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();
  },
};
