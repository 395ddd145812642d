import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Popover, PopoverAnchor, PopoverContent, PopoverTrigger } from '@syncline/ui/popover';
import { expect, screen, waitFor } from 'storybook/test';

function LastSync(props: React.ComponentProps<typeof Popover>) {
  return (
    <Popover {...props}>
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

const meta: Meta<typeof Popover> = {
  title: 'Overlays/Popover',
  component: Popover,
  subcomponents: { PopoverTrigger, PopoverContent, PopoverAnchor },
  tags: ['autodocs'],
  args: { defaultOpen: false, modal: false },
  argTypes: { defaultOpen: { control: 'boolean' }, modal: { control: 'boolean' } },
  render: (args) => <LastSync {...args} />,
};

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  play: async () => {
    await expect(await screen.findByRole('button', { name: 'Sync now' })).toBeVisible();
  },
};

export const OpensAndCloses: Story = {
  tags: ['example'],
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
