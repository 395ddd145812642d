import type { Meta, StoryObj } from '@storybook/react-vite';
import { BulkActionBar } from '@syncline/ui/bulk-action-bar';
import { Button } from '@syncline/ui/button';
import { ConfirmDialog } from '@syncline/ui/confirm-dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '@syncline/ui/dropdown-menu';
import { ChevronDownIcon } from 'lucide-react';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';

/**
 * What a list offers once rows are selected: the count (announced politely), the actions on every selected row, and
 * Clear selection. A toolbar: arrow keys, Home and End move between its actions, Escape clears the selection.
 */
const meta = {
  title: 'Data/BulkActionBar',
  component: BulkActionBar,
  tags: ['autodocs'],
  args: {
    count: 3,
    noun: { one: 'order', other: 'orders' },
    label: 'Selected orders',
    clearLabel: 'Clear selection',
    onClearSelection: fn(),
    actions: (
      <>
        <Button size="sm">Mark 3 washing</Button>
        <Button size="sm" variant="outline">
          Set priority
        </Button>
      </>
    ),
  },
  argTypes: {
    count: { control: { type: 'number', min: 1 } },
    label: { control: 'text' },
    clearLabel: { control: 'text' },
    noun: { control: 'object' },
    actions: { control: false },
    selection: { control: false },
  },
  decorators: [(Story) => <div className="w-[44rem] max-w-full">{Story()}</div>],
} satisfies Meta<typeof BulkActionBar>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The count, the actions and Clear selection, in a named toolbar. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, args }) => {
    const bar = canvas.getByRole('toolbar', { name: 'Selected orders' });
    await expect(bar).toHaveTextContent('3 orders selected');
    await userEvent.click(canvas.getByRole('button', { name: 'Clear selection' }));
    await expect(args.onClearSelection).toHaveBeenCalledOnce();
  },
};

/** One row: the noun in the singular. */
export const OneSelected: Story = {
  tags: ['state'],
  args: { count: 1, actions: <Button size="sm">Mark 1 washing</Button> },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('toolbar')).toHaveTextContent('1 order selected');
  },
};

/** Arrow keys move between the actions (round the ends), Home and End to the first and last, Escape clears. */
export const Keyboard: Story = {
  tags: ['state'],
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Mark 3 washing' }));
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('button', { name: 'Set priority' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('button', { name: 'Clear selection' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('button', { name: 'Mark 3 washing' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getByRole('button', { name: 'Clear selection' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect(canvas.getByRole('button', { name: 'Mark 3 washing' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(args.onClearSelection).toHaveBeenCalledOnce();
  },
};

/** A disabled action is passed over by the arrow keys. */
export const DisabledAction: Story = {
  tags: ['state'],
  args: {
    actions: (
      <>
        <Button size="sm" disabled>
          No next step
        </Button>
        <Button size="sm" variant="outline">
          Set priority
        </Button>
      </>
    ),
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Set priority' }));
    await userEvent.keyboard('{ArrowLeft}');
    await expect(canvas.getByRole('button', { name: 'Clear selection' })).toHaveFocus();
  },
};

/** On a phone the actions wrap under the count; the bar keeps to the bottom of the screen as the list scrolls. */
export const OnAPhone: Story = {
  tags: ['state'],
  args: {
    count: 1204,
    selection: null,
    actions: (
      <>
        <Button size="sm">Mark 1,204 washing</Button>
        <Button size="sm" variant="outline">
          Set priority
        </Button>
        <Button size="sm" variant="outline">
          Cancel orders
        </Button>
      </>
    ),
  },
  decorators: [(Story) => <div style={{ width: 320 }}>{Story()}</div>],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('toolbar')).toHaveTextContent('1,204 orders selected');
  },
};

/**
 * The orders page's bar: grow the selection to every order the view matches, advance, set a priority from a menu,
 * or cancel after a confirmation; Escape in the menu closes only the menu.
 */
export const OrdersSelection: Story = {
  tags: ['example'],
  render: function Render(args) {
    const [count, setCount] = useState(3);
    const cancel = fn();
    return count === 0 ? (
      <Button size="sm" variant="outline" onClick={() => setCount(3)}>
        Select 3 orders
      </Button>
    ) : (
      <BulkActionBar
        {...args}
        count={count}
        onClearSelection={() => setCount(0)}
        selection={
          count < 1204 ? (
            <Button size="sm" variant="ghost" onClick={() => setCount(1204)}>
              Select all 1,204 matching
            </Button>
          ) : null
        }
        actions={
          <>
            <Button size="sm">Mark {count.toLocaleString()} washing</Button>
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button size="sm" variant="outline">
                  Set priority <ChevronDownIcon aria-hidden="true" />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="start">
                <DropdownMenuItem>Normal</DropdownMenuItem>
                <DropdownMenuItem>Urgent</DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
            <ConfirmDialog
              trigger={
                <Button size="sm" variant="outline">
                  Cancel orders
                </Button>
              }
              title={`Cancel ${count.toLocaleString()} orders?`}
              description="Cancelled orders stay in the list, marked cancelled; the toast offers an Undo."
              cancelLabel="Keep them"
              confirmLabel="Cancel orders"
              danger
              onConfirm={cancel}
            />
          </>
        }
      />
    );
  },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Select all 1,204 matching' }));
    await expect(canvas.getByRole('toolbar')).toHaveTextContent('1,204 orders selected');
    await userEvent.click(canvas.getByRole('button', { name: /Set priority/ }));
    await expect(await screen.findByRole('menuitem', { name: 'Urgent' })).toBeVisible();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await expect(canvas.getByRole('toolbar')).toHaveTextContent('1,204 orders selected');
    await userEvent.click(canvas.getByRole('button', { name: 'Clear selection' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Select 3 orders' }));
    await expect(canvas.getByRole('toolbar')).toHaveTextContent('3 orders selected');
  },
};
