import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { ConfirmDialog } from '@syncline/ui/confirm-dialog';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';

/**
 * The one confirmation before a step that throws work away or stops a machine: what will happen, a way back
 * (focused first, Escape) and the action. Opened by its `trigger`, or from state with `open`.
 */
const meta = {
  title: 'Overlays/ConfirmDialog',
  component: ConfirmDialog,
  tags: ['autodocs'],
  args: {
    trigger: <Button variant="outline">Cancel orders</Button>,
    title: 'Cancel 3 orders?',
    description: 'Cancelled orders stay in the list, marked cancelled; the toast offers an Undo.',
    cancelLabel: 'Keep them',
    confirmLabel: 'Cancel orders',
    danger: true,
    onConfirm: fn(),
    onCancel: fn(),
  },
  argTypes: {
    title: { control: 'text' },
    description: { control: 'text' },
    cancelLabel: { control: 'text' },
    confirmLabel: { control: 'text' },
    danger: { control: 'boolean' },
    trigger: { control: false },
    open: { control: false },
  },
} satisfies Meta<typeof ConfirmDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The trigger opens it, focus starts on the way back, and the action confirms once. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Cancel orders' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel 3 orders?' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep them' })).toHaveFocus());
    await userEvent.click(screen.getByRole('button', { name: 'Cancel orders', hidden: false }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await expect(args.onCancel).not.toHaveBeenCalled();
    await waitFor(() => expect(trigger).toHaveFocus());
  },
};

/** Open: a danger action for work that is thrown away. */
export const Danger: Story = {
  tags: ['state'],
  args: { trigger: undefined, open: true },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('alertdialog', { name: 'Cancel 3 orders?' });
    await expect(dialog).toHaveTextContent(/stay in the list/);
    await expect(screen.getByRole('button', { name: 'Cancel orders' })).toHaveAttribute('data-variant', 'danger');
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};

/** Open: a primary action for a step that keeps everything, e.g. pausing a machine. */
export const Primary: Story = {
  tags: ['state'],
  args: {
    trigger: undefined,
    open: true,
    danger: false,
    title: 'Pause Washer 3?',
    description: 'The cycle holds where it is; Resume carries on from there.',
    cancelLabel: 'Cancel',
    confirmLabel: 'Pause',
  },
  play: async () => {
    await screen.findByRole('alertdialog', { name: 'Pause Washer 3?' });
    await expect(screen.getByRole('button', { name: 'Pause' })).toHaveAttribute('data-variant', 'primary');
  },
};

function PauseFromState({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Pause Washer 3</Button>
      <ConfirmDialog
        open={open}
        onCancel={() => {
          setOpen(false);
          onCancel();
        }}
        onConfirm={() => {
          setOpen(false);
          onConfirm();
        }}
        title="Pause Washer 3?"
        description="The cycle holds where it is; Resume carries on from there."
        confirmLabel="Pause"
      />
    </>
  );
}

/** Opened from state (a card's command): Escape backs out and says so; opening again and confirming still works. */
export const FromState: Story = {
  tags: ['example'],
  parameters: { visual: false },
  render: (args) => <PauseFromState onConfirm={args.onConfirm} onCancel={args.onCancel ?? fn()} />,
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Pause Washer 3' }));
    await screen.findByRole('alertdialog', { name: 'Pause Washer 3?' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await userEvent.click(canvas.getByRole('button', { name: 'Pause Washer 3' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};
