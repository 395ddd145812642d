import type { Meta, StoryObj } from '@storybook/react-vite';
import { Input } from '@syncline/ui/input';
import { Label } from '@syncline/ui/label';
import { expect } from 'storybook/test';

const meta = {
  title: 'Forms/Input',
  component: Input,
  tags: ['autodocs'],
  args: { 'aria-label': 'Search orders', placeholder: 'Search orders' },
} satisfies Meta<typeof Input>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Default: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Search orders' });
    await userEvent.type(input, 'brackets');
    await expect(input).toHaveValue('brackets');
  },
};

export const States: Story = {
  tags: ['state'],
  render: () => (
    <div className="grid w-72 gap-3">
      <Input aria-label="Filled" defaultValue="CNC-04" />
      <Input aria-label="Invalid" aria-invalid defaultValue="??" />
      <Input aria-label="Disabled" disabled defaultValue="Read only" />
      <Input aria-label="Quantity" type="number" defaultValue={240} />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Invalid' })).toBeInvalid();
    await expect(canvas.getByRole('textbox', { name: 'Disabled' })).toBeDisabled();
    await expect(canvas.getByRole('spinbutton', { name: 'Quantity' })).toHaveValue(240);
  },
};

export const WithLabel: Story = {
  tags: ['example'],
  render: () => (
    <div className="grid w-72 gap-2">
      <Label htmlFor="operator">Operator</Label>
      <Input id="operator" />
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Operator'));
    await expect(canvas.getByRole('textbox', { name: 'Operator' })).toHaveFocus();
  },
};
