import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { SyncRow } from '@syncline/ui/sync-row';
import { expect, fn, screen } from 'storybook/test';

function OrderLine({ title, detail }: { title: string; detail: string }) {
  return (
    <>
      <p className="font-medium">{title}</p>
      <p className="text-foreground-muted text-xs">{detail}</p>
    </>
  );
}

const meta = {
  title: 'Sync/SyncRow',
  component: SyncRow,
  tags: ['autodocs'],
  args: {
    state: 'synced',
    children: <OrderLine title="Order 1042" detail="Harbour Hotel · 24 items" />,
  },
  decorators: [(Story) => <div className="w-[32rem]">{Story()}</div>],
} satisfies Meta<typeof SyncRow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Synced: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: 'Synced' })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();
  },
};

export const Pending: Story = {
  tags: ['state'],
  args: { state: 'pending', onDiscard: fn(), itemLabel: 'order 1042' },
  play: async ({ canvas, userEvent }) => {
    const dot = canvas.getByRole('button', { name: 'Waiting to sync — Discard' });
    await userEvent.hover(dot);
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Waiting to sync — Discard');
    await expect(canvas.queryByRole('button', { name: /retry/i })).not.toBeInTheDocument();
  },
};

export const FailedWithReason: Story = {
  tags: ['state'],
  args: {
    state: 'failed',
    reason: 'items[2].quantity must be at least 1',
    itemLabel: 'order 1042',
    onRetry: fn(),
    onDiscard: fn(),
  },
  play: async ({ canvas, userEvent, args }) => {
    const dot = canvas.getByRole('button', { name: /^Failed: items\[2\]\.quantity must be at least 1/ });
    await userEvent.tab();
    await expect(dot).toHaveFocus();
    await expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Failed: items[2].quantity must be at least 1 — Retry / Discard',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Retry order 1042' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Discard order 1042' }));
    await expect(args.onDiscard).toHaveBeenCalledOnce();
  },
};

export const Conflict: Story = {
  tags: ['state'],
  args: {
    state: 'conflict',
    reason: 'the delivery date was changed here and on the server',
    actions: (
      <Button size="sm" variant="outline">
        Review
      </Button>
    ),
  },
  play: async ({ canvas }) => {
    await expect(
      canvas.getByRole('button', { name: 'Conflict: the delivery date was changed here and on the server' }),
    ).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Review' })).toBeVisible();
  },
};

export const List: Story = {
  tags: ['example'],
  render: () => (
    <ul className="grid gap-1">
      <li>
        <SyncRow state="synced">
          <OrderLine title="Order 1040" detail="Grand Café · 12 items" />
        </SyncRow>
      </li>
      <li>
        <SyncRow state="pending">
          <OrderLine title="Order 1041" detail="Saved on this device" />
        </SyncRow>
      </li>
      <li>
        <SyncRow
          state="failed"
          reason="customer is required"
          onRetry={() => {}}
          onDiscard={() => {}}
          itemLabel="order 1042"
        >
          <OrderLine title="Order 1042" detail="Refused by the server" />
        </SyncRow>
      </li>
      <li>
        <SyncRow state="conflict" reason="notes changed on both sides">
          <OrderLine title="Order 1043" detail="Needs review" />
        </SyncRow>
      </li>
    </ul>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('listitem')).toHaveLength(4);
    await expect(canvas.getByRole('img', { name: 'Synced' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Waiting to sync' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Retry order 1042' })).toBeVisible();
  },
};
