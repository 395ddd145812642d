// Ctrl/Cmd+K over the control center: its pages, its machines, and the orders matching what is typed. Loaded on the
// first Ctrl/Cmd+K (see command-palette-shortcut.tsx), which also opens and closes it.

import { useLiveQuery } from '@syncline/data';
import type { Machine, Order } from '@syncline/domain';
import { CommandPalette, type CommandPaletteGroup } from '@syncline/ui';
import { useDeferredValue, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { statusLabel } from '../lib/format';
import { pages } from '../runtime/navigation';

const MAX_ORDERS = 20;

export function ControlCenterPalette({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim().toLowerCase());
  const { docs: machines } = useLiveQuery<Machine>('machines', { sort: [{ name: 'asc' }] });
  const { docs: orders } = useLiveQuery<Order>('orders', { sort: [{ number: 'desc' }] });

  const groups = useMemo<CommandPaletteGroup[]>(() => {
    const matches = (text: string) => !query || text.toLowerCase().includes(query);
    return [
      {
        heading: 'Pages',
        items: pages
          .filter((page) => matches(page.label))
          .map((page) => ({ id: page.path, label: page.label, icon: page.icon, onSelect: () => navigate(page.path) })),
      },
      {
        heading: 'Machines',
        items: machines
          .filter((machine) => matches(`${machine.name} ${machine.kind}`))
          .slice(0, MAX_ORDERS)
          .map((machine) => ({
            id: machine.id,
            label: machine.name,
            hint: machine.state,
            onSelect: () => navigate('/machines'),
          })),
      },
      {
        heading: 'Orders',
        items: (query ? orders.filter((order) => matches(`#${order.number} ${order.customerName}`)) : [])
          .slice(0, MAX_ORDERS)
          .map((order) => ({
            id: order.id,
            label: `#${order.number} · ${order.customerName}`,
            hint: statusLabel[order.status],
            onSelect: () => navigate(`/orders/${order.id}`),
          })),
      },
    ];
  }, [query, machines, orders, navigate]);

  return (
    <CommandPalette
      open={open}
      onOpenChange={onOpenChange}
      hotkey={false}
      groups={groups}
      search={search}
      onSearchChange={setSearch}
      shouldFilter={false}
      placeholder="Go to a page, an order (number or customer) or a machine…"
    />
  );
}
