import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { OfflineBanner, type OfflineBannerProps } from '@syncline/ui/offline-banner';
import type { SyncStatusSnapshot } from '@syncline/ui/sync-status-widget';
import { useState } from 'react';
import { expect } from 'storybook/test';

const meta = {
  title: 'Sync/OfflineBanner',
  component: OfflineBanner,
  tags: ['autodocs'],
  args: { connection: 'offline', pendingCount: 0 },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof OfflineBanner>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Starts offline, then the connection comes back with `after` as the store's status. */
function Reconnect({ after, ...props }: OfflineBannerProps & { after: SyncStatusSnapshot }) {
  const [back, setBack] = useState(false);
  return (
    <div className="grid gap-3">
      <OfflineBanner {...props} {...(back ? after : {})} />
      <Button size="sm" variant="outline" className="mx-4 w-fit" onClick={() => setBack(true)}>
        Reconnect
      </Button>
    </div>
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Offline: Story = {
  tags: ['state'],
  args: { pendingCount: 3 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent(
      "You're offline. Changes are saved on this device and will sync when you reconnect. 3 changes waiting.",
    );
  },
};

export const BackOnlineSyncing: Story = {
  tags: ['state'],
  args: { pendingCount: 1 },
  render: (args) => <Reconnect {...args} after={{ connection: 'online', activity: 'pushing', pendingCount: 1 }} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Back online, syncing 1 change…');
  },
};

export const BackOnlineAllSynced: Story = {
  tags: ['state'],
  args: { confirmationMs: Number.POSITIVE_INFINITY },
  render: (args) => <Reconnect {...args} after={{ connection: 'online', activity: 'idle' }} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await expect(canvas.getByRole('status')).toHaveTextContent('Back online, all changes synced');
  },
};

export const BackOnlineNeedsReview: Story = {
  tags: ['state'],
  render: (args) => <Reconnect {...args} after={{ connection: 'online', activity: 'idle', conflictCount: 1 }} />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Back online · 1 conflict needs review');
    await expect(status).not.toHaveTextContent(/all changes synced/);
  },
};

export const BackOnlineFailing: Story = {
  tags: ['state'],
  render: (args) => (
    <Reconnect {...args} after={{ connection: 'online', activity: 'idle', lastError: 'The server failed.' }} />
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }));
    await expect(canvas.getByRole('status')).toHaveTextContent(/sync is not going through/);
  },
};
