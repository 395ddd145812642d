import type { Meta, StoryObj } from '@storybook/react-vite';
import { Avatar, AvatarFallback, AvatarImage } from '@syncline/ui/avatar';
import { expect } from 'storybook/test';

/** A person's picture, or their initials while it loads or when there is none. */
const meta: Meta<typeof Avatar> = {
  title: 'Display/Avatar',
  component: Avatar,
  subcomponents: { AvatarImage, AvatarFallback },
  tags: ['autodocs'],
  args: { size: 'md' },
  argTypes: { size: { control: 'inline-radio', options: ['sm', 'md', 'lg'] } },
  render: (args) => (
    <Avatar {...args}>
      <AvatarFallback>AK</AvatarFallback>
    </Avatar>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, args }) => {
    await expect(canvas.getByText('AK').closest('[data-slot=avatar]')).toHaveAttribute('data-size', args.size);
  },
};

/** Every size, and an image that cannot load: the initials stay. */
export const Sizes: Story = {
  tags: ['state'],
  render: () => (
    <div className="flex items-center gap-3">
      <Avatar size="sm">
        <AvatarFallback>AK</AvatarFallback>
      </Avatar>
      <Avatar>
        <AvatarImage src="/missing-avatar.png" alt="Ana Kowalski" />
        <AvatarFallback>AK</AvatarFallback>
      </Avatar>
      <Avatar size="lg">
        <AvatarFallback>MR</AvatarFallback>
      </Avatar>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText('AK')).toHaveLength(2);
    await expect(canvas.getByText('MR').closest('[data-slot=avatar]')).toHaveAttribute('data-size', 'lg');
  },
};
