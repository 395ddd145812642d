import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { Toaster, toast } from '@syncline/ui/toast';
import { expect, screen, waitFor } from 'storybook/test';

function Notifications() {
  return (
    <>
      <Toaster position="bottom-right" duration={60_000} />
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

const meta = { title: 'Feedback/Toast', component: Notifications } satisfies Meta<typeof Notifications>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ShowAndAct: Story = {
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
