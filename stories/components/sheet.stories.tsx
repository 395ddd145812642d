import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetFooter,
  SheetHeader,
  SheetTitle,
  SheetTrigger,
} from '@syncline/ui/sheet';
import { expect, screen, waitFor } from 'storybook/test';

function MachineDetails({ side, defaultOpen }: { side?: 'left' | 'right' | 'top' | 'bottom'; defaultOpen?: boolean }) {
  return (
    <Sheet defaultOpen={defaultOpen}>
      <SheetTrigger asChild>
        <Button variant="outline">Machine details</Button>
      </SheetTrigger>
      <SheetContent side={side}>
        <SheetHeader>
          <SheetTitle>CNC-04</SheetTitle>
          <SheetDescription>Running · cycle 12 of 40</SheetDescription>
        </SheetHeader>
        <p className="px-4 text-sm">Spindle load 62%. Last maintenance 12 days ago.</p>
        <SheetFooter>
          <Button>Pause machine</Button>
        </SheetFooter>
      </SheetContent>
    </Sheet>
  );
}

const meta: Meta<typeof MachineDetails> = {
  title: 'Overlays/Sheet',
  component: MachineDetails,
  subcomponents: { Sheet, SheetTrigger, SheetContent, SheetHeader, SheetTitle, SheetDescription, SheetFooter },
  tags: ['autodocs'],
  args: { side: 'right', defaultOpen: false },
  argTypes: {
    side: { control: 'inline-radio', options: ['right', 'left', 'top', 'bottom'] },
    defaultOpen: { control: 'boolean' },
  },
};

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const FromTheRight: Story = {
  tags: ['state'],
  args: { side: 'right' },
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Machine details' });
    await userEvent.click(trigger);
    const sheet = await screen.findByRole('dialog', { name: 'CNC-04' });
    await expect(sheet).toHaveAttribute('data-side', 'right');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(sheet).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
  },
};

export const OpenLeft: Story = {
  tags: ['state'],
  args: { side: 'left', defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('dialog', { name: 'CNC-04' })).toHaveAttribute('data-side', 'left');
    await expect(screen.getByRole('button', { name: 'Close' })).toBeVisible();
  },
};

export const OpenBottom: Story = {
  tags: ['state'],
  args: { side: 'bottom', defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('dialog', { name: 'CNC-04' })).toHaveAttribute('data-side', 'bottom');
  },
};
