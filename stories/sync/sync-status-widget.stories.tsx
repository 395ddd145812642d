import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { SyncStatusWidget, type SyncStatusWidgetProps } from '@syncline/ui/sync-status-widget';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';

const NOW = Date.UTC(2026, 10, 22, 9, 30);
const minutesAgo = (minutes: number) => NOW - minutes * 60_000;

const meta = {
  title: 'Sync/SyncStatusWidget',
  component: SyncStatusWidget,
  tags: ['autodocs'],
  args: {
    connection: 'online',
    activity: 'idle',
    lastSyncedAt: minutesAgo(2),
    now: NOW,
    settleDelayMs: 0,
    onSyncNow: fn(),
    onRetry: fn(),
    onShowList: fn(),
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof SyncStatusWidget>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A harness that changes the connection the way the sync store would. */
function ConnectionHarness(props: SyncStatusWidgetProps) {
  const [online, setOnline] = useState(true);
  return (
    <div className="flex items-center gap-3">
      <SyncStatusWidget {...props} connection={online ? 'online' : 'offline'} pendingCount={online ? 0 : 2} />
      <Button size="sm" variant="outline" onClick={() => setOnline(false)}>
        Drop connection
      </Button>
      <Button size="sm" variant="outline" onClick={() => setOnline(true)}>
        Restore connection
      </Button>
    </div>
  );
}

function recordTexts(element: HTMLElement): string[] {
  const seen: string[] = [element.textContent ?? ''];
  new MutationObserver(() => seen.push(element.textContent ?? '')).observe(element, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return seen;
}

/** A harness that sends one change the way the sync store would: pushing for `ms`, then idle. */
function ShortSyncHarness(props: SyncStatusWidgetProps & { pushMs: number }) {
  const [pushing, setPushing] = useState(false);
  const { pushMs, ...widget } = props;
  return (
    <div className="flex items-center gap-3">
      <SyncStatusWidget {...widget} activity={pushing ? 'pushing' : 'idle'} pendingCount={pushing ? 1 : 0} />
      <Button
        size="sm"
        variant="outline"
        onClick={() => {
          setPushing(true);
          setTimeout(() => setPushing(false), pushMs);
        }}
      >
        Send a change
      </Button>
    </div>
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const OnlineIdle: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('All changes synced');
  },
};

export const SendingChanges: Story = {
  tags: ['state'],
  args: { activity: 'pushing', pendingCount: 4 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Sending 4 changes');
  },
};

export const ReceivingChanges: Story = {
  tags: ['state'],
  args: { activity: 'pulling' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Receiving changes');
  },
};

export const InitialSyncWithProgress: Story = {
  tags: ['state'],
  args: { activity: 'pulling', progress: 0.42, lastSyncedAt: null, defaultOpen: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Syncing · 42%');
    const bar = await screen.findByRole('progressbar', { name: 'Initial sync progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '42');
    await expect(screen.getByText('Not synced with the server yet')).toBeVisible();
  },
};

/** A first sign-in to a big shop: the server said how many documents are coming, so the widget counts them. */
export const InitialSyncWithCount: Story = {
  tags: ['state'],
  args: {
    activity: 'pulling',
    progress: 0.12,
    receivedCount: 12_000,
    expectedCount: 100_000,
    secondsLeft: 42,
    lastSyncedAt: null,
    defaultOpen: true,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Syncing · 12,000 of 100,000');
    await expect(await screen.findByText('Downloading data for the first time: about 40 s left.')).toBeVisible();
    const bar = screen.getByRole('progressbar', { name: 'Initial sync progress' });
    await expect(bar).toHaveAttribute('aria-valuenow', '12');
  },
};

export const Connecting: Story = {
  tags: ['state'],
  args: { connection: 'connecting' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Connecting…');
  },
};

export const OfflineWithPending: Story = {
  tags: ['state'],
  args: { connection: 'offline', pendingCount: 3, lastSyncedAt: minutesAgo(2) },
  play: async ({ canvas, userEvent }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent(/offline/i);
    await expect(status).toHaveTextContent(/3 pending/i);
    await userEvent.click(canvas.getByRole('button', { name: /details/i }));
    await expect(await screen.findByText('Last synced 2 min ago')).toBeVisible();
    await expect(screen.getByText(/saved on this device and will sync when you reconnect/)).toBeVisible();
    // Nothing to sync with while offline: the button says so by being unavailable, and a line explains why.
    await expect(screen.getByRole('button', { name: 'Sync now' })).toBeDisabled();
  },
};

export const ClassNameOverridesThePill: Story = {
  tags: ['state'],
  // The pill joins classes without tailwind-merge: its own look is zero-specificity, so a caller's classes win.
  args: { className: 'rounded-md bg-background-muted' },
  render: ({ className, ...args }) => (
    <div className="flex items-center gap-3">
      <SyncStatusWidget {...args} data-testid="own" />
      <SyncStatusWidget {...args} className={className} data-testid="overridden" />
    </div>
  ),
  play: async ({ canvas }) => {
    const own = getComputedStyle(canvas.getByTestId('own'));
    const overridden = getComputedStyle(canvas.getByTestId('overridden'));
    await expect(Number.parseFloat(overridden.borderTopLeftRadius)).toBeLessThan(
      Number.parseFloat(own.borderTopLeftRadius),
    );
    await expect(overridden.backgroundColor).not.toBe(own.backgroundColor);
    // what the caller did not name stays the widget's own
    await expect(overridden.height).toBe(own.height);
  },
};

export const ErrorWithRetry: Story = {
  tags: ['state'],
  args: { lastError: 'The server refused 2 changes: items[2].quantity must be at least 1.', failedCount: 2 },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Sync error · 2 failed');
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};

export const Stalled: Story = {
  tags: ['state'],
  args: { stalled: true, pendingCount: 5, lastSyncedAt: minutesAgo(14), defaultOpen: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Sync stalled · 5 pending');
    await expect(await screen.findByText('Last synced 14 min ago')).toBeVisible();
    await expect(screen.getByText(/has not confirmed any change for a while/)).toBeVisible();
  },
};

export const Unknown: Story = {
  tags: ['state'],
  args: { connection: undefined, lastSyncedAt: null },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Sync status unknown');
  },
};

export const DetailsWithCounts: Story = {
  tags: ['state'],
  args: { pendingCount: 3, failedCount: 1, conflictCount: 2, defaultOpen: true },
  play: async ({ userEvent, args }) => {
    const lists = await screen.findByRole('navigation', { name: 'Sync lists' });
    await expect(lists).toHaveTextContent('3 pending');
    await expect(lists).toHaveTextContent('1 failed');
    await expect(lists).toHaveTextContent('2 conflicts');
    await userEvent.click(screen.getByRole('button', { name: '2 conflicts' }));
    await expect(args.onShowList).toHaveBeenCalledWith('conflicts');
    await userEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await expect(args.onSyncNow).toHaveBeenCalledOnce();
  },
};

export const NeedsReview: Story = {
  tags: ['state'],
  args: { conflictCount: 1, defaultOpen: true },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('1 conflict needs review');
    await expect(status).not.toHaveTextContent(/synced/i);
    await expect(await screen.findByText(/Both versions are kept until you review them/)).toBeVisible();
  },
};

export const LastSyncedBesideTheStatus: Story = {
  tags: ['state'],
  args: { showLastSynced: true, lastSyncedAt: minutesAgo(3) },
  parameters: { viewport: { defaultViewport: 'desktop' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/3 min ago/)).toBeInTheDocument();
  },
};

export const ShortSyncStaysReadable: Story = {
  tags: ['state'],
  // A moving status: behaviour only, no picture.
  parameters: { visual: false },
  args: { settleDelayMs: 500, minBusyMs: 1200 },
  render: (args) => <ShortSyncHarness {...args} pushMs={50} />,
  play: async ({ canvas, userEvent }) => {
    const status = canvas.getByRole('status');
    const texts = recordTexts(status);
    await userEvent.click(canvas.getByRole('button', { name: 'Send a change' }));
    await expect(status).toHaveTextContent('Sending 1 change');
    // the push ended after 50 ms; the words stay long enough to be read
    await new Promise((resolve) => setTimeout(resolve, 700));
    await expect(status).toHaveTextContent('Sending');
    await waitFor(() => expect(status).toHaveTextContent('All changes synced'), { timeout: 3000 });
    // shown once and gone once: synced, sending, synced, never back and forth
    const kinds = texts.map((text) => (/Sending/.test(text) ? 'sending' : 'synced'));
    await expect(kinds.filter((kind, i) => kind !== kinds[i - 1])).toEqual(['synced', 'sending', 'synced']);
  },
};

export const RetryingIsNotAnError: Story = {
  tags: ['state'],
  args: { activity: 'pushing', pendingCount: 1, lastError: 'The request timed out.' },
  play: async ({ canvas }) => {
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Sending 1 change');
    await expect(canvas.queryByRole('button', { name: 'Retry' })).toBeNull();
  },
};

export const DetailsFromTheKeyboard: Story = {
  tags: ['example'],
  // The details load on the first open: Enter opens them all the same, and Escape gives focus back to the trigger.
  // Behaviour only: the picture is OnlineIdle's.
  parameters: { visual: false },
  args: { pendingCount: 2 },
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Sync details' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const details = await screen.findByRole('dialog', { name: 'Sync details' });
    await expect(trigger).toHaveAttribute('aria-controls', details.id);
    await waitFor(() => expect(details).toContainElement(document.activeElement as HTMLElement));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Sync details' })).toBeNull());
    await expect(trigger).toHaveFocus();
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  },
};

export const CountsAsLinks: Story = {
  tags: ['example'],
  // The open popover says "Last synced … ago" from a ticking clock: behaviour only, no picture.
  parameters: { visual: false },
  args: {
    pendingCount: 3,
    failedCount: 1,
    conflictCount: 0,
    defaultOpen: true,
    onShowList: undefined,
    listHrefs: { pending: '#/sync/pending', failed: '#/sync/failed', conflicts: '#/conflicts' },
  },
  play: async () => {
    await expect(await screen.findByRole('link', { name: '1 failed' })).toHaveAttribute('href', '#/sync/failed');
  },
};

export const ChangeShowsAfterDelay: Story = {
  tags: ['example'],
  args: { settleDelayMs: 400 },
  render: (args) => <ConnectionHarness {...args} />,
  play: async ({ canvas, userEvent }) => {
    const status = canvas.getByRole('status');
    await userEvent.click(canvas.getByRole('button', { name: 'Drop connection' }));
    await waitFor(() => expect(status).toHaveTextContent('Offline · 2 pending'), { timeout: 3000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Restore connection' }));
    await waitFor(() => expect(status).toHaveTextContent('All changes synced'), { timeout: 3000 });
  },
};

export const BlipDoesNotFlicker: Story = {
  tags: ['example'],
  args: { settleDelayMs: 1500 },
  render: (args) => <ConnectionHarness {...args} />,
  play: async ({ canvas, userEvent }) => {
    const status = canvas.getByRole('status');
    const texts = recordTexts(status);
    await userEvent.click(canvas.getByRole('button', { name: 'Drop connection' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Restore connection' }));
    // Wait past the settle delay: the short drop must never have reached the screen or a screen reader.
    await new Promise((resolve) => setTimeout(resolve, 1800));
    await expect(status).toHaveTextContent('All changes synced');
    await expect(texts.some((text) => /offline/i.test(text))).toBe(false);
  },
};
