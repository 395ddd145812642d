'use client';
// Every open conflict across records, newest first: which document, which fields, when. Open one to resolve it
// field by field, or select several and keep all local or all server values in one go (after a confirmation).
import { useMemo, useState } from 'react';
import { Button } from '../../components/button/button';
import { Checkbox } from '../../components/checkbox/checkbox';
import { ConfirmDialog } from '../../components/confirm-dialog/confirm-dialog';
import { EmptyState } from '../../components/empty-state/empty-state';
import { cn } from '../../lib/cn';
import { formatRelativeTime, type Moment, toMillis } from '../lib/relative-time';
import { useNow } from '../lib/use-now';
import { SyncDot } from '../sync-dot/sync-dot';

export interface ConflictInboxItem {
  id: string;
  collection: string;
  documentId: string;
  /** What a person calls the document, e.g. "Order 1042". */
  documentLabel?: string;
  /** The fields that need a decision. */
  fields: readonly string[];
  detectedAt: Moment;
}

export type BatchResolution = 'local' | 'server';

export type ConflictInboxProps = Omit<React.ComponentProps<'section'>, 'children'> & {
  conflicts: readonly ConflictInboxItem[];
  now?: Moment;
  /** Open one conflict in the diff viewer. */
  onOpen?: (id: string) => void;
  /** Resolve the selected conflicts by keeping every local or every server value. */
  onResolveBatch?: (ids: string[], keep: BatchResolution) => void;
  title?: string;
};

function labelOf(item: ConflictInboxItem) {
  return item.documentLabel ?? `${item.collection} ${item.documentId}`;
}

export function ConflictInbox({
  conflicts,
  now: fixedNow,
  onOpen,
  onResolveBatch,
  title = 'Conflicts',
  className,
  ...props
}: ConflictInboxProps) {
  // Re-renders when a conflict's "detected 2 min ago" changes, not on every tick.
  const now = useNow(fixedNow, 15_000, (time) =>
    conflicts.map((item) => formatRelativeTime(item.detectedAt, time)).join(),
  );
  const sorted = useMemo(
    () => [...conflicts].sort((a, b) => toMillis(b.detectedAt) - toMillis(a.detectedAt)),
    [conflicts],
  );
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<BatchResolution | null>(null);
  const live = sorted.filter((item) => selected.has(item.id));
  const allChecked =
    live.length > 0 && live.length === sorted.length ? true : live.length > 0 ? 'indeterminate' : false;

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const resolve = () => {
    if (!confirm) return;
    onResolveBatch?.(
      live.map((item) => item.id),
      confirm,
    );
    setSelected(new Set());
    setConfirm(null);
  };

  return (
    <section
      data-slot="conflict-inbox"
      aria-label={title}
      className={cn('grid gap-3 rounded-lg border border-border bg-surface p-3 text-foreground', className)}
      {...props}
    >
      <header className="flex flex-wrap items-center justify-between gap-2 px-1">
        <h2 className="font-display font-semibold text-base">
          {title} <span className="font-mono text-foreground-muted tabular-nums">({sorted.length})</span>
        </h2>
        {onResolveBatch && sorted.length > 0 ? (
          <div className="flex items-center gap-2">
            <span className="text-foreground-muted text-xs" aria-live="polite">
              {live.length} selected
            </span>
            <Button size="sm" variant="outline" disabled={live.length === 0} onClick={() => setConfirm('local')}>
              Keep local
            </Button>
            <Button size="sm" variant="outline" disabled={live.length === 0} onClick={() => setConfirm('server')}>
              Keep server
            </Button>
          </div>
        ) : null}
      </header>
      {sorted.length === 0 ? (
        <EmptyState title="No conflicts" description="Every change merged by itself." />
      ) : (
        <ul className="grid gap-1">
          {onResolveBatch ? (
            <li className="flex items-center gap-3 px-3 py-1 text-foreground-muted text-xs">
              <Checkbox
                aria-label="Select all conflicts"
                checked={allChecked}
                onCheckedChange={(on) => setSelected(on === true ? new Set(sorted.map((item) => item.id)) : new Set())}
              />
              <span>Newest first</span>
            </li>
          ) : null}
          {sorted.map((item) => (
            <li
              key={item.id}
              data-slot="conflict-inbox-item"
              className="flex items-center gap-3 rounded-md px-3 py-2 hover:bg-background-subtle"
            >
              {onResolveBatch ? (
                <Checkbox
                  aria-label={`Select ${labelOf(item)}`}
                  checked={selected.has(item.id)}
                  onCheckedChange={(on) => toggle(item.id, on === true)}
                />
              ) : null}
              <SyncDot state="conflict" />
              <div className="min-w-0 flex-1">
                <p className="truncate font-medium text-sm">{labelOf(item)}</p>
                <p className="truncate text-foreground-muted text-xs">
                  {item.fields.length} {item.fields.length === 1 ? 'field' : 'fields'}: {item.fields.join(', ')} ·{' '}
                  {formatRelativeTime(item.detectedAt, now)}
                </p>
              </div>
              {onOpen ? (
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() => onOpen(item.id)}
                  aria-label={`Review ${labelOf(item)}`}
                >
                  Review
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={confirm !== null}
        onCancel={() => setConfirm(null)}
        onConfirm={resolve}
        confirmLabel={`Keep ${confirm}`}
        title={`Keep every ${confirm} value in ${live.length} ${live.length === 1 ? 'document' : 'documents'}?`}
        description={
          confirm === 'local'
            ? 'The values from this device replace the server values in every conflicting field.'
            : 'The server values stay; the conflicting values from this device are dropped.'
        }
      />
    </section>
  );
}
