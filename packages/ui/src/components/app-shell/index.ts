export {
  AppShell,
  AppShellNav,
  AppShellNavItem,
  type AppShellNavItemProps,
  type AppShellProps,
  Breadcrumb,
  type BreadcrumbProps,
  useAppShell,
} from './app-shell';
