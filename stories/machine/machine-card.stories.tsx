import type { Meta, StoryObj } from '@storybook/react-vite';
import { MachineCard } from '@syncline/ui/machine';
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
  tags: ['autodocs'],
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

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Running: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Washer 3, Running' });
    await expect(card).toHaveTextContent('Cotton 60°');
    await expect(card).toHaveTextContent(/36:00 left/);
    await expect(card).toHaveTextContent('Online');
  },
};

export const Idle: Story = { tags: ['state'], args: { state: 'idle', cycle: null } };
export const Paused: Story = {
  tags: ['state'],
  args: {
    state: 'paused',
    cycle: { program: 'Wool 40°', startedAt: now - 30 * minute, durationSec: 3600, pausedAt: now - 5 * minute },
  },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('article', { name: 'Washer 3, Paused' })).toHaveTextContent(/35:00 left, paused/);
    await userEvent.click(canvas.getByRole('button', { name: 'Resume Washer 3' }));
    await expect(args.onCommand).toHaveBeenCalledWith('start');
  },
};

/** A pause the machine did not time, past the cycle's length: still paused, never "Cycle complete". */
export const PausedPastItsLength: Story = {
  tags: ['state'],
  args: {
    name: 'Dryer 4',
    kind: 'Dryer',
    state: 'paused',
    cycle: { program: 'Cotton dry', startedAt: now - 90 * minute, durationSec: 3600 },
  },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Dryer 4, Paused' });
    await expect(card).toHaveTextContent(/Paused, time left unknown/);
    await expect(card).not.toHaveTextContent(/Cycle complete|100%/);
  },
};
export const Done: Story = {
  tags: ['state'],
  args: { state: 'done', cycle: { program: 'Cotton 60°', startedAt: now - 70 * minute, durationSec: 3600 } },
};
export const ErrorWithCriticalAlarm: Story = {
  tags: ['state'],
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
export const Maintenance: Story = { tags: ['state'], args: { state: 'maintenance', cycle: null } };

/** Silent for 17 minutes: greyed, its state Unknown, its countdown stopped at the last report. */
export const StaleShowsUnknown: Story = {
  tags: ['state'],
  args: {
    lastSeenAt: now - 17 * minute,
    cycle: { program: 'Cotton 60°', startedAt: now - 30 * minute, durationSec: 3600 },
  },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Washer 3, Unknown' });
    await expect(card).toHaveAttribute('data-live', 'false');
    await expect(card).toHaveTextContent(/last seen 17 min ago/);
    await expect(card).toHaveTextContent(/47:00 left at its last report/);
    await expect(card).not.toHaveTextContent(/Running/);
    await expect(card.querySelector('[data-slot="machine-countdown"]')).toBeNull();
  },
};

/** This device is offline: the card says how old its figures are instead of "Online". */
export const DeviceOfflineAsOf: Story = {
  tags: ['state'],
  args: { lastSeenAt: now - 2 * minute, dataAsOf: now - 2 * minute + 5_000 },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: 'Washer 3, Running' });
    await expect(card).toHaveTextContent(/As of \d\d:\d\d/);
    await expect(card).not.toHaveTextContent(/Online/);
    await expect(card.querySelector('[data-slot="machine-countdown"]')).toBeNull();
  },
};

/** Long names wrap onto more lines; nothing is cut off with an ellipsis. */
export const LongNameWraps: Story = {
  tags: ['state'],
  args: {
    name: 'Washer 12 (left bank, by the loading door)',
    location: 'Lisbon Mill, basement floor',
    lastSeenAt: now - 9 * minute,
    className: 'w-72',
  },
  play: async ({ canvas }) => {
    const heading = canvas.getByRole('heading', { name: 'Washer 12 (left bank, by the loading door)' });
    await expect(heading.scrollWidth).toBeLessThanOrEqual(heading.clientWidth);
    await expect(getComputedStyle(heading).textOverflow).not.toBe('ellipsis');
  },
};

/** Stale (3 min) and offline (45 min) beside a fresh one: both greyed (surface, text and stripe), both Unknown. */
export const StaleAndOffline: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="flex flex-wrap gap-4">
      <MachineCard {...args} name="Dryer 0" />
      <MachineCard {...args} name="Dryer 1" lastSeenAt={now - 3 * minute} />
      <MachineCard {...args} name="Dryer 2" lastSeenAt={now - 45 * minute} />
    </div>
  ),
  play: async ({ canvas }) => {
    const fresh = canvas.getByRole('article', { name: 'Dryer 0, Running' });
    const stale = canvas.getByRole('article', { name: 'Dryer 1, Unknown' });
    const offline = canvas.getByRole('article', { name: 'Dryer 2, Unknown' });
    await expect(stale).toHaveAttribute('data-connection', 'stale');
    await expect(offline).toHaveAttribute('data-connection', 'offline');
    await expect(stale).toHaveTextContent(/Stale · last seen 3 min ago/);
    await expect(offline).toHaveTextContent(/Offline · last seen 45 min ago/);
    const look = (card: HTMLElement) => {
      const style = getComputedStyle(card);
      const name = getComputedStyle(within(card).getByRole('heading'));
      return [style.backgroundColor, style.borderTopColor, name.color].join(' | ');
    };
    // greyed: a different surface, stripe and text from the fresh card's, the same for stale and offline
    const [freshBackground, freshStripe, freshText] = look(fresh).split(' | ');
    const [greyBackground, greyStripe, greyText] = look(stale).split(' | ');
    await expect(greyBackground).not.toBe(freshBackground);
    await expect(greyStripe).not.toBe(freshStripe);
    await expect(greyText).not.toBe(freshText);
    await expect(look(offline)).toBe(look(stale));
  },
};

export const CommandsQueuedOffline: Story = {
  tags: ['state'],
  args: { queuedCommands: 2 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('article', { name: 'Washer 3, Running' })).toHaveTextContent(/2 commands? queued/i);
  },
};

export const PauseAsksFirst: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Pause Washer 3' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Pause Washer 3?' });
    await expect(args.onCommand).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(args.onCommand).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Pause Washer 3' }));
    await userEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Pause machine' }),
    );
    await waitFor(() => expect(args.onCommand).toHaveBeenCalledWith('pause'));
  },
};

export const StopAsksFirst: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    // the same confirmation as Pause: asks, Cancel sends nothing, the named action sends it
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Washer 3' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Stop Washer 3?' });
    await expect(args.onCommand).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await expect(args.onCommand).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Stop Washer 3' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Stop machine' }));
    await waitFor(() => expect(args.onCommand).toHaveBeenCalledWith('stop'));
  },
};
