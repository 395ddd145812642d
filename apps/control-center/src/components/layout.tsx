// The control center's frame: the kit's AppShell with the pages, the sync status, notifications, theme and user menu
// in the header, the offline banner under it, the command palette (Ctrl/Cmd+K) and the shortcuts sheet ("?"). The
// frame paints before the data layer has loaded: what reads the database joins it once it is open, and the page's
// place says the shop is opening meanwhile. A page whose chunk is still loading shows a spinner in its place.
import { AppShell, AppShellNav, AppShellNavItem, Breadcrumb, Spinner, ThemeToggle } from '@syncline/ui';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { usePreferences } from '../lib/preferences';
import { pages } from '../runtime/navigation';
import { WhenOpen } from '../runtime/opened-workspace';
import { useSession } from '../runtime/session-context';
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
              badge={
                item.path === '/conflicts' ? (
                  <WhenOpen>{({ ConflictCountBadge }) => <ConflictCountBadge />}</WhenOpen>
                ) : undefined
              }
            >
              <Link to={item.path} />
            </AppShellNavItem>
          ))}
        </AppShellNav>
      }
      headerStart={<Breadcrumb items={[{ label: session.tenantName, href: '/' }, { label: page.label }]} />}
      headerEnd={
        <>
          <WhenOpen>
            {({ HeaderSyncStatus, HeaderNotifications, CriticalAlarmTone }) => (
              <>
                <HeaderSyncStatus />
                <HeaderNotifications />
                <CriticalAlarmTone />
              </>
            )}
          </WhenOpen>
          <ThemeToggle />
          <UserMenu />
        </>
      }
      banner={<WhenOpen>{({ ConnectivityBanner }) => <ConnectivityBanner />}</WhenOpen>}
    >
      <WhenOpen fallback={<ShopOpening tenantName={session.tenantName} />}>
        {() => (
          // a new number and date format renders the page again from scratch, in it
          <Suspense key={format} fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        )}
      </WhenOpen>
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

/** In the page's place while the shop's local database opens (the first render after sign-in or a reload). */
function ShopOpening({ tenantName }: { tenantName: string }) {
  return (
    <div className="grid min-h-40 place-items-center" aria-busy="true">
      <p className="flex items-center gap-2 text-foreground-muted text-sm">
        <Spinner label={null} /> Opening {tenantName}…
      </p>
    </div>
  );
}
