import type { Meta, StoryObj } from '@storybook/react-vite';
import { Label } from '@syncline/ui/label';
import { Textarea } from '@syncline/ui/textarea';
import { expect } from 'storybook/test';

/** Multi-line text (notes, reasons) that grows with what is typed. */
const meta = {
  title: 'Forms/Textarea',
  component: Textarea,
  tags: ['autodocs'],
  args: {
    'aria-label': 'Shift notes',
    placeholder: 'What should the next shift know?',
    disabled: false,
    className: 'w-80',
  },
  argTypes: { placeholder: { control: 'text' }, disabled: { control: 'boolean' }, rows: { control: 'number' } },
} satisfies Meta<typeof Textarea>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent }) => {
    const notes = canvas.getByRole('textbox', { name: 'Shift notes' });
    await userEvent.type(notes, 'All clear');
    await expect(notes).toHaveValue('All clear');
  },
};

/** Filled, invalid and disabled. */
export const States: Story = {
  tags: ['state'],
  render: () => (
    <div className="grid w-80 gap-3">
      <Textarea aria-label="Filled" defaultValue={'Dryer 2 runs hot.\nCall service on Monday.'} />
      <Textarea aria-label="Invalid" aria-invalid defaultValue="" />
      <Textarea aria-label="Disabled" disabled defaultValue="Locked while syncing" />
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Invalid' })).toBeInvalid();
    await expect(canvas.getByRole('textbox', { name: 'Disabled' })).toBeDisabled();
  },
};

/** With its label above it: clicking the label focuses the field. */
export const WithLabel: Story = {
  tags: ['example'],
  render: () => (
    <div className="grid w-80 gap-2">
      <Label htmlFor="reason">Reason for the delay</Label>
      <Textarea id="reason" />
    </div>
  ),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByText('Reason for the delay'));
    await expect(canvas.getByRole('textbox', { name: 'Reason for the delay' })).toHaveFocus();
  },
};
