// The control center's frame: the kit's AppShell with the pages, the sync status, notifications, theme and user menu
// in the header, the offline banner under it, the command palette (Ctrl/Cmd+K) and the shortcuts sheet ("?"). A page
// whose chunk is still loading shows a spinner in its place; the frame around it stays.
import { AppShell, AppShellNav, AppShellNavItem, Breadcrumb, Spinner, ThemeToggle } from '@syncline/ui';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { usePreferences } from '../lib/preferences';
import { pages } from '../runtime/navigation';
import { useSession } from '../runtime/session-context';
import { CriticalAlarmTone } from './critical-alarm-tone';
import { HeaderNotifications } from './header-notifications';
import { ConflictCountBadge, ConnectivityBanner, HeaderSyncStatus } from './header-sync-status';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { UserMenu } from './user-menu';

function currentPage(pathname: string) {
  return (
    [...pages].reverse().find((page) => (page.path === '/' ? pathname === '/' : pathname.startsWith(page.path))) ??
    pages[0]
  );
}

export function Layout() {
  const { session } = useSession();
  const { format } = usePreferences();
  const { pathname } = useLocation();
  const page = currentPage(pathname);
  return (
    <AppShell
      brand={
        <Link to="/" className="flex items-center gap-2 font-display font-semibold text-lg">
          <img src="/icon.svg" alt="" className="size-6" />
          <span className="in-data-[sidebar=collapsed]:sr-only">Syncline</span>
        </Link>
      }
      navigation={
        <AppShellNav>
          {pages.map((item) => (
            <AppShellNavItem
              key={item.path}
              asChild
              icon={item.icon}
              label={item.label}
              active={item === page}
              badge={item.path === '/conflicts' ? <ConflictCountBadge /> : undefined}
            >
              <Link to={item.path} />
            </AppShellNavItem>
          ))}
        </AppShellNav>
      }
      headerStart={<Breadcrumb items={[{ label: session.tenantName, href: '/' }, { label: page.label }]} />}
      headerEnd={
        <>
          <HeaderSyncStatus />
          <HeaderNotifications />
          <CriticalAlarmTone />
          <ThemeToggle />
          <UserMenu />
        </>
      }
      banner={<ConnectivityBanner />}
    >
      {/* a new number and date format renders the page again from scratch, in it */}
      <Suspense key={format} fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
      <KeyboardShortcuts />
    </AppShell>
  );
}

/** In a page's place while its code loads (the first visit only; later visits keep the old page until it is ready). */
function PageLoading() {
  return (
    <div className="grid min-h-40 place-items-center" aria-busy="true">
      <Spinner label="Loading the page" />
    </div>
  );
}
