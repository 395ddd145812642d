import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@syncline/ui/alert-dialog';
import { Button } from '@syncline/ui/button';
import { expect, fn, screen, waitFor } from 'storybook/test';

function DiscardChanges({ onDiscard, defaultOpen }: { onDiscard?: () => void; defaultOpen?: boolean }) {
  return (
    <AlertDialog defaultOpen={defaultOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="danger">Discard local changes</Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Discard 3 unsynced changes?</AlertDialogTitle>
          <AlertDialogDescription>
            They exist only on this device. The server's version of each order is kept.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Keep changes</AlertDialogCancel>
          <AlertDialogAction variant="danger" onClick={onDiscard}>
            Discard
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

const meta = {
  title: 'Overlays/AlertDialog',
  component: DiscardChanges,
  tags: ['autodocs'],
  args: { onDiscard: fn() },
} satisfies Meta<typeof DiscardChanges>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('alertdialog')).toHaveAccessibleDescription(
      "They exist only on this device. The server's version of each order is kept.",
    );
  },
};

export const ConfirmDiscard: Story = {
  tags: ['example'],
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Discard local changes' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('alertdialog', { name: 'Discard 3 unsynced changes?' });
    // The safe choice has focus first.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Keep changes' })).toHaveFocus());
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
    await expect(args.onDiscard).not.toHaveBeenCalled();
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    await expect(args.onDiscard).toHaveBeenCalledTimes(1);
  },
};
