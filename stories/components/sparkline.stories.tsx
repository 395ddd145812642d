import type { Meta, StoryObj } from '@storybook/react-vite';
import { Sparkline } from '@syncline/ui/sparkline';
import { expect } from 'storybook/test';

const load = [42, 48, 51, 47, 55, 62, 60, 58, 64, 61, 66, 62];

const meta = {
  title: 'Display/Sparkline',
  component: Sparkline,
  tags: ['autodocs'],
  args: { values: load, label: 'Spindle load, last 12 minutes', formatValue: (v: number) => `${v}%` },
} satisfies Meta<typeof Sparkline>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Line: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleName(
      'Spindle load, last 12 minutes: latest 62%, low 42%, high 66%',
    );
  },
};

export const TonesAndArea: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="grid gap-3">
      <Sparkline {...args} tone="success" area label="Throughput" />
      <Sparkline {...args} tone="warning" area label="Temperature" values={[70, 72, 75, 79, 84, 88]} />
      <Sparkline {...args} tone="error" label="Vibration" values={[1, 1.2, 3.8, 1.1, 4.2, 5]} width={160} height={32} />
      <Sparkline {...args} tone="muted" label="Idle time" values={[5, 5, 5, 5]} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('img')).toHaveLength(4);
    await expect(canvas.getByRole('img', { name: /^Idle time/ })).toBeVisible();
  },
};

export const NoData: Story = {
  tags: ['state'],
  args: { values: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleName('Spindle load, last 12 minutes: no data');
  },
};
