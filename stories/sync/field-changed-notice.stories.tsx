import type { Meta, StoryObj } from '@storybook/react-vite';
import { FieldChangedNotice } from '@syncline/ui/field-changed-notice';
import { FormField } from '@syncline/ui/form-field';
import { Input } from '@syncline/ui/input';
import { useState } from 'react';
import { expect, fn } from 'storybook/test';

const capitalized = (value: unknown) => {
  const text = String(value ?? '');
  return text ? text[0]?.toUpperCase() + text.slice(1) : 'empty';
};

const meta = {
  title: 'Sync/FieldChangedNotice',
  component: FieldChangedNotice,
  tags: ['autodocs'],
  args: {
    label: 'Priority',
    from: 'high',
    to: 'low',
    mine: 'urgent',
    format: capitalized,
    onKeepTheirs: fn(),
    onKeepMine: fn(),
  },
  decorators: [(Story) => <div className="w-[28rem]">{Story()}</div>],
} satisfies Meta<typeof FieldChangedNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A notes field as a form shows it: the person's text stays until they choose; keep theirs takes the other text. */
function NotesField() {
  const [notes, setNotes] = useState('Ring twice, then leave at the door');
  const [open, setOpen] = useState(true);
  return (
    <div className="grid gap-2">
      <FormField label="Notes">
        <Input value={notes} onChange={(event) => setNotes(event.target.value)} />
      </FormField>
      {open ? (
        <FieldChangedNotice
          label="Notes"
          from="Ring twice"
          to="Call before delivery"
          mine={notes}
          onKeepTheirs={() => {
            setNotes('Call before delivery');
            setOpen(false);
          }}
          onKeepMine={() => setOpen(false)}
        />
      ) : null}
    </div>
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const ChangedOnAnotherDevice: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent, args }) => {
    const notice = canvas.getByRole('group', { name: 'Priority changed on another device' });
    await expect(notice).toHaveAccessibleDescription('Changed on another device: High → Low');
    await expect(canvas.getByText('Yours: Urgent')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Keep theirs for Priority' }));
    await expect(args.onKeepTheirs).toHaveBeenCalledOnce();
    await expect(args.onKeepMine).not.toHaveBeenCalled();
  },
};

export const ClearedOnAnotherDevice: Story = {
  tags: ['state'],
  args: { label: 'Notes', from: 'Ring twice', to: '', mine: 'Ring twice, then leave at the door', format: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('group', { name: 'Notes changed on another device' })).toHaveAccessibleDescription(
      'Changed on another device: Ring twice → empty',
    );
    await expect(canvas.getByText('Yours: Ring twice, then leave at the door')).toBeVisible();
  },
};

export const WithoutTheirValue: Story = {
  tags: ['state'],
  args: { mine: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.queryByText(/^Yours:/)).not.toBeInTheDocument();
  },
};

export const Compact: Story = {
  tags: ['state'],
  args: { size: 'sm', label: 'Tags', from: ['fragile'], to: ['fragile', 'express'], mine: [], format: undefined },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('status')).toHaveTextContent('Changed on another device: fragile → fragile, express');
    await expect(canvas.getByText('Yours: empty')).toBeVisible();
  },
};

export const ChosenWithTheKeyboard: Story = {
  tags: ['example'],
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Keep theirs for Priority' })).toHaveFocus();
    await userEvent.tab();
    await expect(canvas.getByRole('button', { name: 'Keep mine for Priority' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onKeepMine).toHaveBeenCalledOnce();
  },
};

export const InAForm: Story = {
  tags: ['example'],
  render: () => <NotesField />,
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('textbox', { name: 'Notes' })).toHaveValue('Ring twice, then leave at the door');
    await userEvent.click(canvas.getByRole('button', { name: 'Keep theirs for Notes' }));
    await expect(canvas.getByRole('textbox', { name: 'Notes' })).toHaveValue('Call before delivery');
    await expect(canvas.queryByRole('group', { name: /changed on another device/ })).not.toBeInTheDocument();
  },
};
