import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScrollArea, ScrollBar } from '@syncline/ui/scroll-area';
import { Separator } from '@syncline/ui/separator';
import { Fragment } from 'react';
import { expect } from 'storybook/test';

const events = Array.from({ length: 30 }, (_, index) => `Event ${30 - index}: CNC-04 cycle ${40 - index} finished`);

const meta: Meta<typeof ScrollArea> = {
  title: 'Display/ScrollArea',
  component: ScrollArea,
  subcomponents: { ScrollBar },
  tags: ['autodocs'],
  args: { type: 'hover', className: 'h-56 w-72 rounded-md border border-border' },
  argTypes: { type: { control: 'inline-radio', options: ['auto', 'always', 'scroll', 'hover'] } },
  render: (args) => (
    <ScrollArea aria-label="Machine events" {...args}>
      <div className="p-3 text-sm">
        {events.map((event) => (
          <Fragment key={event}>
            <p>{event}</p>
            <Separator className="my-2" />
          </Fragment>
        ))}
      </div>
    </ScrollArea>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const FocusableScrollRegion: Story = {
  tags: ['example'],
  play: async ({ canvasElement, canvas, userEvent }) => {
    const viewport = canvasElement.querySelector('[data-slot=scroll-area-viewport]') as HTMLElement;
    // Keyboard users reach the region with Tab, then scroll it with the arrow keys (native scrolling).
    await userEvent.tab();
    await expect(viewport).toHaveFocus();
    await expect(viewport.scrollHeight).toBeGreaterThan(viewport.clientHeight);
    canvas.getByText(/^Event 1:/).scrollIntoView({ block: 'nearest' });
    await expect(viewport.scrollTop).toBeGreaterThan(0);
    viewport.scrollTop = 0;
  },
};
