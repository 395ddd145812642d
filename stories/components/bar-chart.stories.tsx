import type { Meta, StoryObj } from '@storybook/react-vite';
import { BarChart } from '@syncline/ui/bar-chart';
import { expect } from 'storybook/test';

const euros = (cents: number) =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const week = ['Wed 2 Dec', 'Thu 3 Dec', 'Fri 4 Dec', 'Sat 5 Dec', 'Sun 6 Dec', 'Mon 7 Dec', 'Tue 8 Dec'];
const revenue = [182_450, 201_300, 0, 230_120, 214_800, 98_400, 122_208];

const meta = {
  title: 'Display/BarChart',
  component: BarChart,
  tags: ['autodocs'],
  args: {
    label: 'Revenue per day, last 7 days',
    bars: week.map((label, i) => ({ label, value: revenue[i] ?? 0 })),
    formatValue: euros,
  },
  decorators: [
    (Story) => (
      <div className="w-[32rem]">
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof BarChart>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const OrdersPerDayInTones: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="grid gap-6">
      <BarChart
        {...args}
        tone="success"
        label="Orders per day"
        bars={week.map((label, i) => ({ label, value: i + 3 }))}
        formatValue={undefined}
      />
      <BarChart
        {...args}
        tone="muted"
        label="Cancelled per day"
        bars={week.map((label, i) => ({ label, value: i % 2 }))}
        formatValue={undefined}
      />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img', { name: /^Orders per day: highest 9 on Tue 8 Dec/ })).toBeVisible();
    await expect(canvas.getAllByRole('img')).toHaveLength(2);
  },
};

export const NothingYet: Story = {
  tags: ['state'],
  args: { bars: week.map((label) => ({ label, value: 0 })) },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleName(
      'Revenue per day, last 7 days: highest €0.00 on Wed 2 Dec, lowest €0.00 on Wed 2 Dec, total €0.00',
    );
  },
};

export const NoData: Story = {
  tags: ['state'],
  args: { bars: [] },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleName('Revenue per day, last 7 days: no data');
  },
};

export const RevenuePerDay: Story = {
  tags: ['example'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('img')).toHaveAccessibleName(
      'Revenue per day, last 7 days: highest €2,301.20 on Sat 5 Dec, lowest €0.00 on Fri 4 Dec, total €10,492.78',
    );
    await expect(canvas.getByText('Wed 2 Dec')).toBeVisible();
    await expect(canvas.getByText('Tue 8 Dec')).toBeVisible();
  },
};
