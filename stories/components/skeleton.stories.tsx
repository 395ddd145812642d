import type { Meta, StoryObj } from '@storybook/react-vite';
import { Skeleton } from '@syncline/ui/skeleton';
import { Spinner } from '@syncline/ui/spinner';
import { expect } from 'storybook/test';

/** The shape of content that is still loading; size it with classes where the content will be. */
const meta = {
  title: 'Feedback/Skeleton',
  component: Skeleton,
  tags: ['autodocs'],
  args: { className: 'h-4 w-48' },
  argTypes: { className: { control: 'text' } },
} satisfies Meta<typeof Skeleton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-slot=skeleton]')).toBeInTheDocument();
  },
};

/** A person's row loading: picture, name and detail, with a spinner that names what loads. */
export const LoadingRow: Story = {
  tags: ['example'],
  render: () => (
    <div className="flex w-72 items-center gap-3">
      <Skeleton className="size-10 rounded-full" />
      <div className="grid flex-1 gap-2">
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </div>
      <Spinner label="Loading orders" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status', { name: 'Loading orders' })).toBeVisible();
  },
};
