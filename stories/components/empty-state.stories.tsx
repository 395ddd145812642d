import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { EmptyState } from '@syncline/ui/empty-state';
import { InboxIcon } from 'lucide-react';
import { expect, fn } from 'storybook/test';

const meta = {
  title: 'Display/EmptyState',
  component: EmptyState,
  tags: ['autodocs'],
  args: {
    icon: <InboxIcon />,
    title: 'No orders yet',
    description: 'Orders you create here appear at once, even offline, and sync when the network is back.',
  },
  decorators: [(Story) => <div className="w-[28rem]">{Story()}</div>],
} satisfies Meta<typeof EmptyState>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const WithAction: Story = {
  tags: ['state'],
  args: { onClick: undefined },
  render: (args) => {
    const create = fn();
    return <EmptyState {...args} action={<Button onClick={create}>New order</Button>} />;
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'No orders yet' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'New order' })).toBeEnabled();
  },
};

export const NoResults: Story = {
  tags: ['example'],
  args: {
    title: 'No machine matches “lathe-9”',
    description: 'Check the spelling or clear the filter.',
    icon: undefined,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Check the spelling or clear the filter.')).toBeVisible();
  },
};
