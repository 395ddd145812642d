import type { Meta, StoryObj } from '@storybook/react-vite';
import { Checkbox } from '@syncline/ui/checkbox';
import { Label } from '@syncline/ui/label';
import { RadioGroup, RadioGroupItem } from '@syncline/ui/radio-group';
import { Switch } from '@syncline/ui/switch';
import { expect, fn, waitFor } from 'storybook/test';

const meta = { title: 'Forms/Checkbox, Radio, Switch', component: Checkbox } satisfies Meta<typeof Checkbox>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CheckboxStates: Story = {
  args: { onCheckedChange: fn() },
  render: (args) => (
    <div className="grid gap-3">
      <div className="flex items-center gap-2">
        <Checkbox id="notify" {...args} />
        <Label htmlFor="notify">Notify me about alarms</Label>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="checked" defaultChecked />
        <Label htmlFor="checked">Checked</Label>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="some" checked="indeterminate" />
        <Label htmlFor="some">Some selected</Label>
      </div>
      <div className="flex items-center gap-2">
        <Checkbox id="off" disabled />
        <Label htmlFor="off">Disabled</Label>
      </div>
    </div>
  ),
  play: async ({ canvas, userEvent, args }) => {
    const notify = canvas.getByRole('checkbox', { name: 'Notify me about alarms' });
    await expect(notify).not.toBeChecked();
    await userEvent.click(canvas.getByText('Notify me about alarms'));
    await expect(notify).toBeChecked();
    await expect(args.onCheckedChange).toHaveBeenCalledWith(true);
    await userEvent.keyboard(' ');
    await expect(notify).not.toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Some selected' })).toBePartiallyChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Disabled' })).toBeDisabled();
  },
};

export const RadioChoice: Story = {
  render: () => (
    <RadioGroup defaultValue="fifo" aria-label="Queue order">
      {[
        ['fifo', 'First in, first out'],
        ['due', 'Earliest due date'],
        ['priority', 'Priority'],
      ].map(([value, label]) => (
        <div key={value} className="flex items-center gap-2">
          <RadioGroupItem id={`queue-${value}`} value={value as string} />
          <Label htmlFor={`queue-${value}`}>{label}</Label>
        </div>
      ))}
    </RadioGroup>
  ),
  play: async ({ canvas, userEvent }) => {
    const first = canvas.getByRole('radio', { name: 'First in, first out' });
    await expect(first).toBeChecked();
    await userEvent.click(first);
    // Hold the key as a person does: Radix moves focus on the next tick and selects while the arrow is down.
    await userEvent.keyboard('{ArrowDown>}');
    const due = canvas.getByRole('radio', { name: 'Earliest due date' });
    await waitFor(() => expect(due).toHaveFocus());
    await userEvent.keyboard('{/ArrowDown}');
    await expect(due).toBeChecked();
    await userEvent.click(canvas.getByText('Priority'));
    await expect(canvas.getByRole('radio', { name: 'Priority' })).toBeChecked();
  },
};

export const SwitchSetting: Story = {
  render: () => (
    <div className="grid gap-3">
      <div className="flex items-center gap-3">
        <Switch id="offline" />
        <Label htmlFor="offline">Work offline</Label>
      </div>
      <div className="flex items-center gap-3">
        <Switch id="locked" disabled defaultChecked />
        <Label htmlFor="locked">Auto-sync (managed by admin)</Label>
      </div>
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    const offline = canvas.getByRole('switch', { name: 'Work offline' });
    await expect(offline).not.toBeChecked();
    await userEvent.click(offline);
    await expect(offline).toBeChecked();
    await userEvent.keyboard('{Enter}');
    await expect(offline).not.toBeChecked();
    await expect(canvas.getByRole('switch', { name: /Auto-sync/ })).toBeDisabled();
  },
};
