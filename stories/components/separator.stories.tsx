import type { Meta, StoryObj } from '@storybook/react-vite';
import { Separator } from '@syncline/ui/separator';
import { expect } from 'storybook/test';

/** A line between groups of content; decorative unless `decorative={false}` makes it a separator for readers. */
const meta: Meta<typeof Separator> = {
  title: 'Display/Separator',
  component: Separator,
  tags: ['autodocs'],
  args: { orientation: 'horizontal', decorative: true },
  argTypes: { orientation: { control: 'inline-radio', options: ['horizontal', 'vertical'] } },
  render: (args) => (
    <div className={args.orientation === 'vertical' ? 'flex h-6 items-center gap-3 text-sm' : 'w-64 text-sm'}>
      <p>Orders</p>
      <Separator className={args.orientation === 'vertical' ? undefined : 'my-2'} {...args} />
      <p>Machines</p>
    </div>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvasElement, args }) => {
    await expect(canvasElement.querySelector('[data-slot=separator]')).toHaveAttribute(
      'data-orientation',
      args.orientation,
    );
  },
};

/** Across a list, and upright between words in a line; the last one is announced. */
export const Orientations: Story = {
  tags: ['state'],
  render: () => (
    <div className="w-64 text-sm">
      <p>Orders</p>
      <Separator className="my-2" />
      <div className="flex h-5 items-center gap-3">
        <span>Open</span>
        <Separator orientation="vertical" />
        <span>Shipped</span>
        <Separator orientation="vertical" decorative={false} />
        <span>Archived</span>
      </div>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('separator')).toHaveAttribute('aria-orientation', 'vertical');
  },
};
