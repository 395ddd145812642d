import type { Meta, StoryObj } from '@storybook/react-vite';
import { ConflictDiffViewer, FieldValue, fieldKey } from '@syncline/ui/sync';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';

const base = {
  id: 'ord-1',
  number: 10042,
  status: 'washing',
  priority: 'normal',
  notes: 'Call before delivery.',
  tags: ['express'],
  totals: { subtotal: 1200, tax: 276, total: 1476 },
  items: [{ sku: 'SHIRT', quantity: 3 }],
};
const local = {
  ...base,
  notes: 'Call before delivery, after 5 pm.',
  priority: 'high',
  tags: ['express', 'delicate'],
  items: [{ sku: 'SHIRT', quantity: 4 }],
};
const server = {
  ...base,
  notes: 'Leave with the concierge.',
  status: 'drying',
  totals: { subtotal: 1200, tax: 276, total: 1500 },
  items: [{ sku: 'SHIRT', quantity: 2 }],
};

const meta = {
  title: 'Sync/ConflictDiffViewer',
  component: ConflictDiffViewer,
  subcomponents: { FieldValue },
  tags: ['autodocs'],
  argTypes: {
    title: { control: 'text' },
    base: { control: 'object' },
    local: { control: 'object' },
    server: { control: 'object' },
  },
  parameters: { layout: 'padded' },
  args: { title: 'Order #10042', base, local, server, onApply: fn(), onCancel: fn() },
} satisfies Meta<typeof ConflictDiffViewer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Text, nested objects and arrays in conflict: Apply waits until every conflict has a choice. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas }) => {
    await expect(canvas.getByText(/conflicts? ·/)).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Apply' })).toBeDisabled();
  },
};

export const DeleteVersusEdit: Story = {
  tags: ['state'],
  args: { local: null },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('radiogroup', { name: 'Keep the document deleted or edited?' })).toBeVisible();
  },
};

export const PickWithKeyboardAndApply: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    const groups = canvas.getAllByRole('radiogroup', { name: /choose a value/ });
    (within(groups[0] as HTMLElement).getAllByRole('radio')[1] as HTMLElement).focus();
    // 1 = local, 2 = server, j = next conflict.
    for (let i = 0; i < groups.length; i++) await userEvent.keyboard(i % 2 ? '2j' : '1j');
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Apply' })).toBeEnabled());
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    await expect(args.onApply).toHaveBeenCalledTimes(1);
  },
};

/** Opened the way a person meets it: fields by their schema titles, the order's context on top, focus inside. */
export const TitledWithContext: Story = {
  tags: ['example'],
  args: {
    base: { ...base, notes: '' },
    fieldLabels: { notes: 'Notes', priority: 'Priority', items: 'Items', totals: 'Totals', 'totals.total': 'Total' },
    context: 'Ana Silva · Washing · €14.76',
  },
  play: async ({ canvas, canvasElement, args }) => {
    await expect(canvas.getByText('Ana Silva · Washing · €14.76')).toBeVisible();
    const notes = canvas.getByRole('radiogroup', { name: 'Notes: choose a value' });
    // an empty base reads as empty, not as a pair of quotes
    await expect(within(notes).getByText('Empty')).toBeVisible();
    await expect(notes).not.toHaveTextContent('""');
    // focus is already in the review: the keys work without tabbing in
    await waitFor(() => expect(canvasElement.contains(document.activeElement)).toBe(true));
    for (let i = 0; i < canvas.getAllByRole('radiogroup', { name: /choose a value/ }).length; i++) {
      await userEvent.keyboard('1j');
    }
    await userEvent.keyboard('{Enter}');
    await expect(args.onApply).toHaveBeenCalledTimes(1);
  },
};

export const AllLocal: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'All local' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    await expect(args.onApply).toHaveBeenCalledWith(
      expect.objectContaining({ document: expect.objectContaining({ notes: local.notes }) }),
    );
  },
};

export const DeleteVersusEditKeepTheEdit: Story = {
  tags: ['example'],
  args: { local: null },
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await expect(canvas.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await userEvent.click(canvas.getByRole('radio', { name: /Keep the server edit/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Apply' }));
    // the one decision, which document to keep, is the `_deleted` field's
    await expect(args.onApply).toHaveBeenCalledWith({
      document: expect.objectContaining({ notes: server.notes }),
      decisions: { [fieldKey(['_deleted'])]: { choice: 'server' } },
    });
  },
};
