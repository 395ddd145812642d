// The control center's frame: navigation, the header with the sync status, the offline banner, and the page.
import { cn } from '@syncline/ui';
import { NavLink, Outlet } from 'react-router';
import { pages } from '../runtime/router';
import { useSession } from '../runtime/session-context';
import { ConnectivityBanner, HeaderSyncStatus } from './header-sync-status';

export function Layout() {
  const { session } = useSession();
  return (
    <div className="flex min-h-svh bg-background text-foreground">
      <nav
        aria-label="Main"
        className="hidden w-sidebar shrink-0 flex-col gap-1 border-border border-r bg-background-subtle p-3 md:flex"
      >
        <p className="px-2 pb-3 font-display font-semibold text-lg">Syncline</p>
        {pages.map((page) => (
          <NavLink
            key={page.path}
            to={page.path}
            end={page.path === '/'}
            className={({ isActive }) =>
              cn(
                'rounded-md px-2 py-1.5 text-foreground-muted text-sm hover:bg-accent hover:text-accent-foreground focus-visible:outline-2 focus-visible:outline-ring',
                isActive && 'bg-accent font-medium text-accent-foreground',
              )
            }
          >
            {page.label}
          </NavLink>
        ))}
      </nav>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-4 border-border border-b px-4">
          <p className="truncate text-sm">
            <span className="font-medium">{session.tenantName}</span>
            <span className="text-foreground-subtle"> · {session.user}</span>
          </p>
          <HeaderSyncStatus />
        </header>
        <ConnectivityBanner />
        <main className="min-w-0 flex-1 p-4 md:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
