import type { Meta, StoryObj } from '@storybook/react-vite';
import { MetricCard } from '@syncline/ui/metric-card';
import { expect } from 'storybook/test';

const euros = (cents: number) =>
  new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const revenue = [182_450, 201_300, 176_900, 230_120, 214_800, 198_400, 222_208];

const meta = {
  title: 'Display/MetricCard',
  component: MetricCard,
  tags: ['autodocs'],
  args: {
    label: 'Revenue today',
    value: euros(222_208),
    delta: { change: 0.12, comparedTo: 'on yesterday' },
    trend: { values: revenue, label: 'Revenue per day, last 7 days', formatValue: euros },
    className: 'w-80',
  },
} satisfies Meta<typeof MetricCard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const RisingGoodNews: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    const card = canvas.getByRole('group', { name: 'Revenue today' });
    await expect(card).toHaveTextContent('€2,222.08');
    const delta = card.querySelector('[data-slot="metric-card-delta"]');
    await expect(delta).toHaveTextContent('up 12 % on yesterday');
    await expect(delta).toHaveAttribute('data-tone', 'positive');
    await expect(canvas.getByRole('img')).toHaveAccessibleName(
      'Revenue per day, last 7 days: latest €2,222.08, low €1,769.00, high €2,301.20',
    );
  },
};

export const FallingGoodNews: Story = {
  tags: ['state'],
  args: { delta: { change: -0.304, comparedTo: 'on yesterday' } },
  play: async ({ canvas }) => {
    const delta = canvas.getByText(/on yesterday/).closest('[data-slot="metric-card-delta"]');
    await expect(delta).toHaveTextContent('down 30 % on yesterday');
    await expect(delta).toHaveAttribute('data-tone', 'negative');
  },
};

export const RisingBadNews: Story = {
  tags: ['state'],
  args: {
    label: 'Overdue orders',
    value: '7',
    detail: '3 due later today',
    delta: { change: 0.4, comparedTo: 'on yesterday', rise: 'bad' },
    trend: { values: [2, 3, 5, 4, 5, 5, 7], label: 'Overdue orders, last 7 days', tone: 'warning' },
  },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('group', { name: 'Overdue orders' });
    await expect(card).toHaveTextContent('3 due later today');
    const delta = card.querySelector('[data-slot="metric-card-delta"]');
    await expect(delta).toHaveTextContent('up 40 % on yesterday');
    await expect(delta).toHaveAttribute('data-tone', 'negative');
  },
};

export const InPoints: Story = {
  tags: ['state'],
  args: {
    label: 'Machine utilisation',
    value: '75 %',
    detail: '6 of 8 machines running',
    delta: { change: 0.125, unit: 'points', comparedTo: 'on the hour before' },
    trend: {
      values: [0.5, 0.625, 0.625, 0.75],
      label: 'Utilisation per hour, seen on this device',
      domain: [0, 1],
      formatValue: (share: number) => `${Math.round(share * 100)} %`,
    },
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/on the hour before/).closest('p')).toHaveTextContent(
      'up 13 points on the hour before',
    );
  },
};

export const NoChange: Story = {
  tags: ['state'],
  args: { label: 'Orders finished, last hour', value: '4', delta: { change: 0.001, comparedTo: 'on the hour before' } },
  play: async ({ canvas }) => {
    const delta = canvas.getByText(/on the hour before/).closest('[data-slot="metric-card-delta"]');
    await expect(delta).toHaveTextContent('no change on the hour before');
    await expect(delta).toHaveAttribute('data-tone', 'neutral');
  },
};

export const NothingToCompare: Story = {
  tags: ['state'],
  args: { delta: null, trend: undefined, detail: 'No orders yesterday to compare with' },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('group', { name: 'Revenue today' });
    await expect(card.querySelector('[data-slot="metric-card-delta"]')).toBeNull();
    await expect(canvas.queryByRole('img')).toBeNull();
  },
};

export const WithLink: Story = {
  tags: ['state'],
  args: {
    label: 'Orders due today',
    value: '18',
    detail: '5 to go · 2 overdue',
    delta: { change: -0.1, comparedTo: 'on yesterday', rise: 'neutral' },
    link: <a href="#orders">Order list</a>,
  },
  play: async ({ canvas, userEvent }) => {
    const link = canvas.getByRole('link', { name: 'Order list' });
    await expect(link).toHaveAttribute('href', '#orders');
    await userEvent.tab();
    await expect(link).toHaveFocus();
    const delta = canvas.getByText(/on yesterday/).closest('[data-slot="metric-card-delta"]');
    await expect(delta).toHaveAttribute('data-tone', 'neutral');
  },
};

export const Small: Story = {
  tags: ['state'],
  args: { size: 'sm' },
  play: async ({ canvas }) => {
    await expect(canvas.getByText('€2,222.08')).toBeVisible();
  },
};

/** An example: a shop's morning, four figures in a row as the control center's dashboard shows them. */
export const TodayAtAGlance: Story = {
  tags: ['example'],
  render: () => (
    <div className="grid w-[64rem] grid-cols-4 gap-4">
      <MetricCard
        label="Revenue today"
        value={euros(58_240)}
        detail={`${euros(1_402_178)} over the last 7 days`}
        delta={{ change: 0.12, comparedTo: 'on this time yesterday' }}
        trend={{ values: revenue, label: 'Revenue per day, last 7 days', formatValue: euros }}
      />
      <MetricCard
        label="Orders due today"
        value="18"
        detail="5 to go · 2 overdue"
        delta={{ change: 0.2, comparedTo: 'on yesterday', rise: 'neutral' }}
        trend={{ values: [12, 15, 14, 19, 16, 15, 18], label: 'Orders due per day, last 7 days' }}
        link={<a href="#orders">Order list</a>}
      />
      <MetricCard
        label="Orders finished, last hour"
        value="6"
        detail="31 orders in the last 8 hours"
        delta={{ change: -0.25, comparedTo: 'on the hour before' }}
        trend={{ values: [0, 2, 4, 5, 3, 3, 8, 6], label: 'Orders finished per hour, last 8 hours' }}
      />
      <MetricCard
        label="Machine utilisation"
        value="75 %"
        detail="18 of 24 machines running"
        delta={{ change: 0.05, unit: 'points', comparedTo: 'on the hour before' }}
        link={<a href="#machines">Machine floor</a>}
      />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('group')).toHaveLength(4);
    await expect(canvas.getByRole('group', { name: 'Orders finished, last hour' })).toHaveTextContent(
      'down 25 % on the hour before',
    );
    await expect(canvas.getByRole('link', { name: 'Machine floor' })).toBeVisible();
  },
};
