import type { Meta, StoryObj } from '@storybook/react-vite';
import { AlarmChip, MachineCard, MachineGrid, type MachineGridItem } from '@syncline/ui/machine';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';

const now = Date.UTC(2026, 0, 15, 9, 30);
const minute = 60_000;
const telemetry = [
  { id: 'temperature', label: 'Temperature', value: 58.2, unit: '°C', history: [52, 55, 57, 56, 58, 58.2] },
  { id: 'drum', label: 'Drum', value: 1200, unit: 'rpm', history: [0, 400, 900, 1200, 1180, 1200] },
  { id: 'power', label: 'Power', value: 2.4, unit: 'kW', history: [0.1, 1.8, 2.2, 2.5, 2.3, 2.4] },
];

const meta = {
  title: 'Machines/MachineCard',
  component: MachineCard,
  parameters: { layout: 'padded' },
  args: {
    name: 'Washer 3',
    kind: 'Washer',
    location: 'Lisbon Mill',
    state: 'running',
    now,
    lastSeenAt: now - 20_000,
    cycle: { program: 'Cotton 60°', startedAt: now - 24 * minute, durationSec: 3600 },
    telemetry,
    onCommand: fn(),
    onAcknowledgeAlarm: fn(),
    className: 'w-80',
  },
} satisfies Meta<typeof MachineCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Washer 3, Running' });
    await expect(card).toHaveTextContent('Cotton 60°');
    await expect(card).toHaveTextContent(/36:00 left/);
    await expect(card).toHaveTextContent('Online');
  },
};

export const Idle: Story = { args: { state: 'idle', cycle: null } };
export const Paused: Story = {
  args: {
    state: 'paused',
    cycle: { program: 'Wool 40°', startedAt: now - 30 * minute, durationSec: 3600, pausedAt: now - 5 * minute },
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Resume Washer 3' }));
    await expect(args.onCommand).toHaveBeenCalledWith('start');
  },
};
export const Done: Story = {
  args: { state: 'done', cycle: { program: 'Cotton 60°', startedAt: now - 70 * minute, durationSec: 3600 } },
};
export const ErrorWithCriticalAlarm: Story = {
  args: {
    state: 'error',
    cycle: null,
    alarms: [
      {
        id: 'a1',
        severity: 'critical',
        code: 'E-TEMP',
        message: 'Heater over temperature',
        raisedAt: now - 4 * minute,
      },
    ],
  },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Acknowledge critical alarm E-TEMP' }));
    await expect(args.onAcknowledgeAlarm).toHaveBeenCalledWith('a1');
  },
};
export const Maintenance: Story = { args: { state: 'maintenance', cycle: null } };

export const StaleAndOffline: Story = {
  render: (args) => (
    <div className="flex flex-wrap gap-4">
      <MachineCard {...args} name="Dryer 1" lastSeenAt={now - 3 * minute} />
      <MachineCard {...args} name="Dryer 2" lastSeenAt={now - 45 * minute} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('article', { name: /^Dryer 1/ })).toHaveAttribute('data-connection', 'stale');
    await expect(canvas.getByRole('article', { name: /^Dryer 2/ })).toHaveAttribute('data-connection', 'offline');
    await expect(canvas.getByRole('article', { name: /^Dryer 2/ })).toHaveTextContent(/45 min ago/);
  },
};

export const CommandsQueuedOffline: Story = {
  args: { queuedCommands: 2 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('article', { name: 'Washer 3, Running' })).toHaveTextContent(/2 commands? queued/i);
  },
};

export const StopAsksFirst: Story = {
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Washer 3' }));
    const dialog = await screen.findByRole('alertdialog');
    await expect(args.onCommand).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: /stop/i }));
    await waitFor(() => expect(args.onCommand).toHaveBeenCalledWith('stop'));
  },
};

export const EveryAlarmSeverity: Story = {
  render: () => (
    <div className="flex w-96 flex-col gap-2">
      {(['warning', 'minor', 'major', 'critical'] as const).map((severity, index) => (
        <AlarmChip
          key={severity}
          now={now}
          alarm={{
            id: severity,
            severity,
            code: `E-${index}`,
            message: `A ${severity} alarm`,
            raisedAt: now - (index + 1) * minute,
          }}
          onAcknowledge={() => {}}
        />
      ))}
      <AlarmChip
        now={now}
        alarm={{
          id: 'ack',
          severity: 'major',
          code: 'E-ACK',
          message: 'Acknowledged alarm',
          raisedAt: now - 9 * minute,
          acknowledgedAt: now - minute,
        }}
      />
    </div>
  ),
  play: async ({ canvas }) => {
    for (const severity of ['warning', 'minor', 'major', 'critical'])
      await expect(canvas.getByRole('button', { name: new RegExp(`Acknowledge ${severity} alarm`) })).toBeVisible();
    await expect(canvas.getByText(/Acknowledged$/)).toBeVisible();
  },
};

const grid: MachineGridItem[] = (['idle', 'running', 'paused', 'done', 'error', 'maintenance'] as const).map(
  (state, index) => ({
    id: `m${index}`,
    name: `Machine ${index + 1}`,
    kind: 'Washer',
    state,
    lastSeenAt: now - 10_000,
    cycle:
      state === 'running' || state === 'paused'
        ? { program: 'Cotton 60°', startedAt: now - 10 * minute, durationSec: 1800 }
        : null,
    telemetry: telemetry.slice(0, 2),
  }),
);

export const Grid: StoryObj<typeof MachineGrid> = {
  render: () => <MachineGrid machines={grid} now={now} label="Shop floor" />,
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('article')).toHaveLength(6);
  },
};

/** The machine someone searched for: its card scrolled to, focused and outlined. */
export const GridWithOneMachineAskedFor: StoryObj<typeof MachineGrid> = {
  render: () => <MachineGrid machines={grid} now={now} label="Shop floor" highlightedId="m3" />,
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: /^Machine 4,/ });
    await waitFor(() => expect(card).toHaveFocus());
    await expect(card).toHaveAttribute('data-highlighted', 'true');
    await expect(canvas.getByRole('article', { name: /^Machine 1,/ })).not.toHaveAttribute('data-highlighted');
  },
};
