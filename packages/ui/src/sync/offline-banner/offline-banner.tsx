'use client';
// A one-line banner for losing the network: "You're offline. Changes are saved on this device and will sync when
// you reconnect." Its box is always there at a fixed height (no layout shift when it appears), and it is the live
// region, so the change is announced. On reconnecting it confirms "Back online, all changes synced" for a moment.
import { CloudCheckIcon, CloudOffIcon, RefreshCwIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';

export type OfflineBannerProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  /** Whether the app can reach the server. */
  online: boolean;
  /** Writes still waiting for the server; while > 0 after reconnecting the banner says it is syncing them. */
  pendingCount?: number;
  /** How long "Back online, all changes synced" stays, in ms. */
  confirmationMs?: number;
};

type BannerMessage = 'none' | 'offline' | 'reconnecting' | 'synced';

const messages: Record<Exclude<BannerMessage, 'none'>, { icon: React.ReactNode; text: (pending: number) => string }> = {
  offline: {
    icon: <CloudOffIcon className="text-sync-offline" />,
    text: (pending) =>
      `You're offline. Changes are saved on this device and will sync when you reconnect.${
        pending ? ` ${pending} ${pending === 1 ? 'change' : 'changes'} waiting.` : ''
      }`,
  },
  reconnecting: {
    icon: <RefreshCwIcon className="text-sync-pending motion-safe:animate-sync-spin" />,
    text: (pending) => `Back online, syncing ${pending} ${pending === 1 ? 'change' : 'changes'}…`,
  },
  synced: { icon: <CloudCheckIcon className="text-sync-synced" />, text: () => 'Back online, all changes synced' },
};

export function OfflineBanner({
  online,
  pendingCount = 0,
  confirmationMs = 4000,
  className,
  ...props
}: OfflineBannerProps) {
  const [message, setMessage] = useState<BannerMessage>(online ? 'none' : 'offline');
  const wasOffline = useRef(!online);

  useEffect(() => {
    if (!online) {
      wasOffline.current = true;
      setMessage('offline');
      return;
    }
    if (!wasOffline.current) return;
    if (pendingCount > 0) {
      setMessage('reconnecting');
      return;
    }
    wasOffline.current = false;
    setMessage('synced');
  }, [online, pendingCount]);

  useEffect(() => {
    if (message !== 'synced' || !Number.isFinite(confirmationMs)) return;
    const id = setTimeout(() => setMessage('none'), confirmationMs);
    return () => clearTimeout(id);
  }, [message, confirmationMs]);

  const shown = message === 'none' ? null : messages[message];
  return (
    <div
      data-slot="offline-banner"
      data-state={message}
      role="status"
      aria-live="polite"
      className={cn(
        'flex h-10 items-center justify-center gap-2 overflow-hidden border-b px-4 text-foreground text-sm transition-colors duration-normal',
        shown ? 'border-border bg-surface-raised' : 'border-transparent bg-transparent',
        message === 'offline' && 'border-sync-offline',
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
            {shown.text(pendingCount)}
          </span>
        </>
      ) : null}
    </div>
  );
}
