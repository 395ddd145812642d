import type { Meta, StoryObj } from '@storybook/react-vite';
import { Combobox, type ComboboxOption } from '@syncline/ui/combobox';
import { FormField } from '@syncline/ui/form-field';
import { useState } from 'react';
import { expect, fn, screen, waitFor } from 'storybook/test';

// two customers of one name: the phone tells them apart
const customers: ComboboxOption[] = [
  { value: 'c1', label: 'Ada Almeida', description: '+351 912 345 678' },
  { value: 'c2', label: 'Ada Almeida', description: '+351 934 000 111' },
  { value: 'c3', label: 'Bruno Costa', description: '+351 961 222 333' },
  { value: 'c4', label: 'Joana Sá', description: '+351 917 555 010' },
  { value: 'c5', label: 'Zé Lopes' },
];

type PickerProps = {
  initialValue?: string;
  error?: string;
  disabled?: boolean;
  defaultOpen?: boolean;
  onValueChange?: (value: string) => void;
  onCreate?: (text: string) => void;
};

/** A customer field as a form holds it: the chosen customer in state, a created one added and chosen. */
function CustomerPicker({ initialValue = '', error, onValueChange, onCreate, ...props }: PickerProps) {
  const [value, setValue] = useState(initialValue);
  const [options, setOptions] = useState(customers);
  return (
    <div className="w-80">
      <FormField label="Customer" error={error} required>
        <Combobox
          options={options}
          value={value}
          onValueChange={(next) => {
            setValue(next);
            onValueChange?.(next);
          }}
          onCreate={
            onCreate &&
            ((text) => {
              onCreate(text);
              const id = `new-${options.length}`;
              setOptions([...options, { value: id, label: text }]);
              setValue(id);
            })
          }
          createLabel={(text) => `Add customer “${text}”`}
          listLabel="Customers"
          emptyText="No customer has that name or phone."
          placeholder="Name or phone"
          {...props}
        />
      </FormField>
    </div>
  );
}

const meta = {
  title: 'Forms/Combobox',
  component: CustomerPicker,
  tags: ['autodocs'],
  args: { onValueChange: fn() },
  argTypes: { error: { control: 'text' }, disabled: { control: 'boolean' }, defaultOpen: { control: 'boolean' } },
} satisfies Meta<typeof CustomerPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await expect(input).toHaveValue('');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(input).toHaveAttribute('placeholder', 'Name or phone');
  },
};

export const WithSelection: Story = {
  tags: ['state'],
  args: { initialValue: 'c3' },
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await expect(input).toHaveValue('Bruno Costa');
    // typing searches; leaving with Escape puts the chosen customer back
    await userEvent.click(input);
    await userEvent.clear(input);
    await userEvent.keyboard('joa');
    await expect(screen.getAllByRole('option')).toHaveLength(1);
    await userEvent.keyboard('{Escape}');
    await expect(input).toHaveValue('Bruno Costa');
  },
};

export const EmptyResults: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('combobox', { name: 'Customer' }), 'Xavier');
    await expect(await screen.findByText('No customer has that name or phone.')).toBeVisible();
    await expect(screen.queryByRole('option')).not.toBeInTheDocument();
  },
};

export const WithCreateRow: Story = {
  tags: ['state'],
  args: { onCreate: fn() },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await userEvent.type(input, 'Ada');
    // the matches first, then the offer to add what was typed
    const options = await screen.findAllByRole('option');
    await expect(options.map((option) => option.textContent)).toEqual([
      'Ada Almeida · +351 912 345 678',
      'Ada Almeida · +351 934 000 111',
      'Add customer “Ada”',
    ]);
    await userEvent.keyboard('{End}{Enter}');
    await expect(args.onCreate).toHaveBeenCalledWith('Ada');
    await expect(input).toHaveValue('Ada');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
  },
};

export const Invalid: Story = {
  tags: ['state'],
  args: { error: 'Choose the customer the order is for.' },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription('Choose the customer the order is for.');
  },
};

export const Disabled: Story = {
  tags: ['state'],
  args: { disabled: true, initialValue: 'c1' },
  play: async ({ canvas }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await expect(input).toBeDisabled();
    await expect(input).toHaveValue('Ada Almeida');
  },
};

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true, initialValue: 'c2' },
  // room below the field for the list in the screenshot
  decorators: [(Story) => <div className="min-h-72">{Story()}</div>],
  play: async ({ canvas }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    await expect(await screen.findAllByRole('option')).toHaveLength(5);
    // the chosen customer is where the arrow keys start
    await expect(screen.getByRole('option', { selected: true })).toHaveTextContent('+351 934 000 111');
  },
};

export const FindByPhoneWithKeyboard: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    input.focus();
    // part of the second Ada's number, typed with spaces the stored number does not have there
    await userEvent.keyboard('9340 00');
    await expect(input).toHaveAttribute('aria-expanded', 'true');
    const listbox = await screen.findByRole('listbox', { name: 'Customers' });
    await expect(input).toHaveAttribute('aria-controls', listbox.id);
    const options = screen.getAllByRole('option');
    await expect(options).toHaveLength(1);
    await expect(options[0]).toHaveTextContent('+351 934 000 111');
    await expect(input).toHaveAttribute('aria-activedescendant', options[0]?.id);
    await userEvent.keyboard('{Enter}');
    await expect(args.onValueChange).toHaveBeenCalledWith('c2');
    await expect(input).toHaveValue('Ada Almeida');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(input).toHaveFocus();
  },
};

export const MoveWithArrowsHomeAndEnd: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    input.focus();
    await userEvent.keyboard('{ArrowDown}');
    await screen.findByRole('listbox', { name: 'Customers' });
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    await expect(active()).toHaveTextContent('+351 912 345 678');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(active()).toHaveTextContent('Bruno Costa');
    await userEvent.keyboard('{End}');
    await expect(active()).toHaveTextContent('Zé Lopes');
    await userEvent.keyboard('{Home}');
    await expect(active()).toHaveTextContent('+351 912 345 678');
    // Escape closes the list and chooses nothing
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('listbox')).not.toBeInTheDocument());
    await expect(args.onValueChange).not.toHaveBeenCalled();
    await expect(input).toHaveFocus();
    // accents and case do not matter
    await userEvent.keyboard('ze{Enter}');
    await expect(args.onValueChange).toHaveBeenCalledWith('c5');
  },
};

export const EnterRightAfterTyping: Story = {
  tags: ['example'],
  args: { onCreate: fn() },
  parameters: { visual: false },
  play: async ({ canvas, userEvent, args }) => {
    const input = canvas.getByRole('combobox', { name: 'Customer' });
    input.focus();
    // Enter in the same breath as the typing chooses the first match shown, never the create row below it
    await userEvent.keyboard('Bru{Enter}');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('c3');
    await expect(input).toHaveValue('Bruno Costa');
    await userEvent.clear(input);
    await userEvent.keyboard('ada{ArrowDown}');
    const active = () => document.getElementById(input.getAttribute('aria-activedescendant') ?? '');
    await expect(active()).toHaveTextContent('+351 934 000 111');
    // the row shown active is the one the listbox marks selected
    await expect(screen.getByRole('option', { selected: true })).toBe(active());
    await userEvent.keyboard('{Enter}');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('c2');
    // typing again starts over at the first match
    await userEvent.clear(input);
    await userEvent.keyboard('ada{ArrowDown} 9{Enter}');
    await expect(args.onValueChange).toHaveBeenLastCalledWith('c1');
    await expect(args.onCreate).not.toHaveBeenCalled();
  },
};

export const CreateRowWhenNothingMatches: Story = {
  tags: ['example'],
  args: { onCreate: fn() },
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('combobox', { name: 'Customer' }), 'Xavier Reis');
    const [only] = await screen.findAllByRole('option');
    await expect(only).toHaveTextContent('Add customer “Xavier Reis”');
    await expect(only).toHaveAttribute('aria-selected', 'true');
  },
};
