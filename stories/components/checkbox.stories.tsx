import type { Meta, StoryObj } from '@storybook/react-vite';
import { Checkbox } from '@syncline/ui/checkbox';
import { Label } from '@syncline/ui/label';
import { expect, fn } from 'storybook/test';

/** A yes/no choice with its label; also "some" (indeterminate) for a group's select-all. */
const meta: Meta<typeof Checkbox> = {
  title: 'Forms/Checkbox',
  component: Checkbox,
  tags: ['autodocs'],
  args: { id: 'notify', disabled: false, onCheckedChange: fn() },
  argTypes: {
    checked: { control: 'inline-radio', options: [undefined, true, false, 'indeterminate'] },
    disabled: { control: 'boolean' },
  },
  render: (args) => (
    <div className="flex items-center gap-2">
      <Checkbox {...args} />
      <Label htmlFor={args.id}>Notify me about alarms</Label>
    </div>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

/** Click the label or press Space: it toggles and reports the new value. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent, args }) => {
    const notify = canvas.getByRole('checkbox', { name: 'Notify me about alarms' });
    await expect(notify).not.toBeChecked();
    await userEvent.click(canvas.getByText('Notify me about alarms'));
    await expect(notify).toBeChecked();
    await expect(args.onCheckedChange).toHaveBeenCalledWith(true);
    await userEvent.keyboard(' ');
    await expect(notify).not.toBeChecked();
  },
};

/** Unchecked, checked, some selected and disabled. */
export const States: Story = {
  tags: ['state'],
  render: () => (
    <div className="grid gap-3">
      {(
        [
          ['off', 'Not checked', false, false],
          ['on', 'Checked', true, false],
          ['some', 'Some selected', 'indeterminate', false],
          ['locked', 'Disabled', false, true],
        ] as const
      ).map(([id, label, checked, disabled]) => (
        <div key={id} className="flex items-center gap-2">
          <Checkbox id={id} defaultChecked={checked} disabled={disabled} />
          <Label htmlFor={id}>{label}</Label>
        </div>
      ))}
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('checkbox', { name: 'Checked' })).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Some selected' })).toBePartiallyChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Disabled' })).toBeDisabled();
  },
};
