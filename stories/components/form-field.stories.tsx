import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { FormField } from '@syncline/ui/form-field';
import { Input } from '@syncline/ui/input';
import { Textarea } from '@syncline/ui/textarea';
import { useState } from 'react';
import { expect } from 'storybook/test';

const meta = {
  title: 'Forms/FormField',
  component: FormField,
  tags: ['autodocs'],
  args: { label: 'Machine name', children: <Input placeholder="CNC-04" /> },
  decorators: [(Story) => <div className="w-80">{Story()}</div>],
} satisfies Meta<typeof FormField>;

export default meta;
type Story = StoryObj<typeof meta>;

function MachineForm() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        setError(name.trim() ? undefined : 'Enter a name so operators can find this machine.');
      }}
    >
      <FormField label="Machine name" error={error} required>
        <Input value={name} onChange={(event) => setName(event.target.value)} />
      </FormField>
      <Button type="submit">Add machine</Button>
    </form>
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const WithDescription: Story = {
  tags: ['state'],
  args: { description: 'Shown on the floor plan and in alarms.' },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Machine name' });
    await expect(input).toHaveAccessibleDescription('Shown on the floor plan and in alarms.');
    await userEvent.click(canvas.getByText('Machine name'));
    await expect(input).toHaveFocus();
  },
};

export const WithError: Story = {
  tags: ['state'],
  args: {
    description: 'Shown on the floor plan and in alarms.',
    error: 'A machine named CNC-04 already exists. Pick another name.',
    required: true,
  },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('textbox', { name: /Machine name/ });
    await expect(input).toBeInvalid();
    await expect(input).toBeRequired();
    await expect(input).toHaveAccessibleDescription(
      'Shown on the floor plan and in alarms. A machine named CNC-04 already exists. Pick another name.',
    );
  },
};

export const Disabled: Story = {
  tags: ['state'],
  args: { children: <Input defaultValue="CNC-04" disabled /> },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Machine name' })).toBeDisabled();
  },
};

export const Multiline: Story = {
  tags: ['state'],
  args: { label: 'Notes', description: 'Visible to the whole shift.', children: <Textarea /> },
  play: async ({ canvas, userEvent }) => {
    const notes = canvas.getByRole('textbox', { name: 'Notes' });
    await userEvent.type(notes, 'Coolant low{enter}Check at 14:00');
    await expect(notes).toHaveValue('Coolant low\nCheck at 14:00');
  },
};

export const ValidationOnSubmit: Story = {
  tags: ['example'],
  render: () => <MachineForm />,
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Add machine' }));
    const input = canvas.getByRole('textbox', { name: /Machine name/ });
    await expect(input).toBeInvalid();
    await expect(input).toHaveAccessibleDescription('Enter a name so operators can find this machine.');
    await userEvent.type(input, 'Lathe-2');
    await userEvent.click(canvas.getByRole('button', { name: 'Add machine' }));
    await expect(input).toBeValid();
    await expect(canvas.queryByText(/Enter a name/)).not.toBeInTheDocument();
  },
};
