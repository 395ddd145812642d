import type { Meta, StoryObj } from '@storybook/react-vite';
import { NotificationCenter, type NotificationItem } from '@syncline/ui/notification-center';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';

const NOW = Date.UTC(2026, 10, 22, 9, 30);
const minutesAgo = (minutes: number) => NOW - minutes * 60_000;

const unreadItems: NotificationItem[] = [
  {
    id: 'alarm-1',
    kind: 'alarm',
    severity: 'critical',
    title: 'Dryer 2: Heater over temperature',
    detail: 'Critical · E-TEMP',
    at: minutesAgo(1),
    read: false,
    href: '#machine-dryer-2',
  },
  {
    id: 'conflict-1',
    kind: 'conflict',
    severity: 'warning',
    title: 'Order #1042',
    detail: 'Notes changed here and on the server',
    at: minutesAgo(6),
    read: false,
    href: '#conflict-1042',
  },
  {
    id: 'failure-1',
    kind: 'sync-failure',
    severity: 'error',
    title: 'Customer Ada Park',
    detail: 'The server refused it: phone must be a valid number',
    at: minutesAgo(24),
    read: false,
    href: '#queue',
  },
];

const readItems = unreadItems.map((item) => ({ ...item, read: true }));

const manyItems: NotificationItem[] = Array.from({ length: 24 }, (_, index) => ({
  id: `alarm-${index}`,
  kind: 'alarm',
  severity: index % 2 === 0 ? 'error' : 'warning',
  title: `Washer ${index + 1}: ${index % 2 === 0 ? 'Drain pump blocked' : 'Lint filter due for cleaning'}`,
  detail: index % 2 === 0 ? 'Major · E-DRAIN' : 'Warning · I-FILTER',
  at: minutesAgo(index * 7 + 2),
  read: index > 9,
  href: `#washer-${index + 1}`,
}));

/** The bell with its own read state, as an app keeps it: following a notification or "Mark all read" reads it. */
function Inbox({ notifications: initial, ...props }: React.ComponentProps<typeof NotificationCenter>) {
  const [notifications, setNotifications] = useState(initial);
  return (
    <NotificationCenter
      {...props}
      notifications={notifications}
      onSelect={(notification, event) => {
        event.preventDefault();
        props.onSelect?.(notification, event);
        setNotifications((all) => all.map((item) => (item.id === notification.id ? { ...item, read: true } : item)));
      }}
      onMarkAllRead={() => {
        props.onMarkAllRead?.();
        setNotifications((all) => all.map((item) => ({ ...item, read: true })));
      }}
    />
  );
}

const meta = {
  title: 'Sync/NotificationCenter',
  component: NotificationCenter,
  tags: ['autodocs'],
  render: (args) => <Inbox {...args} />,
  args: { notifications: unreadItems, now: NOW, onSelect: fn(), onMarkAllRead: fn() },
  parameters: { layout: 'padded' },
  decorators: [
    (Story) => (
      <div className="flex justify-end">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof NotificationCenter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Empty: Story = {
  tags: ['state'],
  args: { notifications: [] },
  play: async ({ canvas, userEvent }) => {
    const bell = canvas.getByRole('button', { name: 'Notifications, 0 unread' });
    await expect(canvas.queryByText('0')).toBeNull();
    await userEvent.click(bell);
    await expect(await screen.findByText('Nothing needs you')).toBeVisible();
    await expect(screen.queryByRole('button', { name: 'Mark all read' })).toBeNull();
  },
};

export const Unread: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    const bell = canvas.getByRole('button', { name: 'Notifications, 3 unread' });
    await expect(bell).toHaveTextContent('3');
  },
};

export const AllRead: Story = {
  tags: ['state'],
  args: { notifications: readItems },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Notifications, 0 unread' })).toBeVisible();
  },
};

export const ManyItems: Story = {
  tags: ['state'],
  args: { notifications: manyItems, defaultOpen: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Notifications, 10 unread' })).toBeVisible();
    const list = await screen.findByRole('list', { name: 'Notifications' });
    await expect(list.querySelectorAll('a')).toHaveLength(24);
  },
};

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    const list = await screen.findByRole('dialog', { name: 'Notifications' });
    await expect(list).toHaveTextContent('3 unread');
    await expect(screen.getByRole('link', { name: /Unread: Alarm.*Dryer 2: Heater over temperature/ })).toBeVisible();
    await expect(screen.getByRole('link', { name: /Conflict to review.*Order #1042/ })).toHaveAttribute(
      'href',
      '#conflict-1042',
    );
    await expect(screen.getByRole('button', { name: 'Mark all read' })).toBeVisible();
  },
};

export const FollowAndMarkRead: Story = {
  tags: ['example'],
  // Behaviour only: following a notification reads it and closes the list; "Mark all read" reads the rest.
  parameters: { visual: false },
  play: async ({ args, canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Notifications, 3 unread' }));
    await userEvent.click(await screen.findByRole('link', { name: /Order #1042/ }));
    await expect(args.onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'conflict-1', href: '#conflict-1042' }),
      expect.anything(),
    );
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull());
    const bell = canvas.getByRole('button', { name: 'Notifications, 2 unread' });
    await userEvent.click(bell);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark all read' }));
    await expect(args.onMarkAllRead).toHaveBeenCalled();
    await expect(canvas.getByRole('button', { name: 'Notifications, 0 unread' })).toBeVisible();
    await expect(screen.getByRole('button', { name: 'Mark all read' })).toHaveAttribute('aria-disabled', 'true');
  },
};

export const FromTheKeyboard: Story = {
  tags: ['example'],
  // Enter opens the list, the arrows move between notifications, Escape closes it and gives focus back to the bell.
  parameters: { visual: false },
  play: async ({ canvas, userEvent }) => {
    const bell = canvas.getByRole('button', { name: 'Notifications, 3 unread' });
    bell.focus();
    await userEvent.keyboard('{Enter}');
    const list = await screen.findByRole('dialog', { name: 'Notifications' });
    await waitFor(() => expect(list).toContainElement(document.activeElement as HTMLElement));
    await userEvent.tab();
    await expect(screen.getByRole('link', { name: /Dryer 2/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(screen.getByRole('link', { name: /Order #1042/ })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(screen.getByRole('link', { name: /Ada Park/ })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(screen.getByRole('link', { name: /Dryer 2/ })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Notifications' })).toBeNull());
    await expect(bell).toHaveFocus();
  },
};
