import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScrollArea } from '@syncline/ui/scroll-area';
import { Separator } from '@syncline/ui/separator';
import { Fragment } from 'react';
import { expect } from 'storybook/test';

const events = Array.from({ length: 30 }, (_, index) => `Event ${30 - index}: CNC-04 cycle ${40 - index} finished`);

const meta = {
  title: 'Display/ScrollArea',
  component: ScrollArea,
  render: () => (
    <ScrollArea className="h-56 w-72 rounded-md border border-border" aria-label="Machine events">
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
} satisfies Meta<typeof ScrollArea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FocusableScrollRegion: Story = {
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
