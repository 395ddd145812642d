// The control center's routes, all under the shell (sidebar, header with the sync status).

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
