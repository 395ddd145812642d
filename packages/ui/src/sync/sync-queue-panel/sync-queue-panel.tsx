'use client';
// The writes still on this device: failed ones first, then pending, each with its document, operation, age,
// attempts and last error. Retry or discard one or all; discarding always asks first, since it throws work away.
import { useId, useState } from 'react';
import { Badge } from '../../components/badge/badge';
import { Button } from '../../components/button/button';
import { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../components/empty-state/empty-state';
import { cn } from '../../lib/cn';
import { discardAllCopy, discardOneCopy } from '../lib/discard-copy';
import { formatRelativeTime, type Moment } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { SyncRow } from '../sync-row/sync-row';

export type SyncOperation = 'insert' | 'update' | 'delete';

export interface SyncQueueItem {
  /** Unique per queued write. */
  id: string;
  collection: string;
  documentId: string;
  /** What a person calls the document, e.g. "Order 1042"; defaults to "collection documentId". */
  documentLabel?: string;
  operation: SyncOperation;
  /** For an edit: what a person calls the fields it changed ("notes", "priority"). */
  fields?: readonly string[];
  state: 'pending' | 'failed';
  /** When the write was made on this device. */
  queuedAt: Moment;
  attempts: number;
  lastError?: string | null;
}

export type SyncQueuePanelProps = Omit<React.ComponentProps<'section'>, 'children'> & {
  items: readonly SyncQueueItem[];
  now?: Moment;
  onRetry?: (id: string) => void;
  onDiscard?: (id: string) => void;
  onRetryAll?: () => void;
  onDiscardAll?: () => void;
  title?: string;
};

const operationLabel = { insert: 'New', update: 'Edit', delete: 'Delete' } as const;

/** "notes", "notes and priority", "notes, priority and tags" */
function listOf(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** What the write does, in words: "New", "Edit of notes and priority", "Delete". */
export function changeText(item: Pick<SyncQueueItem, 'operation' | 'fields'>): string {
  if (item.operation === 'update' && item.fields?.length) {
    return `Edit of ${listOf(item.fields.map((field) => field.toLowerCase()))}`;
  }
  return operationLabel[item.operation];
}

type PendingDiscard = { kind: 'one'; item: SyncQueueItem } | { kind: 'all' } | null;

function labelOf(item: SyncQueueItem) {
  return item.documentLabel ?? `${item.collection} ${item.documentId}`;
}

export function SyncQueuePanel({
  items,
  now: fixedNow,
  onRetry,
  onDiscard,
  onRetryAll,
  onDiscardAll,
  title = 'Waiting to sync',
  className,
  ...props
}: SyncQueuePanelProps) {
  // Re-renders when an item's "Saved 2 min ago" changes, not on every tick.
  const now = useNow(fixedNow, 15_000, (time) => items.map((item) => formatRelativeTime(item.queuedAt, time)).join());
  const [discard, setDiscard] = useState<PendingDiscard>(null);
  const failed = items.filter((item) => item.state === 'failed');
  const pending = items.filter((item) => item.state === 'pending');
  const headingId = useId();

  const confirmDiscard = () => {
    if (discard?.kind === 'one') onDiscard?.(discard.item.id);
    if (discard?.kind === 'all') onDiscardAll?.();
    setDiscard(null);
  };

  const group = (name: string, list: SyncQueueItem[]) =>
    list.length === 0 ? null : (
      <div data-slot="sync-queue-group" className="grid gap-1">
        <h3 className="px-3 font-medium text-foreground-muted text-xs uppercase tracking-wide">
          {name} <span className="font-mono tabular-nums">({list.length})</span>
        </h3>
        <ul className="grid gap-1">
          {list.map((item) => (
            <li key={item.id} data-slot="sync-queue-item">
              <SyncRow
                state={item.state}
                reason={item.lastError ?? undefined}
                itemLabel={labelOf(item)}
                onRetry={onRetry ? () => onRetry(item.id) : undefined}
                onDiscard={onDiscard ? () => setDiscard({ kind: 'one', item }) : undefined}
              >
                <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
                  <span className="truncate font-medium">{labelOf(item)}</span>
                  <Badge variant={item.operation === 'delete' ? 'error' : 'neutral'}>{changeText(item)}</Badge>
                </div>
                <p className="text-foreground-muted text-xs">
                  Saved {formatRelativeTime(item.queuedAt, now)} ·{' '}
                  {item.attempts === 0
                    ? 'not sent yet'
                    : `${item.attempts} ${item.attempts === 1 ? 'attempt' : 'attempts'}`}
                </p>
                {item.lastError ? (
                  <p data-slot="sync-queue-error" className="text-error-text text-xs">
                    {item.lastError}
                  </p>
                ) : null}
              </SyncRow>
            </li>
          ))}
        </ul>
      </div>
    );

  return (
    <section
      data-slot="sync-queue-panel"
      aria-labelledby={headingId}
      className={cn('grid gap-3 rounded-lg border border-border bg-surface p-3 text-foreground', className)}
      {...props}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 px-1">
        <h2 id={headingId} className="font-display font-semibold text-base">
          {title}
        </h2>
        {items.length > 0 ? (
          <div className="flex gap-2">
            {onRetryAll && failed.length > 0 ? (
              <Button size="sm" variant="outline" onClick={onRetryAll}>
                Retry all failed
              </Button>
            ) : null}
            {onDiscardAll ? (
              <Button size="sm" variant="ghost" onClick={() => setDiscard({ kind: 'all' })}>
                Discard all
              </Button>
            ) : null}
          </div>
        ) : null}
      </header>
      {items.length === 0 ? (
        <EmptyState title="Nothing waiting to sync" description="Every change on this device is on the server." />
      ) : (
        <>
          {group('Failed', failed)}
          {group('Pending', pending)}
        </>
      )}
      <ConfirmDialog
        open={discard !== null}
        onCancel={() => setDiscard(null)}
        onConfirm={confirmDiscard}
        danger
        cancelLabel="Keep"
        confirmLabel="Discard"
        {...(discard?.kind === 'all'
          ? discardAllCopy(items.length)
          : discardOneCopy(discard?.kind === 'one' ? labelOf(discard.item) : undefined))}
      />
    </section>
  );
}
