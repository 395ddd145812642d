import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Popover, PopoverContent, PopoverTrigger } from '@syncline/ui/popover';
import { expect, screen, waitFor } from 'storybook/test';

function LastSync({ defaultOpen }: { defaultOpen?: boolean }) {
  return (
    <Popover defaultOpen={defaultOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline">Sync details</Button>
      </PopoverTrigger>
      <PopoverContent aria-label="Sync details">
        <p className="font-medium text-sm">Last synced 2 minutes ago</p>
        <p className="mt-1 text-foreground-muted text-sm">3 changes waiting to upload.</p>
        <Button size="sm" className="mt-3">
          Sync now
        </Button>
      </PopoverContent>
    </Popover>
  );
}

const meta = { title: 'Overlays/Popover', component: LastSync } satisfies Meta<typeof LastSync>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OpensAndCloses: Story = {
  play: async ({ canvas, userEvent }) => {
    const trigger = canvas.getByRole('button', { name: 'Sync details' });
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(trigger);
    await expect(await screen.findByText('Last synced 2 minutes ago')).toBeVisible();
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByText('Last synced 2 minutes ago')).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
  },
};

export const Open: Story = {
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('button', { name: 'Sync now' })).toBeVisible();
  },
};
