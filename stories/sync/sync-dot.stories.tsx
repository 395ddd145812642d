import type { Meta, StoryObj } from '@storybook/react-vite';
import { SyncDot, type SyncState } from '@syncline/ui/sync-dot';
import { expect } from 'storybook/test';

const states: SyncState[] = ['synced', 'pending', 'failed', 'conflict'];

const meta = {
  title: 'Sync/SyncDot',
  component: SyncDot,
  tags: ['autodocs'],
  args: { state: 'pending' },
  argTypes: { state: { control: 'inline-radio', options: states } },
} satisfies Meta<typeof SyncDot>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const EveryState: Story = {
  tags: ['state'],
  render: () => (
    <ul className="grid gap-2 text-foreground text-sm">
      {states.map((state) => (
        <li key={state} className="flex items-center gap-2">
          <SyncDot state={state} />
          <span aria-hidden="true">{state}</span>
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvas }) => {
    for (const name of ['Synced', 'Waiting to sync', 'Sync failed', 'Needs review'])
      await expect(canvas.getByRole('img', { name })).toBeVisible();
  },
};

export const Synced: Story = {
  tags: ['state'],
  args: { state: 'synced' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Synced' })).toHaveAttribute('data-state', 'synced');
  },
};

export const Pending: Story = {
  tags: ['state'],
  args: { state: 'pending' },
  play: async ({ canvas }) => {
    const dot = canvas.getByRole('img', { name: 'Waiting to sync' });
    // The pulse is motion-safe only: under reduced motion the dot stands still.
    await expect(dot.className).toMatch(/motion-safe:animate-pulse-soft/);
  },
};

export const Failed: Story = {
  tags: ['state'],
  args: { state: 'failed' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Sync failed' })).toBeVisible();
  },
};

export const Conflict: Story = {
  tags: ['state'],
  args: { state: 'conflict' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Needs review' })).toBeVisible();
  },
};

export const CustomName: Story = {
  tags: ['state'],
  args: { state: 'pending', label: '2 commands waiting to sync' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: '2 commands waiting to sync' })).toBeVisible();
  },
};
