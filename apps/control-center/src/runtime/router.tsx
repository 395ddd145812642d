// The control center's routes, all under the shell (sidebar, header with the sync status). Each page is its own
// chunk, loaded when first visited; the shell stays on screen meanwhile (see Layout's Suspense).

import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from '../components/layout';
import { RouteError } from '../components/route-error';

const DashboardPage = lazy(() => import('../pages/dashboard').then((page) => ({ default: page.DashboardPage })));
const OrdersPage = lazy(() => import('../pages/orders').then((page) => ({ default: page.OrdersPage })));
const OrderPage = lazy(() => import('../pages/order').then((page) => ({ default: page.OrderPage })));
const MachinesPage = lazy(() => import('../pages/machines').then((page) => ({ default: page.MachinesPage })));
const ConflictsPage = lazy(() => import('../pages/conflicts').then((page) => ({ default: page.ConflictsPage })));
const SyncPage = lazy(() => import('../pages/sync').then((page) => ({ default: page.SyncPage })));
const SettingsPage = lazy(() => import('../pages/settings').then((page) => ({ default: page.SettingsPage })));

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
