'use client';
// The header's bell: what needs a person's attention (machine alarms, conflicts to review, changes the server
// refused) in one list. The button says how many are unread, in its name and in a badge; it opens a popover of
// notifications, newest as the caller orders them, each a link to where the person acts on it, with "Mark all
// read". Arrow keys move between the links. A pure view: the app gathers the notifications and keeps what was read.
import { cva } from 'class-variance-authority';
import { BellIcon, GitMergeIcon, OctagonAlertIcon, UploadIcon } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button } from '../../components/button/button';
import { Popover, PopoverContent, PopoverTrigger } from '../../components/popover/popover';
import { cn } from '../../lib/cn';
import { formatRelativeTime, type Moment, toMillis } from '../lib/relative-time';
import { useNow } from '../lib/use-now';

export type NotificationKind = 'alarm' | 'conflict' | 'sync-failure';
/** How loud a notification is: the kit's semantic scale (an app maps its own, e.g. alarm severities, onto it). */
export type NotificationSeverity = 'critical' | 'error' | 'warning' | 'info';

export interface NotificationItem {
  id: string;
  kind: NotificationKind;
  /** What happened, e.g. "Washer 3: Heater over temperature". */
  title: string;
  /** A second line, e.g. the alarm's code or the server's reason. */
  detail?: string;
  /** When it happened. */
  at: Moment;
  severity: NotificationSeverity;
  read: boolean;
  /** Where the person acts on it (the machine, the conflict, the sync page). */
  href: string;
}

export type NotificationCenterProps = Omit<React.ComponentProps<'div'>, 'children' | 'onSelect'> & {
  notifications: readonly NotificationItem[];
  /** Called when a notification is followed; call `event.preventDefault()` to navigate with a router instead. */
  onSelect?: (notification: NotificationItem, event: React.MouseEvent<HTMLAnchorElement>) => void;
  onMarkAllRead?: () => void;
  /** The current time, for "2 min ago"; omit to use a ticking clock. */
  now?: Moment;
  /** Open the list from the start (stories, screenshots). */
  defaultOpen?: boolean;
  /** Whether the list is open, when the caller keeps it (with `onOpenChange`); otherwise the bell keeps it. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

const kindLabel: Record<NotificationKind, string> = {
  alarm: 'Alarm',
  conflict: 'Conflict to review',
  'sync-failure': 'Change refused',
};

const kindIcon: Record<NotificationKind, React.ReactNode> = {
  alarm: <OctagonAlertIcon />,
  conflict: <GitMergeIcon />,
  'sync-failure': <UploadIcon />,
};

const notificationItem = cva(
  [
    'flex gap-3 border-l-4 px-3 py-2 text-sm outline-none',
    'hover:bg-accent focus-visible:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset',
  ],
  {
    variants: {
      severity: {
        critical: 'border-l-alarm-critical',
        error: 'border-l-error',
        warning: 'border-l-warning',
        info: 'border-l-info',
      },
      read: { false: 'bg-surface-raised', true: 'border-l-border-subtle text-foreground-muted' },
    },
  },
);

const notificationIcon = cva('mt-0.5 flex [&_svg]:size-4', {
  variants: {
    severity: {
      critical: 'text-alarm-critical',
      error: 'text-error-text',
      warning: 'text-warning-text',
      info: 'text-primary-text',
    },
    read: { false: '', true: 'text-foreground-subtle' },
  },
});

/** The bell's accessible name: "Notifications, 3 unread". */
export function notificationCenterLabel(unread: number): string {
  return `Notifications, ${unread} unread`;
}

/** The badge's figure: the count, "99+" past 99. */
const badgeFigure = (unread: number) => (unread > 99 ? '99+' : String(unread));

/** Up and Down move between the links of the list, Home and End to its ends; Tab works as everywhere. */
function moveFocus(event: React.KeyboardEvent<HTMLElement>) {
  const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
  if (!(event.key in steps) && event.key !== 'Home' && event.key !== 'End') return;
  const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>('a[data-slot="notification"]')];
  if (links.length === 0) return;
  event.preventDefault();
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? links.length - 1
        : (current + (steps[event.key] ?? 0) + links.length) % links.length;
  links[current === -1 && event.key === 'ArrowUp' ? links.length - 1 : next]?.focus();
}

function NotificationRow({
  notification,
  now,
  onSelect,
}: {
  notification: NotificationItem;
  now: number;
  onSelect: (notification: NotificationItem, event: React.MouseEvent<HTMLAnchorElement>) => void;
}) {
  const { kind, severity, read, title, detail, at, href } = notification;
  return (
    <li>
      <a
        data-slot="notification"
        data-kind={kind}
        data-severity={severity}
        data-read={read || undefined}
        href={href}
        onClick={(event) => onSelect(notification, event)}
        className={notificationItem({ severity, read })}
      >
        <span aria-hidden="true" className={notificationIcon({ severity, read })}>
          {kindIcon[kind]}
        </span>
        <span className="grid min-w-0 flex-1 gap-0.5">
          <span className="flex items-baseline justify-between gap-2">
            <span className={cn('text-xs', read ? 'text-foreground-muted' : 'font-medium text-foreground')}>
              {read ? null : <span className="sr-only">Unread: </span>}
              {kindLabel[kind]}
            </span>
            <time dateTime={new Date(toMillis(at)).toISOString()} className="shrink-0 text-foreground-muted text-xs">
              {formatRelativeTime(at, now)}
            </time>
          </span>
          <span className={cn('break-words', read ? '' : 'font-semibold text-foreground')}>{title}</span>
          {detail ? <span className="break-words text-foreground-muted text-xs">{detail}</span> : null}
        </span>
        {read ? null : (
          <span
            aria-hidden="true"
            data-slot="notification-unread-dot"
            className="mt-1.5 size-2 rounded-full bg-primary"
          />
        )}
      </a>
    </li>
  );
}

/**
 * The list, mounted only while the popover is open: its clock runs only then, and moves it on only when one of its
 * "2 min ago" changes.
 */
function NotificationList({
  notifications,
  now: fixedNow,
  onSelect,
}: {
  notifications: readonly NotificationItem[];
  now?: Moment;
  onSelect: (notification: NotificationItem, event: React.MouseEvent<HTMLAnchorElement>) => void;
}) {
  const now = useNow(fixedNow, 30_000, (time) =>
    notifications.map((notification) => formatRelativeTime(notification.at, time)).join('|'),
  );
  if (notifications.length === 0)
    return (
      <div data-slot="notification-empty" className="flex items-center gap-3 px-3 py-4 text-sm">
        <BellIcon aria-hidden="true" className="size-4 shrink-0 text-foreground-subtle" />
        <div>
          <p className="font-medium">Nothing needs you</p>
          <p className="text-foreground-muted text-xs">Alarms, conflicts and refused changes show up here.</p>
        </div>
      </div>
    );
  return (
    <ul aria-label="Notifications" className="divide-y divide-border-subtle overflow-y-auto">
      {notifications.map((notification) => (
        <NotificationRow key={notification.id} notification={notification} now={now} onSelect={onSelect} />
      ))}
    </ul>
  );
}

export function NotificationCenter({
  notifications,
  onSelect,
  onMarkAllRead,
  now: fixedNow,
  defaultOpen,
  open: controlledOpen,
  onOpenChange,
  className,
  ...props
}: NotificationCenterProps) {
  const [ownOpen, setOwnOpen] = useState(Boolean(defaultOpen));
  const open = controlledOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    onOpenChange?.(next);
  };
  const unread = notifications.filter((notification) => !notification.read).length;
  // a followed notification leads elsewhere: focus goes where it leads (a page's heading), not back to the bell
  const followed = useRef(false);
  const select = (notification: NotificationItem, event: React.MouseEvent<HTMLAnchorElement>) => {
    followed.current = true;
    onSelect?.(notification, event);
    setOpen(false);
  };
  return (
    <div data-slot="notification-center" className={cn('relative inline-flex', className)} {...props}>
      <Popover open={open} onOpenChange={setOpen}>
        <PopoverTrigger asChild>
          <Button variant="ghost" size="icon" aria-label={notificationCenterLabel(unread)}>
            <BellIcon />
            {unread > 0 ? (
              <span
                aria-hidden="true"
                data-slot="notification-count"
                className="absolute top-0.5 right-0.5 min-w-4 rounded-full bg-error px-1 font-mono font-semibold text-[0.625rem] text-error-foreground leading-4 tabular-nums"
              >
                {badgeFigure(unread)}
              </span>
            ) : null}
          </Button>
        </PopoverTrigger>
        <PopoverContent
          align="end"
          aria-label="Notifications"
          data-slot="notification-list"
          onKeyDown={moveFocus}
          onCloseAutoFocus={(event) => {
            if (followed.current) event.preventDefault();
            followed.current = false;
          }}
          className="flex max-h-[min(32rem,var(--radix-popover-content-available-height))] w-[min(24rem,calc(100vw-1rem))] flex-col p-0"
        >
          <div className="flex items-center justify-between gap-2 border-border-subtle border-b px-3 py-2">
            <p className="font-medium text-sm">
              Notifications
              {unread > 0 ? <span className="font-normal text-foreground-muted"> · {unread} unread</span> : null}
            </p>
            {notifications.length > 0 && onMarkAllRead ? (
              // aria-disabled, not disabled: focus stays on it once everything is read, inside the open list
              <Button
                variant="link"
                size="inline"
                aria-disabled={unread === 0 || undefined}
                onClick={() => {
                  if (unread > 0) onMarkAllRead();
                }}
              >
                Mark all read
              </Button>
            ) : null}
          </div>
          <NotificationList notifications={notifications} now={fixedNow} onSelect={select} />
        </PopoverContent>
      </Popover>
    </div>
  );
}
