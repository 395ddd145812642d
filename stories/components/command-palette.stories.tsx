import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { CommandPalette, type CommandPaletteGroup } from '@syncline/ui/command-palette';
import { MoonIcon, PackageIcon, PlusIcon, RefreshCwIcon } from 'lucide-react';
import { useEffect, useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';

const orders = [
  { id: 'ord-12', number: 12, customer: 'Ada Almeida' },
  { id: 'ord-120', number: 120, customer: 'Bruno Costa' },
  { id: 'ord-34', number: 34, customer: 'Ada Almeida' },
  {
    id: 'ord-77',
    number: 77,
    customer: 'Lavandaria Industrial do Norte, Unipessoal Lda, Vila Nova de Gaia, armazém 3',
  },
];

/**
 * A palette over actions, listed at once, and orders looked up as an app would from its database: a moment after
 * each keystroke (`lookupMs`).
 */
function ShopPalette({ onRun = () => {}, lookupMs = 0 }: { onRun?: (what: string) => void; lookupMs?: number }) {
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<{ search: string; ids: string[] }>({ search: '', ids: [] });
  useEffect(() => {
    const text = search.trim().replace(/^#/, '').toLowerCase();
    const timer = setTimeout(() => {
      const ids = text
        ? orders
            .filter((order) => String(order.number).startsWith(text) || order.customer.toLowerCase().startsWith(text))
            .map((order) => order.id)
        : [];
      setFound({ search, ids });
    }, lookupMs);
    return () => clearTimeout(timer);
  }, [search, lookupMs]);
  const matches = (label: string, keywords: string[]) =>
    [label, ...keywords].join(' ').toLowerCase().includes(search.trim().toLowerCase());
  const actions = [
    { id: 'new-order', label: 'New order', keywords: ['create'], icon: <PlusIcon /> },
    { id: 'sync-now', label: 'Sync now', keywords: ['refresh'], icon: <RefreshCwIcon /> },
    { id: 'dark', label: 'Dark theme', keywords: ['mode'], icon: <MoonIcon /> },
  ];
  const groups: CommandPaletteGroup[] = [
    {
      heading: 'Actions',
      items: actions
        .filter((action) => matches(action.label, action.keywords))
        .map((action) => ({ ...action, onSelect: () => onRun(action.label) })),
    },
    {
      heading: 'Orders',
      items: (found.search === search ? found.ids : []).map((id) => {
        const order = orders.find((candidate) => candidate.id === id) as (typeof orders)[number];
        return {
          id,
          label: `#${order.number} · ${order.customer}`,
          icon: <PackageIcon />,
          movesFocus: true,
          onSelect: () => onRun(`#${order.number}`),
        };
      }),
    },
  ];
  return (
    <>
      <Button variant="outline" onClick={() => setOpen(true)}>
        Search
      </Button>
      <CommandPalette
        open={open}
        onOpenChange={setOpen}
        groups={groups}
        search={search}
        onSearchChange={setSearch}
        shouldFilter={false}
        loading={found.search !== search}
      />
    </>
  );
}

const meta = {
  title: 'Overlays/CommandPalette',
  component: ShopPalette,
  tags: ['autodocs'],
  args: { onRun: fn() },
} satisfies Meta<typeof ShopPalette>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const ActionsAndRecords: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('ada');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await expect(screen.getByRole('option', { name: '#12 · Ada Almeida' })).toHaveAttribute('aria-selected', 'true');
  },
};

export const NothingMatches: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('zzz');
    await waitFor(() => expect(dialog).toHaveTextContent('Nothing matches.'));
  },
};

/** A label longer than the palette is wide wraps: nothing of it is cut off. */
export const LongLabelsWrap: Story = {
  tags: ['state'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('lav');
    const option = await screen.findByRole('option', { name: /armazém 3$/ });
    const label = option.querySelector('span') as HTMLElement;
    await expect(label).toHaveTextContent(
      '#77 · Lavandaria Industrial do Norte, Unipessoal Lda, Vila Nova de Gaia, armazém 3',
    );
    await expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth);
    await expect(option.getBoundingClientRect().height).toBeGreaterThan(40);
  },
};

export const EnterRunsTheFirstMatch: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('sync{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(args.onRun).toHaveBeenCalledWith('Sync now');
  },
};

/** Enter pressed before the orders are looked up: the first one found runs when it arrives. */
export const EnterWhileSearching: Story = {
  tags: ['example'],
  args: { lookupMs: 300 },
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Search' }));
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('12{Enter}');
    await expect(args.onRun).not.toHaveBeenCalled();
    await expect(dialog).toHaveTextContent('Searching…');
    await waitFor(() => expect(args.onRun).toHaveBeenCalledWith('#12'));
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
  },
};

export const EscapeReturnsFocus: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    const trigger = canvas.getByRole('button', { name: 'Search' });
    await userEvent.click(trigger);
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(trigger).toHaveFocus();
  },
};
