import type { Meta, StoryObj } from '@storybook/react-vite';
import { Label } from '@syncline/ui/label';
import { RadioGroup, RadioGroupItem } from '@syncline/ui/radio-group';
import { expect, fn, waitFor } from 'storybook/test';

const queueOrders = [
  ['fifo', 'First in, first out'],
  ['due', 'Earliest due date'],
  ['priority', 'Priority'],
] as const;

/** One choice out of a few, all visible; arrow keys move and select. */
const meta: Meta<typeof RadioGroup> = {
  title: 'Forms/RadioGroup',
  component: RadioGroup,
  subcomponents: { RadioGroupItem },
  tags: ['autodocs'],
  args: { defaultValue: 'fifo', 'aria-label': 'Queue order', disabled: false, onValueChange: fn() },
  argTypes: {
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    disabled: { control: 'boolean' },
  },
  render: (args) => (
    <RadioGroup {...args}>
      {queueOrders.map(([value, label]) => (
        <div key={value} className="flex items-center gap-2">
          <RadioGroupItem id={`queue-${value}`} value={value} />
          <Label htmlFor={`queue-${value}`}>{label}</Label>
        </div>
      ))}
    </RadioGroup>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent, args }) => {
    await expect(canvas.getByRole('radio', { name: 'First in, first out' })).toBeChecked();
    await userEvent.click(canvas.getByText('Priority'));
    await expect(canvas.getByRole('radio', { name: 'Priority' })).toBeChecked();
    await expect(args.onValueChange).toHaveBeenCalledWith('priority');
  },
};

/** Arrow keys move focus and select as they go, the way a person holds the key. */
export const KeyboardChoice: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent }) => {
    const first = canvas.getByRole('radio', { name: 'First in, first out' });
    await userEvent.click(first);
    // Hold the key as a person does: Radix moves focus on the next tick and selects while the arrow is down.
    await userEvent.keyboard('{ArrowDown>}');
    const due = canvas.getByRole('radio', { name: 'Earliest due date' });
    await waitFor(() => expect(due).toHaveFocus());
    await userEvent.keyboard('{/ArrowDown}');
    await expect(due).toBeChecked();
  },
};

export const Disabled: Story = {
  tags: ['state'],
  args: { disabled: true },
  play: async ({ canvas }) => {
    for (const radio of canvas.getAllByRole('radio')) await expect(radio).toBeDisabled();
  },
};
