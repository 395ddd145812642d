// The control center's pages as the sidebar and the command palette list them. Imports no page or layout, so both
// can read it without a loop through the router.
import {
  ChartColumnIcon,
  GaugeIcon,
  GitMergeIcon,
  PackageIcon,
  RefreshCwIcon,
  SettingsIcon,
  ShoppingBagIcon,
  WashingMachineIcon,
} from 'lucide-react';

export const pages = [
  { path: '/', label: 'Dashboard', icon: <GaugeIcon /> },
  { path: '/orders', label: 'Orders', icon: <PackageIcon /> },
  { path: '/machines', label: 'Machines', icon: <WashingMachineIcon /> },
  { path: '/services', label: 'Services', icon: <ShoppingBagIcon /> },
  { path: '/reports', label: 'Reports', icon: <ChartColumnIcon /> },
  { path: '/conflicts', label: 'Conflicts', icon: <GitMergeIcon /> },
  { path: '/sync', label: 'Sync', icon: <RefreshCwIcon /> },
  { path: '/settings', label: 'Settings', icon: <SettingsIcon /> },
] as const;
