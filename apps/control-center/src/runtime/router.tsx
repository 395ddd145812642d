// The control center's routes, all under the shell (sidebar, header with the sync status). Each page is its own
// chunk, loaded when first visited; the shell stays on screen meanwhile (see Layout's Suspense). Declarative routes:
// the app has no loaders or actions, so the data router's code (about half of react-router) is not shipped.

import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from '../components/layout';
import { RouteErrorBoundary } from '../components/route-error';

const DashboardPage = lazy(() => import('../pages/dashboard').then((page) => ({ default: page.DashboardPage })));
const OrdersPage = lazy(() => import('../pages/orders').then((page) => ({ default: page.OrdersPage })));
const OrderPage = lazy(() => import('../pages/order').then((page) => ({ default: page.OrderPage })));
const MachinesPage = lazy(() => import('../pages/machines').then((page) => ({ default: page.MachinesPage })));
const MachinePage = lazy(() => import('../pages/machine').then((page) => ({ default: page.MachinePage })));
const ServicesPage = lazy(() => import('../pages/services').then((page) => ({ default: page.ServicesPage })));
const ReportsPage = lazy(() => import('../pages/reports').then((page) => ({ default: page.ReportsPage })));
const ConflictsPage = lazy(() => import('../pages/conflicts').then((page) => ({ default: page.ConflictsPage })));
const SyncPage = lazy(() => import('../pages/sync').then((page) => ({ default: page.SyncPage })));
const SettingsPage = lazy(() => import('../pages/settings').then((page) => ({ default: page.SettingsPage })));

export function AppRoutes() {
  return (
    <BrowserRouter>
      <RouteErrorBoundary>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<DashboardPage />} />
            <Route path="orders" element={<OrdersPage />} />
            <Route path="orders/:orderId" element={<OrderPage />} />
            <Route path="machines" element={<MachinesPage />} />
            <Route path="machines/:machineId" element={<MachinePage />} />
            <Route path="services" element={<ServicesPage />} />
            <Route path="reports" element={<ReportsPage />} />
            <Route path="conflicts" element={<ConflictsPage />} />
            <Route path="conflicts/:conflictId" element={<ConflictsPage />} />
            <Route path="sync" element={<SyncPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<DashboardPage />} />
          </Route>
        </Routes>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
