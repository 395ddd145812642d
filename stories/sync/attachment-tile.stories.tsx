import type { Meta, StoryObj } from '@storybook/react-vite';
import { AttachmentTile, type AttachmentUploadState, distinctFileNames } from '@syncline/ui/attachment-tile';
import { expect, fn } from 'storybook/test';

/** A photo of a stained shirt: an image's own colours, as a real photo has. */
const photo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" fill="#8aa4c8"/><path d="M14 12l6-4h8l6 4 6 6-5 5-3-2v19H16V21l-3 2-5-5z" fill="#f4f1ea"/><circle cx="27" cy="26" r="4" fill="#9c6b3c"/></svg>',
)}`;

const states: AttachmentUploadState[] = ['pending', 'uploading', 'uploaded', 'failed', 'waiting', 'unavailable'];

const meta = {
  title: 'Sync/AttachmentTile',
  component: AttachmentTile,
  tags: ['autodocs'],
  args: {
    name: 'stain-collar.jpg',
    type: 'image/jpeg',
    size: 2_400_000,
    state: 'pending',
    previewUrl: photo,
    onRemove: fn(),
  },
  argTypes: {
    state: { control: 'inline-radio', options: states },
    progress: { control: { type: 'range', min: 0, max: 1, step: 0.01 } },
    size: { control: { type: 'number', min: 0 } },
    reason: { control: 'text' },
    previewUrl: { control: 'text' },
    type: { control: 'text' },
  },
  parameters: { layout: 'padded' },
} satisfies Meta<typeof AttachmentTile>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvasElement }) => {
    // the preview is an image: wait until it has drawn before the screenshot
    const preview = canvasElement.querySelector('img');
    if (preview) await preview.decode();
  },
};

export const WaitingOffline: Story = {
  tags: ['state'],
  args: { progress: 0.3, reason: 'The sync server is not reachable; the file is kept and sent when it is.' },
  play: async ({ canvas }) => {
    const tile = canvas.getByRole('group', { name: 'stain-collar.jpg' });
    await expect(tile).toHaveAttribute('data-state', 'pending');
    // why it waits is inside the polite live region, so it is heard as well as seen
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Waiting to upload (30% sent) · 2.4 MB The sync server is not reachable; the file is kept and sent when it is.',
    );
    await expect(canvas.getByText(/kept and sent when it is/)).toBeVisible();
    await expect(canvas.queryByRole('button', { name: /retry/i })).toBeNull();
  },
};

export const Uploading: Story = {
  tags: ['state'],
  args: { state: 'uploading', progress: 0.42 },
  play: async ({ canvas }) => {
    // the words are a polite live region: a screen reader hears the upload move on
    await expect(canvas.getByRole('status')).toHaveTextContent('Uploading 42% · 2.4 MB');
    await expect(canvas.getByRole('progressbar', { name: 'Uploading stain-collar.jpg' })).toHaveAttribute(
      'aria-valuenow',
      '42',
    );
  },
};

export const Uploaded: Story = {
  tags: ['state'],
  args: { state: 'uploaded' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Uploaded · 2.4 MB');
    await expect(canvas.queryByRole('progressbar')).toBeNull();
  },
};

export const FailedWithRetry: Story = {
  tags: ['state'],
  args: {
    name: 'delivery-note.pdf',
    type: 'application/pdf',
    size: 840_000,
    state: 'failed',
    reason: 'An operator may not write orders, nor upload its files.',
    onRetry: fn(),
  },
  play: async ({ args, canvas, userEvent }) => {
    // the reason is announced with the failure, not only shown
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Upload failed · 840 KB An operator may not write orders, nor upload its files.',
    );
    await expect(canvas.getByText('An operator may not write orders, nor upload its files.')).toBeVisible();
    // by keyboard: Tab reaches Retry first, then Remove
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Retry delivery-note.pdf' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onRetry).toHaveBeenCalledOnce();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Remove delivery-note.pdf' })).toHaveFocus();
  },
};

/** A photo another device took and has not uploaded yet: the queue asks again, the tile says for what it waits. */
export const WaitingForOtherDevice: Story = {
  tags: ['state'],
  args: { state: 'waiting', previewUrl: undefined, reason: 'Waiting for the other device…', onRemove: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'stain-collar.jpg' })).toHaveAttribute('data-state', 'waiting');
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Not on this device yet · 2.4 MB Waiting for the other device…',
    );
    await expect(canvas.queryByRole('button', { name: /retry/i })).toBeNull();
  },
};

/** A photo this person's role may not see (or a session to sign in to again): said, in the live region, in red. */
export const NotAllowed: Story = {
  tags: ['state'],
  args: {
    state: 'unavailable',
    previewUrl: undefined,
    reason: 'A viewer may not read machines, nor its files.',
    onRemove: undefined,
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'stain-collar.jpg' })).toHaveAttribute('data-state', 'unavailable');
    await expect(canvas.getByRole('status')).toHaveTextContent(
      'Cannot be shown · 2.4 MB A viewer may not read machines, nor its files.',
    );
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const ReadOnly: Story = {
  tags: ['state'],
  args: { state: 'uploaded', onRemove: undefined },
  play: async ({ canvas }) => {
    // a viewer sees the photo and its state, with nothing to press
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const Removable: Story = {
  tags: ['example'],
  args: { state: 'uploaded' },
  play: async ({ args, canvas, userEvent }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Remove stain-collar.jpg' })).toHaveFocus();
    await userEvent.keyboard(' ');
    await expect(args.onRemove).toHaveBeenCalledOnce();
  },
};

/** Two photos both called stain.jpg: each tile, and each of its buttons, named so a screen reader tells them apart. */
export const SameNameTwice: Story = {
  tags: ['example'],
  render: (args) => (
    <ul aria-label="Photos" className="grid gap-2">
      {distinctFileNames(['stain.jpg', 'stain.jpg']).map((name, index) => (
        <li key={name}>
          <AttachmentTile {...args} name={name} state={index === 0 ? 'uploaded' : 'pending'} />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'stain.jpg' })).toBeVisible();
    await expect(canvas.getByRole('group', { name: 'stain.jpg (2)' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Remove stain.jpg (2)' })).toBeVisible();
  },
};

const listReasons: Partial<Record<AttachmentUploadState, string>> = {
  failed: 'The server refused the file (HTTP 413).',
  waiting: 'Offline: it shows once the network is back.',
  unavailable: 'Sign in again to see it: the server did not accept this session.',
};

export const EveryStateInAList: Story = {
  tags: ['example'],
  render: (args) => (
    <ul aria-label="Photos" className="grid gap-2">
      {states.map((state, index) => (
        <li key={state}>
          <AttachmentTile
            {...args}
            name={`photo-${index + 1}.jpg`}
            state={state}
            progress={state === 'uploading' ? 0.6 : 0}
            reason={listReasons[state]}
            onRetry={state === 'failed' ? fn() : undefined}
          />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvas }) => {
    const list = canvas.getByRole('list', { name: 'Photos' });
    await expect(list.querySelectorAll('[data-slot="attachment-tile"]')).toHaveLength(6);
    for (const text of [
      'Waiting to upload',
      'Uploading 60%',
      'Uploaded',
      'Upload failed',
      'Not on this device yet',
      'Cannot be shown',
    ])
      await expect(canvas.getByText(new RegExp(`^${text} ·`))).toBeVisible();
  },
};

/** A photo on the server: the tile shows its thumbnail, and pressing it opens the whole photo. */
export const OpensTheWholePhoto: Story = {
  tags: ['example'],
  args: { state: 'uploaded', onOpen: fn() },
  play: async ({ args, canvas, canvasElement, userEvent }) => {
    await canvasElement.querySelector('img')?.decode();
    // by keyboard: the preview comes first, then Remove
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Open stain-collar.jpg' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onOpen).toHaveBeenCalledOnce();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Remove stain-collar.jpg' })).toHaveFocus();
  },
};
