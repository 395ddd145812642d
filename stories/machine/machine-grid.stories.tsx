import type { Meta, StoryObj } from '@storybook/react-vite';
import { MachineGrid, type MachineGridItem } from '@syncline/ui/machine';
import { expect, waitFor } from 'storybook/test';

const now = Date.UTC(2026, 0, 15, 9, 30);
const minute = 60_000;
const telemetry = [
  { id: 'temperature', label: 'Temperature', value: 58.2, unit: '°C', history: [52, 55, 57, 56, 58, 58.2] },
  { id: 'drum', label: 'Drum', value: 1200, unit: 'rpm', history: [0, 400, 900, 1200, 1180, 1200] },
];

const machines: MachineGridItem[] = (['idle', 'running', 'paused', 'done', 'error', 'maintenance'] as const).map(
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
    telemetry,
  }),
);

const meta = {
  title: 'Machines/MachineGrid',
  component: MachineGrid,
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  args: { machines, now, label: 'Shop floor' },
} satisfies Meta<typeof MachineGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Floor: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await expect(canvas.getAllByRole('article')).toHaveLength(6);
    await expect(canvas.getByText(/6 machines · 1 running · 0 with open alarms · 0 not reporting/)).toBeVisible();
  },
};

/** A machine silent for 17 minutes counts as not reporting, not as running. */
export const SilentMachineNotCountedRunning: Story = {
  tags: ['state'],
  args: {
    machines: machines.map((machine) =>
      machine.id === 'm1' ? { ...machine, lastSeenAt: now - 17 * minute } : machine,
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/6 machines · 0 running · 0 with open alarms · 1 not reporting/)).toBeVisible();
    await expect(canvas.getByRole('article', { name: 'Machine 2, Unknown' })).toHaveTextContent(/last seen 17 min ago/);
  },
};

/** This device is offline: every card says "as of" its last report instead of "Online". */
export const DeviceOffline: Story = {
  tags: ['state'],
  args: { dataAsOf: now - 5_000 },
  play: async ({ canvas }) => {
    for (const card of canvas.getAllByRole('article')) await expect(card).toHaveTextContent(/As of \d\d:\d\d/);
    await expect(canvas.queryByText('Online')).toBeNull();
  },
};

/** The machine someone searched for (the command palette's "go to a machine"): its card scrolled to, focused, outlined. */
export const OneMachineAskedFor: Story = {
  tags: ['example'],
  args: { highlightedId: 'm3' },
  play: async ({ canvas }) => {
    const card = canvas.getByRole('article', { name: /^Machine 4,/ });
    await waitFor(() => expect(card).toHaveFocus());
    await expect(card).toHaveAttribute('data-highlighted', 'true');
    await expect(canvas.getByRole('article', { name: /^Machine 1,/ })).not.toHaveAttribute('data-highlighted');
  },
};
