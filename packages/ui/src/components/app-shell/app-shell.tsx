'use client';
// The application frame: a sidebar that collapses to icons (Ctrl/Cmd+B, remembered on this device), a header
// with start and end slots and a breadcrumb, and below the `md` breakpoint a drawer instead of the sidebar.
import { MenuIcon, PanelLeftCloseIcon, PanelLeftOpenIcon } from 'lucide-react';
import { Slot } from 'radix-ui';
import { cloneElement, createContext, useCallback, useContext, useId, useMemo, useState } from 'react';
import { cn } from '../../lib/cn';
import { useWindowHotkey } from '../../lib/use-window-hotkey';
import { Button } from '../button/button';
import { Sheet, SheetContent, SheetDescription, SheetTitle } from '../sheet/sheet';
import { Tooltip, TooltipContent, TooltipTrigger } from '../tooltip/tooltip';

interface AppShellState {
  collapsed: boolean;
  toggleCollapsed: () => void;
  drawerOpen: boolean;
  setDrawerOpen: (open: boolean) => void;
  /** true inside the drawer: items render full width with labels */
  inDrawer: boolean;
}

const AppShellContext = createContext<AppShellState | null>(null);

/** Ctrl/Cmd+B, as in editors: collapses or expands the sidebar. */
const isCtrlB = (event: KeyboardEvent) =>
  event.key.toLowerCase() === 'b' && (event.metaKey || event.ctrlKey) && !event.altKey && !event.shiftKey;
export function useAppShell(): AppShellState {
  const value = useContext(AppShellContext);
  if (!value) throw new Error('useAppShell() needs an <AppShell> around it');
  return value;
}

function readCollapsed(storageKey: string | null, fallback: boolean): boolean {
  if (!storageKey || typeof localStorage === 'undefined') return fallback;
  const saved = localStorage.getItem(storageKey);
  return saved === null ? fallback : saved === 'collapsed';
}

export type AppShellProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  /** The product's name or logo, at the top of the sidebar and the drawer. */
  brand: React.ReactNode;
  /** The navigation: AppShellNav with AppShellNavItem children; rendered in the sidebar and in the drawer. */
  navigation: React.ReactNode;
  /** Header content after the menu button (a title, a breadcrumb). */
  headerStart?: React.ReactNode;
  /** Header content on the right (status, account, theme). */
  headerEnd?: React.ReactNode;
  /** Full-width content under the header (an offline banner). */
  banner?: React.ReactNode;
  /** The first thing Tab reaches: a link that moves focus past the header and navigation to the content. */
  skipLinkLabel?: string;
  /** Where the collapsed state is remembered; `null` to not remember it. */
  storageKey?: string | null;
  defaultCollapsed?: boolean;
  children: React.ReactNode;
};

export function AppShell({
  brand,
  navigation,
  headerStart,
  headerEnd,
  banner,
  skipLinkLabel = 'Skip to content',
  storageKey = 'syncline:sidebar',
  defaultCollapsed = false,
  className,
  children,
  ...props
}: AppShellProps) {
  const [collapsed, setCollapsed] = useState(() => readCollapsed(storageKey, defaultCollapsed));
  const [drawerOpen, setDrawerOpen] = useState(false);
  const mainId = useId();

  const toggleCollapsed = useCallback(() => {
    setCollapsed((current) => {
      const next = !current;
      if (storageKey) localStorage.setItem(storageKey, next ? 'collapsed' : 'expanded');
      return next;
    });
  }, [storageKey]);

  useWindowHotkey(isCtrlB, toggleCollapsed);

  const state = useMemo(
    () => ({ collapsed, toggleCollapsed, drawerOpen, setDrawerOpen, inDrawer: false }),
    [collapsed, toggleCollapsed, drawerOpen],
  );

  return (
    <AppShellContext value={state}>
      <div
        data-slot="app-shell"
        data-sidebar={collapsed ? 'collapsed' : 'expanded'}
        className={cn('flex min-h-svh bg-background text-foreground', className)}
        {...props}
      >
        <a
          data-slot="app-shell-skip-link"
          href={`#${mainId}`}
          onClick={(event) => {
            // Focus the content itself (not only scroll to it), so the next Tab starts inside it; the URL keeps no hash.
            event.preventDefault();
            document.getElementById(mainId)?.focus();
          }}
          className="sr-only z-50 rounded-md bg-surface px-3 py-2 font-medium text-foreground text-sm shadow-md focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          {skipLinkLabel}
        </a>
        <aside
          data-slot="app-shell-sidebar"
          className={cn(
            'sticky top-0 hidden h-svh shrink-0 flex-col border-border border-r bg-background-subtle transition-[width] duration-normal ease-standard md:flex',
            collapsed ? 'w-sidebar-collapsed' : 'w-sidebar',
          )}
        >
          <div
            data-slot="app-shell-brand"
            className={cn('flex h-14 items-center px-3', collapsed && 'justify-center px-0')}
          >
            {brand}
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-2 py-2">{navigation}</div>
          <div className={cn('border-border border-t p-2', collapsed && 'flex justify-center')}>
            <Button
              variant="ghost"
              size={collapsed ? 'icon' : 'sm'}
              onClick={toggleCollapsed}
              aria-label={collapsed ? 'Expand sidebar' : 'Collapse sidebar'}
              aria-keyshortcuts="Control+B Meta+B"
              className={cn(!collapsed && 'w-full justify-start')}
            >
              {collapsed ? <PanelLeftOpenIcon /> : <PanelLeftCloseIcon />}
              {collapsed ? null : <span>Collapse</span>}
            </Button>
          </div>
        </aside>
        <Sheet open={drawerOpen} onOpenChange={setDrawerOpen}>
          <SheetContent side="left" className="w-72 p-0">
            <SheetTitle className="sr-only">Navigation</SheetTitle>
            <SheetDescription className="sr-only">Pages of the application</SheetDescription>
            <AppShellContext value={{ ...state, collapsed: false, inDrawer: true }}>
              <div className="flex h-14 items-center px-4">{brand}</div>
              <div className="px-2 py-2">{navigation}</div>
            </AppShellContext>
          </SheetContent>
        </Sheet>
        <div data-slot="app-shell-main" className="flex min-w-0 flex-1 flex-col">
          <header
            data-slot="app-shell-header"
            className="sticky top-0 z-30 flex h-14 items-center gap-3 border-border border-b bg-background/95 px-3 backdrop-blur md:px-4"
          >
            <Button
              variant="ghost"
              size="icon"
              className="md:hidden"
              aria-label="Open navigation"
              onClick={() => setDrawerOpen(true)}
            >
              <MenuIcon />
            </Button>
            <div data-slot="app-shell-header-start" className="flex min-w-0 flex-1 items-center gap-3">
              {headerStart}
            </div>
            <div data-slot="app-shell-header-end" className="flex items-center gap-2">
              {headerEnd}
            </div>
          </header>
          {banner}
          <main
            id={mainId}
            tabIndex={-1}
            data-slot="app-shell-content"
            className="min-w-0 flex-1 p-4 outline-none md:p-6"
          >
            {children}
          </main>
        </div>
      </div>
    </AppShellContext>
  );
}

export function AppShellNav({ className, ...props }: React.ComponentProps<'nav'>) {
  return (
    <nav data-slot="app-shell-nav" aria-label="Main" className={cn('flex flex-col gap-1', className)} {...props} />
  );
}

export type AppShellNavItemProps = Omit<React.ComponentProps<'a'>, 'children'> & {
  icon: React.ReactNode;
  label: string;
  /** the current page */
  active?: boolean;
  /** A count after the label (a Badge), part of the link's name; hidden while the sidebar is collapsed. */
  badge?: React.ReactNode;
  /** Render the child (a router link) with the item's look; its own children are replaced by icon and label. */
  asChild?: boolean;
  children?: React.ReactElement;
};

export function AppShellNavItem({
  icon,
  label,
  active,
  badge,
  asChild,
  children,
  className,
  onClick,
  ...props
}: AppShellNavItemProps) {
  const { collapsed, inDrawer, setDrawerOpen } = useAppShell();
  const Comp = asChild ? Slot.Root : 'a';
  const badgeSlot =
    collapsed || !badge ? null : (
      <span key="badge" data-slot="app-shell-nav-badge" className="ml-auto flex">
        {badge}
      </span>
    );
  const item = (
    <Comp
      data-slot="app-shell-nav-item"
      data-active={active || undefined}
      aria-current={active ? 'page' : undefined}
      aria-label={collapsed ? label : undefined}
      className={cn(
        'flex h-9 items-center gap-3 rounded-md px-2.5 text-foreground-muted text-sm outline-none transition-colors duration-fast',
        'hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring',
        '[&_svg]:size-4 [&_svg]:shrink-0',
        active && 'bg-accent font-medium text-accent-foreground',
        collapsed && 'justify-center px-0',
        className,
      )}
      onClick={(event: React.MouseEvent<HTMLAnchorElement>) => {
        onClick?.(event);
        if (inDrawer) setDrawerOpen(false);
      }}
      {...props}
    >
      {asChild && children ? (
        cloneElement(children, undefined, icon, collapsed ? null : <span key="label">{label}</span>, badgeSlot)
      ) : (
        <>
          {icon}
          {collapsed ? null : <span>{label}</span>}
          {badgeSlot}
        </>
      )}
    </Comp>
  );
  if (!collapsed) return item;
  return (
    <Tooltip>
      <TooltipTrigger asChild>{item}</TooltipTrigger>
      <TooltipContent side="right">{label}</TooltipContent>
    </Tooltip>
  );
}

export type BreadcrumbProps = React.ComponentProps<'nav'> & { items: ReadonlyArray<{ label: string; href?: string }> };

/** Where the page sits: links for the levels above, plain text for the current page (alone below `sm`). */
export function Breadcrumb({ items, className, ...props }: BreadcrumbProps) {
  return (
    <nav data-slot="breadcrumb" aria-label="Breadcrumb" className={cn('min-w-0 text-sm', className)} {...props}>
      <ol className="flex min-w-0 items-center gap-1.5 text-foreground-muted">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            // on a phone only the current page shows: the levels above it would be truncated to a letter
            <li
              key={item.href ?? item.label}
              className={cn('flex min-w-0 items-center gap-1.5', !last && 'max-sm:hidden')}
            >
              {index > 0 ? (
                <span aria-hidden="true" className="max-sm:hidden">
                  /
                </span>
              ) : null}
              {last || !item.href ? (
                <span
                  aria-current={last ? 'page' : undefined}
                  className={cn('truncate', last && 'font-medium text-foreground')}
                >
                  {item.label}
                </span>
              ) : (
                <a href={item.href} className="truncate hover:text-foreground hover:underline">
                  {item.label}
                </a>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
