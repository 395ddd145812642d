import type { Meta, StoryObj } from '@storybook/react-vite';
import { AlarmChip } from '@syncline/ui/machine';
import { expect, fn, userEvent } from 'storybook/test';

const now = Date.UTC(2026, 0, 15, 9, 30);
const minute = 60_000;

const meta = {
  title: 'Machines/AlarmChip',
  component: AlarmChip,
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  args: {
    now,
    alarm: { id: 'a1', severity: 'major', code: 'E-DRAIN', message: 'Drain pump blocked', raisedAt: now - 4 * minute },
    onAcknowledge: fn(),
    className: 'w-80',
  },
} satisfies Meta<typeof AlarmChip>;

export default meta;
type Story = StoryObj<typeof meta>;

const heaterAlarm = {
  id: 'ack',
  severity: 'critical',
  code: 'E-TEMP',
  message: 'Heater over temperature',
  raisedAt: now - 9 * minute,
} as const;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Open: Story = {
  tags: ['state'],
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Acknowledge major alarm E-DRAIN' }));
    await expect(args.onAcknowledge).toHaveBeenCalledWith('a1');
  },
};

export const EverySeverity: Story = {
  tags: ['state'],
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
    </div>
  ),
  play: async ({ canvas }) => {
    for (const severity of ['warning', 'minor', 'major', 'critical'])
      await expect(canvas.getByRole('button', { name: new RegExp(`Acknowledge ${severity} alarm`) })).toBeVisible();
  },
};

/** Acknowledged: still listed, but quiet (grey edge, muted text, no glow) beside an open one. */
export const AcknowledgedIsQuiet: Story = {
  tags: ['state'],
  render: () => (
    <div className="flex w-96 flex-col gap-2">
      <AlarmChip now={now} alarm={{ ...heaterAlarm, id: 'open', raisedAt: now - minute }} onAcknowledge={() => {}} />
      <AlarmChip now={now} alarm={{ ...heaterAlarm, acknowledgedAt: now - minute }} onAcknowledge={() => {}} />
    </div>
  ),
  play: async ({ canvasElement, canvas }) => {
    const [open, acknowledged] = canvasElement.querySelectorAll<HTMLElement>('[data-slot="alarm-chip"]');
    await expect(acknowledged).toHaveTextContent(/Acknowledged$/);
    await expect(canvas.getAllByRole('button', { name: /Acknowledge/ })).toHaveLength(1);
    // quiet: not the open alarm's colour, and no glow
    await expect(getComputedStyle(acknowledged as HTMLElement).borderLeftColor).not.toBe(
      getComputedStyle(open as HTMLElement).borderLeftColor,
    );
    await expect(getComputedStyle(acknowledged as HTMLElement).boxShadow).toBe('none');
  },
};

/** A narrow chip: the code "I-FILTER" stays on one line, never "I-" above "FILTER". */
export const LongCodeStaysWhole: Story = {
  tags: ['state'],
  args: {
    className: 'w-44',
    alarm: { id: 'a2', severity: 'minor', code: 'I-FILTER', message: 'Lint filter full', raisedAt: now - 2 * minute },
  },
  play: async ({ canvas }) => {
    const code = canvas.getByText('I-FILTER', { exact: false });
    const lineHeight = Number.parseFloat(getComputedStyle(code).lineHeight);
    await expect(code.getBoundingClientRect().height).toBeLessThan(lineHeight * 1.5);
  },
};
