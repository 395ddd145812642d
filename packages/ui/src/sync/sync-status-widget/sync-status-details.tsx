'use client';
// The sync status widget's details, in their own chunk: the widget loads them the first time someone opens it, so
// its closed state carries no popover machinery. Opened and closed by the widget's own trigger (`open`); anchored to
// it, and hands focus back to it on Escape as a Radix trigger would.
import { useRef } from 'react';
import { Button } from '../../components/button/button';
import { Popover, PopoverAnchor, PopoverContent } from '../../components/popover/popover';
import { Progress } from '../../components/progress/progress';
import { cn } from '../../lib/cn';
import { formatRelativeTime } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { type SyncPhase, type SyncStatusSnapshot, syncPhaseDescription } from './sync-phase';

export type SyncList = 'pending' | 'failed' | 'conflicts';

export interface SyncStatusDetailsProps {
  /** The current time, for "Last synced 2 min ago"; omit to use a ticking clock. */
  now?: number | Date;
  onSyncNow?: () => void;
  onRetry?: () => void;
  /** Where each count links to; a count without a link or `onShowList` is plain text. */
  listHrefs?: Partial<Record<SyncList, string>>;
  onShowList?: (list: SyncList) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The widget's button: the details sit under it and give focus back to it. */
  trigger: React.RefObject<HTMLButtonElement | null>;
  /** The id the trigger's `aria-controls` names. */
  id: string;
  phase: SyncPhase;
  /** The widget's line, repeated as the details' heading. */
  label: string;
  status: SyncStatusSnapshot;
}

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

/** Its own component, so its clock runs only while the details are open, and moves on only when the words change. */
function LastSynced({ at, now: fixedNow }: { at: SyncStatusSnapshot['lastSyncedAt']; now?: number | Date }) {
  const now = useNow(fixedNow, 15_000, (time) => lastSyncedText(at, time));
  return (
    <p data-slot="sync-status-last-synced" className="text-foreground text-xs">
      {lastSyncedText(at, now)}
    </p>
  );
}

export function SyncStatusDetails({
  open,
  onOpenChange,
  trigger,
  id,
  phase,
  label,
  status,
  now: fixedNow,
  onSyncNow,
  onRetry,
  listHrefs,
  onShowList,
}: SyncStatusDetailsProps) {
  const { pendingCount = 0, failedCount = 0, conflictCount = 0, lastSyncedAt, progress } = status;
  // A click outside (the trigger included) leaves focus where the click put it; Escape brings it back to the trigger.
  const interactedOutside = useRef(false);
  return (
    <Popover open={open} onOpenChange={onOpenChange}>
      <PopoverAnchor virtualRef={trigger} />
      <PopoverContent
        id={id}
        align="end"
        data-slot="sync-status-details"
        aria-label="Sync details"
        className="grid gap-3"
        onInteractOutside={(event) => {
          interactedOutside.current = true;
          // the trigger toggles the details itself: a press on it is not a click outside
          if (trigger.current?.contains(event.target as Node)) event.preventDefault();
        }}
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          if (!interactedOutside.current) trigger.current?.focus();
          interactedOutside.current = false;
        }}
      >
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
  );
}
