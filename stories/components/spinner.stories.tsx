import type { Meta, StoryObj } from '@storybook/react-vite';
import { Spinner } from '@syncline/ui/spinner';
import { expect } from 'storybook/test';

/** Work under way, announced as a status with its label ("Loading" unless told what loads). */
const meta = {
  title: 'Feedback/Spinner',
  component: Spinner,
  tags: ['autodocs'],
  args: { size: 'md', label: 'Syncing' },
  argTypes: { size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] }, label: { control: 'text' } },
} satisfies Meta<typeof Spinner>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('status', { name: args.label ?? 'Loading' })).toBeVisible();
  },
};

/** Every size; without a label a spinner says "Loading". */
export const Sizes: Story = {
  tags: ['state'],
  render: () => (
    <div className="flex items-center gap-4 text-primary">
      <Spinner size="sm" />
      <Spinner size="md" />
      <Spinner size="lg" label="Syncing" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status', { name: 'Syncing' })).toBeVisible();
    await expect(canvas.getAllByRole('status', { name: 'Loading' })).toHaveLength(2);
  },
};
