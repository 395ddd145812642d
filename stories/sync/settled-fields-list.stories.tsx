import type { Meta, StoryObj } from '@storybook/react-vite';
import { type SettledFieldItem, SettledFieldsList } from '@syncline/ui/settled-fields-list';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';

const words: Record<string, string> = { urgent: 'Urgent', high: 'High', folding: 'Folding', drying: 'Drying' };
const inWords = (value: unknown) => (typeof value === 'string' ? (words[value] ?? value) : String(value ?? 'empty'));

const priority: SettledFieldItem = {
  id: 'orders|o1|1|priority',
  field: 'priority',
  label: 'Priority',
  rule: 'latest',
  winner: 'server',
  won: 'urgent',
  lost: 'high',
  state: 'kept',
};

const meta = {
  title: 'Sync/SettledFieldsList',
  component: SettledFieldsList,
  tags: ['autodocs'],
  args: { items: [priority], format: inWords, onReverse: fn() },
  decorators: [(Story) => <div className="w-[36rem]">{Story()}</div>],
} satisfies Meta<typeof SettledFieldsList>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The list as a page holds it: Reverse brings the value that lost back, and the row then says so. */
function OrderPriority() {
  const [state, setState] = useState<SettledFieldItem['state']>('kept');
  return <SettledFieldsList items={[{ ...priority, state }]} format={inWords} onReverse={() => setState('reversed')} />;
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const LatestEditWon: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent, args }) => {
    const list = canvas.getByRole('region', { name: 'Settled automatically' });
    await expect(list).toHaveTextContent(
      'Priority settled automatically · latest edit won: Urgent (server) over High (this device)',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Reverse Priority to High' }));
    await expect(args.onReverse).toHaveBeenCalledWith(priority);
  },
};

export const SeveralRules: Story = {
  tags: ['state'],
  args: {
    items: [
      priority,
      {
        ...priority,
        id: 'orders|o1|1|status',
        field: 'status',
        label: 'Status',
        rule: 'progression',
        winner: 'local',
        won: 'folding',
        lost: 'drying',
      },
      {
        ...priority,
        id: 'orders|o1|1|labelPrints',
        field: 'labelPrints',
        label: 'Label prints',
        rule: 'max',
        won: 3,
        lost: 2,
      },
      {
        ...priority,
        id: 'orders|o1|1|totals',
        field: 'totals',
        label: 'Totals',
        rule: 'server',
        won: 4200,
        lost: 3900,
      },
    ],
  },
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('listitem')).toHaveLength(4);
    await expect(canvas.getByText(/the furthest step won/)).toHaveTextContent(
      'Status settled automatically · the furthest step won: Folding (this device) over Drying (server)',
    );
    await expect(canvas.getByText(/the larger value won/)).toBeVisible();
    await expect(canvas.getByText(/the server's value won/)).toBeVisible();
  },
};

/**
 * Settled on another of the tenant's devices: this device's value reached the server first and lost there when the
 * other device's later edit merged. The settlement synced here, so the person whose value lost sees it too.
 */
export const SettledOnAnotherDevice: Story = {
  tags: ['state'],
  args: { items: [{ ...priority, winner: 'other', loser: 'server' }] },
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('listitem')).toHaveTextContent(
      'Priority settled automatically · latest edit won: Urgent (another device) over High (server)',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Reverse Priority to High' }));
    await expect(args.onReverse).toHaveBeenCalledOnce();
  },
};

export const Reversed: Story = {
  tags: ['state'],
  args: { items: [{ ...priority, state: 'reversed' }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Reversed: High is back')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Reverse/ })).not.toBeInTheDocument();
  },
};

export const ChangedSince: Story = {
  tags: ['state'],
  args: { items: [{ ...priority, state: 'changed' }] },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Changed since')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /Reverse/ })).not.toBeInTheDocument();
  },
};

export const LostValueWasEmpty: Story = {
  tags: ['state'],
  args: {
    items: [{ ...priority, field: 'notes', label: 'Notes', won: 'Ring twice', lost: undefined }],
    format: undefined,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('listitem')).toHaveTextContent(
      'Notes settled automatically · latest edit won: Ring twice (server) over empty (this device)',
    );
    await expect(canvas.getByRole('button', { name: 'Reverse Notes to empty' })).toBeVisible();
  },
};

export const ReversedWithOneClick: Story = {
  tags: ['example'],
  render: () => <OrderPriority />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Reverse Priority to High' }));
    await expect(canvas.getByText('Reversed: High is back')).toBeVisible();
    await expect(canvas.getByRole('listitem')).toHaveAttribute('data-state', 'reversed');
  },
};
