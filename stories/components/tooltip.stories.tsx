import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from '@syncline/ui/tooltip';
import { RefreshCwIcon } from 'lucide-react';
import { expect, screen, waitFor } from 'storybook/test';

function SyncNow(props: React.ComponentProps<typeof Tooltip>) {
  return (
    <Tooltip {...props}>
      <TooltipTrigger asChild>
        <Button size="icon" variant="outline" aria-label="Sync now">
          <RefreshCwIcon aria-hidden="true" />
        </Button>
      </TooltipTrigger>
      <TooltipContent>Upload 3 pending changes</TooltipContent>
    </Tooltip>
  );
}

const meta: Meta<typeof Tooltip> = {
  title: 'Overlays/Tooltip',
  component: Tooltip,
  subcomponents: { TooltipTrigger, TooltipContent, TooltipProvider },
  tags: ['autodocs'],
  args: { defaultOpen: false, delayDuration: 300 },
  argTypes: { defaultOpen: { control: 'boolean' }, delayDuration: { control: 'number' } },
  render: (args) => <SyncNow {...args} />,
};

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('tooltip')).toBeInTheDocument();
  },
};

export const OnKeyboardFocus: Story = {
  tags: ['example'],
  play: async ({ userEvent }) => {
    await userEvent.tab();
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Upload 3 pending changes');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  },
};

export const OnHover: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, userEvent }) => {
    await userEvent.hover(canvas.getByRole('button', { name: 'Sync now' }));
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Upload 3 pending changes');
  },
};
