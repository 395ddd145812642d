import type { Meta, StoryObj } from '@storybook/react-vite';
import { DatePicker, type DatePickerProps } from '@syncline/ui/date-picker';
import { FormField } from '@syncline/ui/form-field';
import { useState } from 'react';
import { expect, fn, waitFor, within } from 'storybook/test';

// fixed days, so the pictures do not move with the calendar: a Thursday in March 2030, the calendar from the 10th on
const due = new Date(2030, 2, 14, 17, 30);
const earliest = new Date(2030, 2, 10, 8, 0);

type FieldArgs = Omit<DatePickerProps, 'value'> & { initialValue?: Date; error?: string; label?: string };

/** A due field as a form holds it (the DatePicker's props, with its first value): the value in state, FormField giving the label and the error. */
function DueField({ initialValue, error, label = 'Due', onValueChange, ...props }: FieldArgs) {
  const [value, setValue] = useState(initialValue);
  return (
    <div className="w-80">
      <FormField label={label} error={error} required>
        <DatePicker
          value={value}
          onValueChange={(next) => {
            setValue(next);
            onValueChange(next);
          }}
          {...props}
        />
      </FormField>
    </div>
  );
}

const meta = {
  title: 'Forms/DatePicker',
  component: DueField,
  subcomponents: { DatePicker },
  tags: ['autodocs'],
  args: {
    onValueChange: fn(),
    initialValue: due,
    min: earliest,
    timeLabel: 'Due time',
    calendarLabel: 'Choose the due day from a calendar',
  },
  argTypes: {
    initialValue: { control: 'date' },
    min: { control: 'date' },
    withTime: { control: 'boolean' },
    disabled: { control: 'boolean' },
    defaultOpen: { control: 'boolean' },
    error: { control: 'text' },
    timeLabel: { control: 'text' },
    calendarLabel: { control: 'text' },
    defaultTime: { control: 'text' },
  },
} satisfies Meta<typeof DueField>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Due' })).toHaveValue('Thu 14 Mar 2030');
    await expect(canvas.getByLabelText('Due time')).toHaveValue('17:30');
    await expect(canvas.getByRole('button', { name: 'Choose the due day from a calendar' })).toBeEnabled();
  },
};

export const TypeADay: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas, userEvent, args }) => {
    const day = canvas.getByRole('textbox', { name: 'Due' });
    await userEvent.clear(day);
    // nothing is a day yet: the form is told so
    await expect(args.onValueChange).toHaveBeenLastCalledWith(undefined);
    await userEvent.type(day, '18 mar 2030');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(new Date(2030, 2, 18, 17, 30));
    // leaving the field shows the day the field's way
    await userEvent.tab();
    await expect(day).toHaveValue('Mon 18 Mar 2030');
    // Up and Down move it a day at a time
    day.focus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp}{ArrowDown}');
    await expect(day).toHaveValue('Tue 19 Mar 2030');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(new Date(2030, 2, 19, 17, 30));
  },
};

export const PickFromTheCalendarWithTheKeyboard: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas, canvasElement, userEvent, args }) => {
    const day = canvas.getByRole('textbox', { name: 'Due' });
    day.focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    const calendar = within(canvasElement).getByRole('grid');
    // the chosen day has the focus; arrows move by day and week, Enter picks
    await waitFor(() => expect(within(calendar).getByRole('button', { name: /14 March 2030/ })).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}{ArrowRight}{Enter}');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(new Date(2030, 2, 22, 17, 30));
    await waitFor(() => expect(canvas.queryByRole('grid')).not.toBeInTheDocument());
    await expect(day).toHaveValue('Fri 22 Mar 2030');
    // the time is typed in its own field
    const time = canvas.getByLabelText('Due time');
    await userEvent.clear(time);
    await userEvent.type(time, '09:15');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(new Date(2030, 2, 22, 9, 15));
  },
};

export const Open: Story = {
  tags: ['state'],
  args: { defaultOpen: true },
  // room below the field for the calendar in the screenshot
  decorators: [(Story) => <div className="min-h-96">{Story()}</div>],
  play: async ({ canvasElement }) => {
    const calendar = within(canvasElement).getByRole('grid');
    await expect(within(calendar).getByRole('gridcell', { selected: true })).toHaveTextContent('14');
    // days before the earliest are not offered
    await expect(within(calendar).getByRole('button', { name: /^Saturday 9 March 2030/ })).toBeDisabled();
  },
};

export const Empty: Story = {
  tags: ['state'],
  args: { initialValue: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Due' })).toHaveValue('');
    await expect(canvas.getByLabelText('Due time')).toHaveValue('');
  },
};

export const DayOnly: Story = {
  tags: ['state'],
  args: { withTime: false, label: 'Pick-up day' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Pick-up day' })).toHaveValue('Thu 14 Mar 2030');
    await expect(canvas.queryByLabelText('Due time')).not.toBeInTheDocument();
  },
};

export const Invalid: Story = {
  tags: ['state'],
  args: { error: 'Choose a time still to come: the order would be overdue at once.' },
  play: async ({ canvas }) => {
    const day = canvas.getByRole('textbox', { name: 'Due' });
    await expect(day).toHaveAttribute('aria-invalid', 'true');
    await expect(day).toHaveAccessibleDescription('Choose a time still to come: the order would be overdue at once.');
    await expect(canvas.getByLabelText('Due time')).toHaveAttribute('aria-invalid', 'true');
  },
};

export const Disabled: Story = {
  tags: ['state'],
  args: { disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('textbox', { name: 'Due' })).toBeDisabled();
    await expect(canvas.getByLabelText('Due time')).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Choose the due day from a calendar' })).toBeDisabled();
  },
};
