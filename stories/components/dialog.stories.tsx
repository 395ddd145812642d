import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from '@syncline/ui/dialog';
import { FormField } from '@syncline/ui/form-field';
import { Input } from '@syncline/ui/input';
import { expect, screen, waitFor } from 'storybook/test';

const meta: Meta<typeof Dialog> = {
  title: 'Overlays/Dialog',
  component: Dialog,
  subcomponents: {
    DialogTrigger,
    DialogContent,
    DialogHeader,
    DialogTitle,
    DialogDescription,
    DialogFooter,
    DialogClose,
  },
  tags: ['autodocs'],
  parameters: { layout: 'centered' },
  args: { defaultOpen: false, modal: true },
  argTypes: { defaultOpen: { control: 'boolean' }, modal: { control: 'boolean' } },
};

export default meta;
type Story = StoryObj<typeof meta>;

function RenameMachine(props: React.ComponentProps<typeof Dialog>) {
  return (
    <Dialog {...props}>
      <DialogTrigger asChild>
        <Button variant="outline">Rename machine</Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Rename CNC-04</DialogTitle>
          <DialogDescription>The new name shows on the floor plan and in alarms.</DialogDescription>
        </DialogHeader>
        <FormField label="Name">
          <Input defaultValue="CNC-04" />
        </FormField>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button>Save</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = {
  tags: ['playground'],
  render: (args) => <RenameMachine {...args} />,
};

export const Closed: Story = {
  tags: ['state'],
  render: () => <RenameMachine />,
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Rename machine' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Rename CNC-04' });
    await expect(dialog).toHaveAccessibleDescription('The new name shows on the floor plan and in alarms.');
    // Focus moves into the dialog, and Tab cycles inside it (focus trap).
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    for (let i = 0; i < 6; i += 1) {
      await userEvent.tab();
      await expect(dialog.contains(document.activeElement)).toBe(true);
    }
    // Escape closes and focus returns to the trigger.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
  },
};

export const Open: Story = {
  tags: ['state'],
  render: () => <RenameMachine defaultOpen />,
  play: async () => {
    await expect(await screen.findByRole('dialog', { name: 'Rename CNC-04' })).toBeVisible();
    await expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('CNC-04');
  },
};

export const CloseButtonCloses: Story = {
  tags: ['example'],
  render: () => <RenameMachine defaultOpen />,
  parameters: { visual: false },
  play: async ({ userEvent }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Rename CNC-04' });
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  },
};

export const CancelButtonCloses: Story = {
  tags: ['example'],
  render: () => <RenameMachine defaultOpen />,
  parameters: { visual: false },
  play: async ({ userEvent }) => {
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  },
};
