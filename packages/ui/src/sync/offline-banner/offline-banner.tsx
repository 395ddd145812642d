'use client';
// A one-line banner for losing the network: "You're offline. Changes are saved on this device and will sync when
// you reconnect." Its box is always there at a fixed height (no layout shift when it appears), and it is the live
// region, so the change is announced. After reconnecting it follows the same phase as the status widget: syncing
// what waited, then "Back online, all changes synced" for a moment, or what still needs a person (a conflict to
// review, a failure), which stays until it is dealt with.
import { AlertTriangleIcon, CloudCheckIcon, CloudOffIcon, GitMergeIcon, RefreshCwIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { useShownPhase } from '../lib/use-shown-phase';
import {
  type BannerMessage,
  bannerMessage,
  deriveSyncPhase,
  needsReviewText,
  type SyncPhase,
  type SyncStatusSnapshot,
  splitSyncStatus,
} from '../sync-status-widget/sync-phase';

export type OfflineBannerProps = Omit<React.ComponentProps<'div'>, 'children'> &
  Omit<SyncStatusSnapshot, 'connection'> & {
    /** The connection, as the sync store reports it. */
    connection?: SyncStatusSnapshot['connection'];
    /** Shorthand for `connection`: whether the app can reach the server. */
    online?: boolean;
    /** The phase on screen, when the caller times it (shared with the status widget); else derived here. */
    phase?: SyncPhase;
    /** How long "Back online, all changes synced" stays, in ms. */
    confirmationMs?: number;
  };

type Shown = Exclude<BannerMessage, 'none'>;

const messages: Record<Shown, { icon: React.ReactNode; text: (status: SyncStatusSnapshot) => string }> = {
  offline: {
    icon: <CloudOffIcon className="text-sync-offline" />,
    text: ({ pendingCount: pending = 0 }) =>
      `You're offline. Changes are saved on this device and will sync when you reconnect.${
        pending ? ` ${pending} ${pending === 1 ? 'change' : 'changes'} waiting.` : ''
      }`,
  },
  reconnecting: {
    icon: <RefreshCwIcon className="text-sync-pending motion-safe:animate-sync-spin" />,
    text: ({ pendingCount: pending = 0 }) =>
      pending ? `Back online, syncing ${pending} ${pending === 1 ? 'change' : 'changes'}…` : 'Back online, syncing…',
  },
  'needs-review': {
    icon: <GitMergeIcon className="text-sync-conflict" />,
    text: ({ conflictCount = 0 }) => `Back online · ${needsReviewText(conflictCount)}`,
  },
  error: {
    icon: <AlertTriangleIcon className="text-sync-failed" />,
    text: () => 'Back online, but sync is not going through. Changes are kept on this device.',
  },
  synced: { icon: <CloudCheckIcon className="text-sync-synced" />, text: () => 'Back online, all changes synced' },
};

export function OfflineBanner({
  online,
  phase: timedPhase,
  confirmationMs = 4000,
  className,
  ...others
}: OfflineBannerProps) {
  const [given, props] = splitSyncStatus(others);
  const status: SyncStatusSnapshot = {
    ...given,
    connection: given.connection ?? (online === undefined ? undefined : online ? 'online' : 'offline'),
  };
  const ownPhase = useShownPhase(deriveSyncPhase(status), { settleDelayMs: 0 });
  const phase = timedPhase ?? ownPhase;
  // whether the connection dropped since the banner last went quiet
  const afterOffline = useRef(phase === 'offline');
  if (phase === 'offline') afterOffline.current = true;
  const message = bannerMessage(phase, status, afterOffline.current);
  const [confirmed, setConfirmed] = useState(false);

  useEffect(() => {
    if (message !== 'synced') {
      setConfirmed(false);
      return;
    }
    if (!Number.isFinite(confirmationMs)) return;
    const id = setTimeout(() => {
      afterOffline.current = false;
      setConfirmed(true);
    }, confirmationMs);
    return () => clearTimeout(id);
  }, [message, confirmationMs]);

  const state: BannerMessage = message === 'synced' && confirmed ? 'none' : message;
  const shown = state === 'none' ? null : messages[state];
  return (
    <div
      data-slot="offline-banner"
      data-state={state}
      role="status"
      aria-live="polite"
      className={cn(
        'flex items-center justify-center gap-2 overflow-hidden px-4 text-foreground text-sm transition-colors duration-normal',
        // the live region stays mounted (so changes are announced) but takes no room while there is nothing to say
        shown ? 'h-10 border-b border-border bg-surface-raised' : 'h-0',
        state === 'offline' && 'border-sync-offline',
        state === 'needs-review' && 'border-sync-conflict',
        className,
      )}
      {...props}
    >
      {shown ? (
        <>
          <span aria-hidden="true" className="flex [&_svg]:size-4">
            {shown.icon}
          </span>
          <span data-slot="offline-banner-text" className="truncate">
            {shown.text(status)}
          </span>
        </>
      ) : null}
    </div>
  );
}
