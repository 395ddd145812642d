import type { Meta, StoryObj } from '@storybook/react-vite';
import { AttachmentTile } from '@syncline/ui/attachment-tile';
import { expect, fn } from 'storybook/test';

/** A photo of a stained shirt: an image's own colours, as a real photo has. */
const photo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#8aa4c8"/><path d="M14 12l6-4h8l6 4 6 6-5 5-3-2v19H16V21l-3 2-5-5z" fill="#f4f1ea"/><circle cx="27" cy="26" r="4" fill="#9c6b3c"/></svg>',
)}`;

const meta = {
  title: 'Sync/AttachmentTile',
  component: AttachmentTile,
  args: { name: 'stain-collar.jpg', type: 'image/jpeg', size: 2_400_000, state: 'pending', previewUrl: photo },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof AttachmentTile>;

export default meta;
type Story = StoryObj<typeof meta>;

export const WaitingOffline: Story = {
  args: { progress: 0.3, reason: 'The sync server is not reachable; the file is kept and sent when it is.' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Waiting to upload (30% sent) · 2.4 MB')).toBeVisible();
    await expect(canvas.getByText(/kept and sent when it is/)).toBeVisible();
  },
};

export const Uploading: Story = {
  args: { state: 'uploading', progress: 0.42 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Uploading 42% · 2.4 MB')).toBeVisible();
    await expect(canvas.getByRole('progressbar', { name: 'Uploading stain-collar.jpg' })).toHaveAttribute(
      'aria-valuenow',
      '42',
    );
  },
};

export const Uploaded: Story = {
  args: { state: 'uploaded' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Uploaded · 2.4 MB')).toBeVisible();
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

export const FailedWithRetry: Story = {
  args: {
    name: 'delivery-note.pdf',
    type: 'application/pdf',
    size: 840_000,
    state: 'failed',
    reason: 'An operator may not write orders, nor upload its files.',
    onRetry: fn(),
  },
  play: async ({ args, canvas, userEvent }) => {
    await expect(canvas.getByText('Upload failed · 840 KB')).toBeVisible();
    await expect(canvas.getByText('An operator may not write orders, nor upload its files.')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry delivery-note.pdf' }));
    await expect(args.onRetry).toHaveBeenCalledOnce();
  },
};
