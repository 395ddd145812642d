import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Toaster, toast } from '@syncline/ui/toast';
import { expect, screen, waitFor } from 'storybook/test';

function Notifications(props: React.ComponentProps<typeof Toaster>) {
  return (
    <>
      <Toaster position="bottom-right" duration={60_000} {...props} />
      <div className="flex gap-2">
        <Button variant="outline" onClick={() => toast('Order #4821 saved on this device')}>
          Save
        </Button>
        <Button
          variant="outline"
          onClick={() => toast.success('Synced', { description: '3 changes reached the server.' })}
        >
          Sync
        </Button>
        <Button
          variant="outline"
          onClick={() =>
            toast.error('Upload failed', {
              description: 'Your changes are kept on this device.',
              action: { label: 'Retry', onClick: () => toast('Retrying…') },
            })
          }
        >
          Fail
        </Button>
      </div>
    </>
  );
}

/** Where `toast()` messages appear: place one Toaster per app; call `toast`, `toast.success` or `toast.error`. */
const meta = {
  title: 'Feedback/Toaster',
  component: Toaster,
  tags: ['autodocs'],
  args: { position: 'bottom-right', duration: 60_000 },
  argTypes: {
    position: {
      control: 'select',
      options: ['top-left', 'top-center', 'top-right', 'bottom-left', 'bottom-center', 'bottom-right'],
    },
    duration: { control: 'number' },
  },
  render: (args) => <Notifications {...args} />,
} satisfies Meta<typeof Toaster>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const ShowAndAct: Story = {
  tags: ['example'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Sync' }));
    await expect(await screen.findByText('3 changes reached the server.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Fail' }));
    await expect(await screen.findByText('Your changes are kept on this device.')).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await expect(await screen.findByText('Retrying…')).toBeVisible();
    toast.dismiss();
    await waitFor(() => expect(screen.queryByText('Retrying…')).not.toBeInTheDocument());
  },
};
