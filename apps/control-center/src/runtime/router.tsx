// The control center's routes, all under the shell (sidebar, header with the sync status).

import type { SynclineDatabase } from '@syncline/data';
import type { controlCenterSchemas } from '@syncline/domain';
import { GaugeIcon, GitMergeIcon, PackageIcon, RefreshCwIcon, SettingsIcon, WashingMachineIcon } from 'lucide-react';
import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout';
import { RouteError } from '../components/route-error';
import { ConflictsPage } from '../pages/conflicts';
import { DashboardPage } from '../pages/dashboard';
import { MachinesPage } from '../pages/machines';
import { OrderPage } from '../pages/order';
import { OrdersPage } from '../pages/orders';
import { SettingsPage } from '../pages/settings';
import { SyncPage } from '../pages/sync';

export type ControlCenterDatabase = SynclineDatabase<typeof controlCenterSchemas>;

export const pages = [
  { path: '/', label: 'Dashboard', icon: <GaugeIcon /> },
  { path: '/orders', label: 'Orders', icon: <PackageIcon /> },
  { path: '/machines', label: 'Machines', icon: <WashingMachineIcon /> },
  { path: '/conflicts', label: 'Conflicts', icon: <GitMergeIcon /> },
  { path: '/sync', label: 'Sync', icon: <RefreshCwIcon /> },
  { path: '/settings', label: 'Settings', icon: <SettingsIcon /> },
] as const;

export function createAppRouter() {
  return createBrowserRouter([
    {
      element: <Layout />,
      errorElement: <RouteError />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'orders', element: <OrdersPage /> },
        { path: 'orders/:orderId', element: <OrderPage /> },
        { path: 'machines', element: <MachinesPage /> },
        { path: 'conflicts', element: <ConflictsPage /> },
        { path: 'conflicts/:conflictId', element: <ConflictsPage /> },
        { path: 'sync', element: <SyncPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: '*', element: <DashboardPage /> },
      ],
    },
  ]);
}
