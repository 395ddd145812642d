// Ctrl/Cmd+K over the control center: its actions (new order, sync now, the theme, acknowledging an alarm), its
// pages and machines (each opening its machine page), listed the moment a key is pressed, and the orders whose
// number or customer starts with what is typed, the first few read straight off an index (as fast with 100,000
// orders as with 1,000). Loaded on the first Ctrl/Cmd+K (see keyboard-shortcuts.tsx), which also opens and closes it.

import { useCan, useLiveFirst, useLiveQuery, useSyncControls, useSyncStatus } from '@syncline/data';
import { type Machine, type Order, orderStatusLabel } from '@syncline/domain';
import { CommandPalette, type CommandPaletteGroup, resolveTheme, toast, useThemeChoice } from '@syncline/ui';
import {
  BellOffIcon,
  KeyboardIcon,
  LogOutIcon,
  MonitorIcon,
  MoonIcon,
  PlusIcon,
  RefreshCwIcon,
  SunIcon,
  SunMoonIcon,
  WashingMachineIcon,
} from 'lucide-react';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { machinePath } from '../lib/machine-view';
import { acknowledgeAlarm } from '../lib/machines';
import { orderSuggestionQueries } from '../lib/order-search';
import { maxRecords, type PaletteAction, paletteSections } from '../lib/palette-commands';
import { useWriteContext } from '../lib/use-write-context';
import { pages } from '../runtime/navigation';
import { useSession } from '../runtime/session-context';
import { NewOrderDialog } from './new-order-dialog';

// one element each, made once: the palette leaves an item alone while what it shows is the same, and a new icon
// element every render would be a change
const themeIcons = { light: <SunIcon />, dark: <MoonIcon />, system: <MonitorIcon />, toggle: <SunMoonIcon /> };
const icons = {
  'new-order': <PlusIcon />,
  'sync-now': <RefreshCwIcon />,
  shortcuts: <KeyboardIcon />,
  'sign-out': <LogOutIcon />,
  machine: <WashingMachineIcon />,
  acknowledge: <BellOffIcon />,
};

function iconOf(action: PaletteAction): React.ReactNode {
  switch (action.kind) {
    case 'theme':
      return themeIcons[action.theme];
    case 'page':
      return pages.find((page) => page.path === action.path)?.icon;
    default:
      return icons[action.kind];
  }
}

/**
 * The orders matching the search (none for an empty one), `maxRecords` at most. While a new search is answered the
 * last one's stay on screen (no flashing) and `loading` is true: the palette then holds an Enter until the answer.
 */
function useMatchingOrders(search: string) {
  const queries = useMemo(() => orderSuggestionQueries(search), [search]);
  const { rows, loading } = useLiveFirst<Order>('orders', queries, maxRecords);
  return { orders: rows, loading };
}

export interface ControlCenterPaletteProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onShowShortcuts: () => void;
}

export function ControlCenterPalette({ open, onOpenChange, onShowShortcuts }: ControlCenterPaletteProps) {
  const navigate = useNavigate();
  const write = useWriteContext();
  const { onSignOut } = useSession();
  const { syncNow } = useSyncControls();
  const online = useSyncStatus((status) => status.connection === 'online');
  const [theme, setTheme] = useThemeChoice();
  const canOrder = useCan('orders');
  const canChangeMachines = useCan('machines');
  const [newOrderOpen, setNewOrderOpen] = useState(false);
  const [search, setSearch] = useState('');
  const { docs: machines, loading: machinesLoading } = useLiveQuery<Machine>('machines', { sort: [{ name: 'asc' }] });
  const { orders, loading: ordersLoading } = useMatchingOrders(search);

  const run = (action: PaletteAction) => {
    switch (action.kind) {
      case 'new-order':
        setNewOrderOpen(true);
        break;
      case 'sync-now':
        void syncNow();
        toast('Syncing now', {
          description: online ? undefined : 'The server cannot be reached: changes stay on this device until it can.',
        });
        break;
      case 'theme':
        setTheme(action.theme === 'toggle' ? (resolveTheme(theme) === 'dark' ? 'light' : 'dark') : action.theme);
        break;
      case 'shortcuts':
        onShowShortcuts();
        break;
      case 'sign-out':
        onSignOut();
        break;
      case 'page':
        void navigate(action.path);
        break;
      case 'machine':
        void navigate(machinePath(action.machineId));
        break;
      case 'acknowledge':
        void acknowledgeAlarm(write, action.machineId, action.alarmId);
        break;
    }
  };

  const sections = paletteSections({
    search,
    pages,
    machines,
    allowed: { createOrder: canOrder('create'), acknowledgeAlarms: canChangeMachines('update') },
  });
  const groups: CommandPaletteGroup[] = [
    ...sections.map((section) => ({
      heading: section.heading,
      items: section.entries.map((entry) => ({
        id: entry.id,
        label: entry.label,
        hint: entry.hint,
        icon: iconOf(entry.action),
        // what returns to where it was: an alarm acknowledged, a theme, a sync started
        movesFocus: !['acknowledge', 'theme', 'sync-now'].includes(entry.action.kind),
        onSelect: () => run(entry.action),
      })),
    })),
    {
      heading: 'Orders',
      items: orders.map((order) => ({
        id: order.id,
        label: `#${order.number} · ${order.customerName}`,
        hint: orderStatusLabel[order.status],
        movesFocus: true,
        onSelect: () => void navigate(`/orders/${order.id}`),
      })),
    },
  ];

  // the closed New order dialog is left alone while a person types
  const mayOrder = canOrder('create');
  const newOrderDialog = useMemo(
    () => (mayOrder ? <NewOrderDialog open={newOrderOpen} onOpenChange={setNewOrderOpen} /> : null),
    [mayOrder, newOrderOpen],
  );

  return (
    <>
      <CommandPalette
        open={open}
        onOpenChange={(next) => {
          onOpenChange(next);
          // a new start each time it opens
          if (!next) setSearch('');
        }}
        hotkey={false}
        groups={groups}
        search={search}
        onSearchChange={setSearch}
        shouldFilter={false}
        loading={machinesLoading || ordersLoading}
        placeholder="Do something, or go to a page, a machine or an order (number or customer)…"
      />
      {newOrderDialog}
    </>
  );
}
