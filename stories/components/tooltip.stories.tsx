import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Tooltip, TooltipContent, TooltipTrigger } from '@syncline/ui/tooltip';
import { RefreshCwIcon } from 'lucide-react';
import { expect, screen, waitFor } from 'storybook/test';

function SyncNow({ defaultOpen }: { defaultOpen?: boolean }) {
  return (
    <Tooltip defaultOpen={defaultOpen}>
      <TooltipTrigger asChild>
        <Button size="icon" variant="outline" aria-label="Sync now">
          <RefreshCwIcon aria-hidden="true" />
        </Button>
      </TooltipTrigger>
      <TooltipContent>Upload 3 pending changes</TooltipContent>
    </Tooltip>
  );
}

const meta = { title: 'Overlays/Tooltip', component: SyncNow } satisfies Meta<typeof SyncNow>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OnKeyboardFocus: Story = {
  play: async ({ userEvent }) => {
    await userEvent.tab();
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Upload 3 pending changes');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('tooltip')).not.toBeInTheDocument());
  },
};

export const OnHover: Story = {
  parameters: { visual: false },
  play: async ({ canvas, userEvent }) => {
    await userEvent.hover(canvas.getByRole('button', { name: 'Sync now' }));
    await expect(await screen.findByRole('tooltip')).toHaveTextContent('Upload 3 pending changes');
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('tooltip')).toBeInTheDocument();
  },
};
