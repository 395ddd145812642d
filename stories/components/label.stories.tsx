import type { Meta, StoryObj } from '@storybook/react-vite';
import { Input } from '@syncline/ui/input';
import { Label } from '@syncline/ui/label';
import { expect } from 'storybook/test';

/** A field's name: clicking it focuses the field, and readers announce the field by it. */
const meta: Meta<typeof Label> = {
  title: 'Forms/Label',
  component: Label,
  tags: ['autodocs'],
  args: { children: 'Operator', htmlFor: 'operator' },
  argTypes: { children: { control: 'text' } },
  render: (args) => (
    <div className="grid w-72 gap-2">
      <Label {...args} />
      <Input id="operator" />
    </div>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Operator'));
    await expect(canvas.getByRole('textbox', { name: 'Operator' })).toHaveFocus();
  },
};
