'use client';
// The sync status of the whole app in one pill: online and idle, sending or receiving (with progress during the
// first sync), conflicts that need review, offline with N pending, error with Retry, stalled, or unknown. A calm
// change shows only after it has held for `settleDelayMs`, so a blip never flickers, and a sync stays on screen
// long enough to be read; the words live in a polite `role="status"`. With `showLastSynced` it says when the server
// last answered where the header has room. Its popover gives the last server acknowledgement, the pending / failed /
// conflict counts (linking to their lists) and "Sync now"; it loads on the first open (sync-status-details.tsx), so
// the pill in every header costs no popover code. The pill joins classes with clsx, not tailwind-merge: its own look
// is `kit:` (zero specificity), so a class passed in `className` overrides it all the same.
import { cva, type VariantProps } from 'class-variance-authority';
import { clsx } from 'clsx';
import {
  AlertTriangleIcon,
  ArrowDownIcon,
  ArrowUpIcon,
  ChevronDownIcon,
  CircleHelpIcon,
  CloudCheckIcon,
  CloudOffIcon,
  GitMergeIcon,
  HourglassIcon,
  LoaderIcon,
} from 'lucide-react';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { buttonVariants } from '../../components/button/button-variants';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { useShownPhase } from '../lib/use-shown-phase';
import {
  deriveSyncPhase,
  type SyncPhase,
  type SyncStatusSnapshot,
  splitSyncStatus,
  syncPhaseLabel,
} from './sync-phase';
import type { SyncStatusDetailsProps } from './sync-status-details';

export type { SyncList } from './sync-status-details';

const SyncStatusDetails = lazy<React.ComponentType<SyncStatusDetailsProps>>(() =>
  import('./sync-status-details').then(
    (module) => ({ default: module.SyncStatusDetails }),
    // the details could not load (offline before they were cached, a deploy since): the pill stays, without them,
    // rather than taking the app's header down with it
    () => ({ default: () => null }),
  ),
);

/** `className` goes on the pill; any class in it wins over the pill's own (its border, radius, height, colours). */
export type SyncStatusWidgetProps = Omit<React.ComponentProps<'div'>, 'children'> &
  SyncStatusSnapshot &
  Pick<SyncStatusDetailsProps, 'now' | 'onSyncNow' | 'onRetry' | 'listHrefs' | 'onShowList'> & {
    /** How long a new state must hold before it shows, in ms. 0 shows every change at once. */
    settleDelayMs?: number;
    /** How long sending or receiving stays on screen at least, in ms, however short the sync. */
    minBusyMs?: number;
    /**
     * The phase to show, when the caller times it (the connected views share one timing so the header, the banner
     * and the Sync page never disagree); otherwise derived from the status and timed here.
     */
    phase?: SyncPhase;
    /** Say when the server last answered next to the status, where the header has room (from `md` up). */
    showLastSynced?: boolean;
    /** Open the details popover from the start (stories, screenshots). */
    defaultOpen?: boolean;
    /** Whether the details are open, when the caller holds it (with `onOpenChange`); otherwise the widget does. */
    open?: boolean;
    /** Told when a person opens or closes the details (a click, Escape, a click or focus elsewhere). */
    onOpenChange?: (open: boolean) => void;
  };

const phaseIcon: Record<SyncPhase, React.ReactNode> = {
  unknown: <CircleHelpIcon className="text-foreground-muted" />,
  offline: <CloudOffIcon className="text-sync-offline" />,
  error: <AlertTriangleIcon className="text-sync-failed" />,
  stalled: <HourglassIcon className="text-sync-stale" />,
  connecting: <LoaderIcon className="text-sync-pending motion-safe:animate-sync-spin" />,
  'initial-sync': <ArrowDownIcon className="text-sync-pending" />,
  'syncing-up': <ArrowUpIcon className="text-sync-pending motion-safe:animate-pulse-soft" />,
  'syncing-down': <ArrowDownIcon className="text-sync-pending motion-safe:animate-pulse-soft" />,
  'needs-review': <GitMergeIcon className="text-sync-conflict" />,
  idle: <CloudCheckIcon className="text-sync-synced" />,
};

/** The pill: its border takes the colour of the phase it shows. */
export const syncStatusPillVariants = cva(
  'kit:inline-flex kit:h-control-sm kit:items-center kit:gap-1 kit:rounded-full kit:border kit:bg-surface kit:pl-2.5 kit:text-foreground kit:text-xs kit:shadow-sm',
  {
    variants: {
      phase: {
        unknown: 'kit:border-border',
        offline: 'kit:border-sync-offline',
        error: 'kit:border-sync-failed',
        stalled: 'kit:border-sync-stale',
        connecting: 'kit:border-border',
        'initial-sync': 'kit:border-sync-pending',
        'syncing-up': 'kit:border-sync-pending',
        'syncing-down': 'kit:border-sync-pending',
        'needs-review': 'kit:border-sync-conflict',
        idle: 'kit:border-border',
      } satisfies Record<SyncPhase, string>,
    },
  },
);

export type SyncStatusPillVariants = VariantProps<typeof syncStatusPillVariants>;

/** "· 2 min ago" beside the status: its own component, so its clock moves it on only when the words change. */
function LastSyncedBeside({ at, now: fixedNow }: { at: number | Date | string; now?: number | Date }) {
  const now = useNow(fixedNow, 15_000, (time) => formatRelativeTime(at, time));
  return (
    <span
      data-slot="sync-status-last-synced-short"
      className="hidden whitespace-nowrap text-foreground-muted md:inline"
    >
      <span className="sr-only">Last synced </span>· {formatRelativeTime(at, now)}
    </span>
  );
}

export function SyncStatusWidget({
  settleDelayMs,
  minBusyMs,
  phase: timedPhase,
  showLastSynced,
  now: fixedNow,
  onSyncNow,
  onRetry,
  listHrefs,
  onShowList,
  defaultOpen,
  open: heldOpen,
  onOpenChange,
  className,
  ...others
}: SyncStatusWidgetProps) {
  const [status, props] = splitSyncStatus(others);
  const { lastSyncedAt } = status;
  const [ownOpen, setOwnOpen] = useState(Boolean(defaultOpen));
  const open = heldOpen ?? ownOpen;
  const setOpen = (next: boolean) => {
    if (heldOpen === undefined) setOwnOpen(next);
    onOpenChange?.(next);
  };
  // the details load on the first open and stay mounted after (Radix unmounts their content while closed)
  const [asked, setAsked] = useState(open);
  if (open && !asked) setAsked(true);
  const trigger = useRef<HTMLButtonElement>(null);
  const detailsId = useId();
  const ownPhase = useShownPhase(deriveSyncPhase(status), { settleDelayMs, minBusyMs });
  const phase = timedPhase ?? ownPhase;
  const label = syncPhaseLabel(phase, status);

  return (
    <div
      data-slot="sync-status-widget"
      data-phase={phase}
      className={clsx(syncStatusPillVariants({ phase }), className)}
      {...props}
    >
      <span aria-hidden="true" className="flex [&_svg]:size-3.5">
        {phaseIcon[phase]}
      </span>
      <span data-slot="sync-status-label" role="status" aria-live="polite" className="whitespace-nowrap font-medium">
        {label}
      </span>
      {showLastSynced && lastSyncedAt != null && phase !== 'unknown' ? (
        <LastSyncedBeside at={lastSyncedAt} now={fixedNow} />
      ) : null}
      {phase === 'error' && onRetry ? (
        <button
          type="button"
          data-slot="button"
          className={buttonVariants({ variant: 'link', size: 'inline' })}
          onClick={onRetry}
        >
          Retry
        </button>
      ) : null}
      <button
        ref={trigger}
        type="button"
        aria-label="Sync details"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? detailsId : undefined}
        data-state={open ? 'open' : 'closed'}
        onClick={() => {
          setAsked(true);
          setOpen(!open);
        }}
        className="inline-flex size-6 cursor-pointer items-center justify-center rounded-full text-foreground-muted outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
      >
        <ChevronDownIcon aria-hidden="true" className="size-3.5" />
      </button>
      {asked ? (
        // nothing inline while the details load: they open, in a portal, as soon as they are there
        <Suspense fallback={null}>
          <SyncStatusDetails
            open={open}
            onOpenChange={setOpen}
            trigger={trigger}
            id={detailsId}
            phase={phase}
            label={label}
            status={status}
            now={fixedNow}
            onSyncNow={onSyncNow}
            onRetry={onRetry}
            listHrefs={listHrefs}
            onShowList={onShowList}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
