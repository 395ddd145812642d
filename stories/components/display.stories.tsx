import type { Meta, StoryObj } from '@storybook/react-vite';
import { Avatar, AvatarFallback, AvatarImage } from '@syncline/ui/avatar';
import { Kbd, KbdGroup } from '@syncline/ui/kbd';
import { Separator } from '@syncline/ui/separator';
import { Skeleton } from '@syncline/ui/skeleton';
import { Spinner } from '@syncline/ui/spinner';
import { expect } from 'storybook/test';

const meta = { title: 'Display/Small parts', component: Avatar } satisfies Meta<typeof Avatar>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Avatars: Story = {
  render: () => (
    <div className="flex items-center gap-3">
      <Avatar size="sm">
        <AvatarFallback>AK</AvatarFallback>
      </Avatar>
      <Avatar>
        {/* An image that cannot load: the initials stay. */}
        <AvatarImage src="/missing-avatar.png" alt="Ana Kowalski" />
        <AvatarFallback>AK</AvatarFallback>
      </Avatar>
      <Avatar size="lg">
        <AvatarFallback>MR</AvatarFallback>
      </Avatar>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByText('AK')).toHaveLength(2);
    await expect(canvas.getByText('MR').closest('[data-slot=avatar]')).toHaveAttribute('data-size', 'lg');
  },
};

export const Keys: Story = {
  render: () => (
    <p className="flex items-center gap-2 text-sm">
      Open the command palette with
      <KbdGroup>
        <Kbd>Ctrl</Kbd>
        <Kbd>K</Kbd>
      </KbdGroup>
    </p>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByText('Ctrl').tagName).toBe('KBD');
  },
};

export const Separators: Story = {
  render: () => (
    <div className="w-64 text-sm">
      <p>Orders</p>
      <Separator className="my-2" />
      <div className="flex h-5 items-center gap-3">
        <span>Open</span>
        <Separator orientation="vertical" />
        <span>Shipped</span>
        <Separator orientation="vertical" decorative={false} />
        <span>Archived</span>
      </div>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('separator')).toHaveAttribute('aria-orientation', 'vertical');
  },
};

export const Loading: Story = {
  render: () => (
    <div className="flex w-72 items-center gap-3">
      <Skeleton className="size-10 rounded-full" />
      <div className="grid flex-1 gap-2">
        <Skeleton className="h-4 w-3/4" />
        <Skeleton className="h-4 w-1/2" />
      </div>
      <Spinner label="Loading orders" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status', { name: 'Loading orders' })).toBeVisible();
  },
};

export const Spinners: Story = {
  render: () => (
    <div className="flex items-center gap-4 text-primary">
      <Spinner size="sm" />
      <Spinner size="md" />
      <Spinner size="lg" label="Syncing" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status', { name: 'Syncing' })).toBeVisible();
    await expect(canvas.getAllByRole('status', { name: 'Loading' })).toHaveLength(2);
  },
};
