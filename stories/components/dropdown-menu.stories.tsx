import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuShortcut,
  DropdownMenuTrigger,
} from '@syncline/ui/dropdown-menu';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';

function OrderActions({ onAction, defaultOpen }: { onAction?: (action: string) => void; defaultOpen?: boolean }) {
  const [showArchived, setShowArchived] = useState(false);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <Button variant="outline">Order actions</Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-56" align="start">
        <DropdownMenuLabel>Order #4821</DropdownMenuLabel>
        <DropdownMenuItem onSelect={() => onAction?.('duplicate')}>
          Duplicate <DropdownMenuShortcut>⌘D</DropdownMenuShortcut>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onAction?.('print')}>Print label</DropdownMenuItem>
        <DropdownMenuItem disabled>Ship (waiting for QA)</DropdownMenuItem>
        <DropdownMenuCheckboxItem checked={showArchived} onCheckedChange={setShowArchived}>
          Show archived
        </DropdownMenuCheckboxItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="danger" onSelect={() => onAction?.('cancel')}>
          Cancel order
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

const meta = {
  title: 'Overlays/DropdownMenu',
  component: OrderActions,
  tags: ['autodocs'],
  args: { onAction: fn() },
} satisfies Meta<typeof OrderActions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('menu')).toBeVisible();
    await expect(screen.getByRole('menuitem', { name: 'Ship (waiting for QA)' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const KeyboardNavigation: Story = {
  tags: ['example'],
  play: async ({ canvas, userEvent, args }) => {
    const trigger = canvas.getByRole('button', { name: 'Order actions' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const menu = await screen.findByRole('menu');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: /Duplicate/ })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await expect(screen.getByRole('menuitem', { name: 'Print label' })).toHaveFocus();
    // Disabled items are skipped.
    await userEvent.keyboard('{ArrowDown}');
    await expect(screen.getByRole('menuitemcheckbox', { name: 'Show archived' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(menu).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Cancel order' }));
    await expect(args.onAction).toHaveBeenCalledWith('cancel');
  },
};
