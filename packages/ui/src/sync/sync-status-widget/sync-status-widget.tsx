'use client';
// The sync status of the whole app in one pill: online and idle, sending or receiving (with progress during the
// first sync), conflicts that need review, offline with N pending, error with Retry, stalled, or unknown. A calm
// change shows only after it has held for `settleDelayMs`, so a blip never flickers, and a sync stays on screen
// long enough to be read; the words live in a polite `role="status"`. With `showLastSynced` it says when the server
// last answered where the header has room. Its popover gives the last server acknowledgement, the pending / failed /
// conflict counts (linking to their lists) and "Sync now".
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
import { Button } from '../../components/button/button';
import { Popover, PopoverContent, PopoverTrigger } from '../../components/popover/popover';
import { Progress } from '../../components/progress/progress';
import { cn } from '../../lib/cn';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { useShownPhase } from '../lib/use-shown-phase';
import {
  deriveSyncPhase,
  type SyncPhase,
  type SyncStatusSnapshot,
  splitSyncStatus,
  syncPhaseDescription,
  syncPhaseLabel,
} from './sync-phase';

export type SyncList = 'pending' | 'failed' | 'conflicts';

export type SyncStatusWidgetProps = Omit<React.ComponentProps<'div'>, 'children'> &
  SyncStatusSnapshot & {
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
    /** The current time, for "Last synced 2 min ago"; omit to use a ticking clock. */
    now?: number | Date;
    onSyncNow?: () => void;
    onRetry?: () => void;
    /** Where each count links to; a count without a link or `onShowList` is plain text. */
    listHrefs?: Partial<Record<SyncList, string>>;
    onShowList?: (list: SyncList) => void;
    /** Open the details popover from the start (stories, screenshots). */
    defaultOpen?: boolean;
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

const phaseBorder: Record<SyncPhase, string> = {
  unknown: 'border-border',
  offline: 'border-sync-offline',
  error: 'border-sync-failed',
  stalled: 'border-sync-stale',
  connecting: 'border-border',
  'initial-sync': 'border-sync-pending',
  'syncing-up': 'border-sync-pending',
  'syncing-down': 'border-sync-pending',
  'needs-review': 'border-sync-conflict',
  idle: 'border-border',
};

/** The words after a count: "1 conflict", "2 conflicts"; pending and failed read the same for any count. */
const listLabel = (list: SyncList, count: number) =>
  list === 'conflicts' ? (count === 1 ? 'conflict' : 'conflicts') : list;

function CountLink({
  list,
  count,
  href,
  onShowList,
}: {
  list: SyncList;
  count: number;
  href?: string;
  onShowList?: (list: SyncList) => void;
}) {
  const text = (
    <>
      <span className="font-medium font-mono tabular-nums">{count}</span> {listLabel(list, count)}
    </>
  );
  const classes = 'flex items-center justify-between gap-2 rounded-sm px-2 py-1 text-sm';
  if (href)
    return (
      <a
        data-slot="sync-status-count"
        data-list={list}
        href={href}
        className={cn(classes, 'text-primary-text underline-offset-2 hover:underline')}
      >
        <span>{text}</span>
      </a>
    );
  if (onShowList)
    return (
      <button
        type="button"
        data-slot="sync-status-count"
        data-list={list}
        onClick={() => onShowList(list)}
        className={cn(
          classes,
          'w-full cursor-pointer text-left text-primary-text hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring',
        )}
      >
        <span>{text}</span>
      </button>
    );
  return (
    <span data-slot="sync-status-count" data-list={list} className={cn(classes, 'text-foreground')}>
      <span>{text}</span>
    </span>
  );
}

function lastSyncedText(lastSyncedAt: SyncStatusSnapshot['lastSyncedAt'], now: number) {
  return lastSyncedAt == null
    ? 'Not synced with the server yet'
    : `Last synced ${formatRelativeTime(lastSyncedAt, now)}`;
}

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

/** Its own component, so its clock runs only while the details are open, and moves on only when the words change. */
function LastSynced({ at, now: fixedNow }: { at: SyncStatusSnapshot['lastSyncedAt']; now?: number | Date }) {
  const now = useNow(fixedNow, 15_000, (time) => lastSyncedText(at, time));
  return (
    <p data-slot="sync-status-last-synced" className="text-foreground text-xs">
      {lastSyncedText(at, now)}
    </p>
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
  className,
  ...others
}: SyncStatusWidgetProps) {
  const [status, props] = splitSyncStatus(others);
  const { pendingCount = 0, failedCount = 0, conflictCount = 0, lastSyncedAt, progress } = status;
  const ownPhase = useShownPhase(deriveSyncPhase(status), { settleDelayMs, minBusyMs });
  const phase = timedPhase ?? ownPhase;
  const label = syncPhaseLabel(phase, status);

  return (
    <div
      data-slot="sync-status-widget"
      data-phase={phase}
      className={cn(
        'inline-flex h-control-sm items-center gap-1 rounded-full border bg-surface pl-2.5 text-foreground text-xs shadow-sm',
        phaseBorder[phase],
        className,
      )}
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
        <Button size="sm" variant="link" className="h-6 px-1 text-xs" onClick={onRetry}>
          Retry
        </Button>
      ) : null}
      <Popover defaultOpen={defaultOpen}>
        <PopoverTrigger asChild>
          <button
            type="button"
            aria-label="Sync details"
            className="inline-flex size-6 cursor-pointer items-center justify-center rounded-full text-foreground-muted outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          >
            <ChevronDownIcon aria-hidden="true" className="size-3.5" />
          </button>
        </PopoverTrigger>
        <PopoverContent align="end" data-slot="sync-status-details" aria-label="Sync details" className="grid gap-3">
          <div className="grid gap-1">
            <p className="font-medium text-foreground text-sm">{label}</p>
            <p className="text-foreground-muted text-xs">{syncPhaseDescription(phase, status)}</p>
          </div>
          {phase === 'initial-sync' ? (
            <Progress value={Math.round((progress ?? 0) * 100)} aria-label="Initial sync progress" />
          ) : null}
          <LastSynced at={lastSyncedAt} now={fixedNow} />
          <nav aria-label="Sync lists" className="-mx-2 grid">
            <CountLink list="pending" count={pendingCount} href={listHrefs?.pending} onShowList={onShowList} />
            <CountLink list="failed" count={failedCount} href={listHrefs?.failed} onShowList={onShowList} />
            <CountLink list="conflicts" count={conflictCount} href={listHrefs?.conflicts} onShowList={onShowList} />
          </nav>
          <div className="flex justify-end gap-2">
            {phase === 'error' && onRetry ? (
              <Button size="sm" variant="outline" onClick={onRetry}>
                Retry
              </Button>
            ) : null}
            {onSyncNow ? (
              <Button size="sm" onClick={onSyncNow} disabled={phase === 'offline'}>
                Sync now
              </Button>
            ) : null}
          </div>
          {phase === 'offline' && onSyncNow ? (
            <p className="text-foreground-muted text-xs">Sync resumes by itself when you reconnect.</p>
          ) : null}
        </PopoverContent>
      </Popover>
    </div>
  );
}
