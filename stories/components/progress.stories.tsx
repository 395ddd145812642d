import type { Meta, StoryObj } from '@storybook/react-vite';
import { Progress, ProgressRing } from '@syncline/ui/progress';
import { expect } from 'storybook/test';

const meta = {
  title: 'Display/Progress',
  component: Progress,
  tags: ['autodocs'],
  args: { value: 40, 'aria-label': 'Initial sync' },
  decorators: [(Story) => <div className="w-80">{Story()}</div>],
} satisfies Meta<typeof Progress>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Bar: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    const bar = canvas.getByRole('progressbar', { name: 'Initial sync' });
    await expect(bar).toHaveAttribute('aria-valuenow', '40');
  },
};

export const Tones: Story = {
  tags: ['state'],
  render: () => (
    <div className="grid gap-3">
      <Progress value={100} tone="success" aria-label="Uploaded" />
      <Progress value={70} tone="warning" aria-label="Disk" />
      <Progress value={95} tone="error" aria-label="Temperature" />
      <Progress value={null} aria-label="Preparing" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar', { name: 'Preparing' })).toHaveAttribute('data-state', 'indeterminate');
    await expect(canvas.getByRole('progressbar', { name: 'Uploaded' })).toHaveAttribute('data-state', 'complete');
  },
};

export const Rings: Story = {
  tags: ['state'],
  render: () => (
    <div className="flex items-center gap-4">
      <ProgressRing value={30} aria-label="Cycle progress" />
      <ProgressRing value={75} tone="warning" size={64} strokeWidth={6} aria-label="Tool wear" />
      <ProgressRing value={100} tone="success" aria-label="Batch done" />
      <ProgressRing value={null} aria-label="Calibrating" />
      <ProgressRing value={12} max={40} aria-label="Parts made">
        12/40
      </ProgressRing>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('progressbar', { name: 'Cycle progress' })).toHaveAttribute('aria-valuenow', '30');
    await expect(canvas.getByRole('progressbar', { name: 'Parts made' })).toHaveAttribute('aria-valuemax', '40');
    await expect(canvas.getByText('75%')).toBeVisible();
    await expect(canvas.getByRole('progressbar', { name: 'Calibrating' })).not.toHaveAttribute('aria-valuenow');
  },
};
