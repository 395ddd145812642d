import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '@syncline/ui/badge';
import { CheckIcon } from 'lucide-react';
import { expect } from 'storybook/test';

const meta = {
  title: 'Primitives/Badge',
  component: Badge,
  tags: ['autodocs'],
  args: { children: 'Running' },
} satisfies Meta<typeof Badge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Neutral: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Running')).toHaveAttribute('data-slot', 'badge');
  },
};

export const Variants: Story = {
  tags: ['state'],
  render: () => (
    <div className="flex flex-wrap gap-2">
      <Badge>Neutral</Badge>
      <Badge variant="primary">Primary</Badge>
      <Badge variant="outline">Outline</Badge>
      <Badge variant="success">
        <CheckIcon aria-hidden="true" /> Synced
      </Badge>
      <Badge variant="warning">3 pending</Badge>
      <Badge variant="error">Failed</Badge>
      <Badge variant="info">Info</Badge>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('3 pending')).toHaveAttribute('data-variant', 'warning');
  },
};
