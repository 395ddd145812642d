'use client';
// A list row that carries its sync state: the dot (with the reason in a tooltip), the content, and actions.
// A failed row offers Retry and Discard right in the row; the tooltip says why it failed.
import { Button } from '../../components/button/button';
import { Tooltip, TooltipContent, TooltipTrigger } from '../../components/tooltip/tooltip';
import { cn } from '../../lib/cn';
import { SyncDot, type SyncState, syncStateLabel } from '../sync-dot/sync-dot';

export type SyncRowProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  state: SyncState;
  /** Why the row is in this state, e.g. "items[2].quantity must be at least 1". */
  reason?: string;
  children: React.ReactNode;
  /** Extra actions at the end of the row (links, menus). */
  actions?: React.ReactNode;
  onRetry?: () => void;
  onDiscard?: () => void;
  /** What the row is, for the Retry / Discard buttons' names ("Retry order 1042"). */
  itemLabel?: string;
};

const stateWord = { synced: 'Synced', pending: 'Pending', failed: 'Failed', conflict: 'Conflict' } as const;

/** The tooltip sentence: "Failed: items[2].quantity must be at least 1 — Retry / Discard". */
export function syncRowHint(state: SyncState, reason?: string, canRetry = false, canDiscard = false): string {
  const offers = [canRetry && 'Retry', canDiscard && 'Discard'].filter(Boolean).join(' / ');
  const head = reason ? `${stateWord[state]}: ${reason}` : syncStateLabel[state];
  return offers ? `${head} — ${offers}` : head;
}

export function SyncRow({
  state,
  reason,
  children,
  actions,
  onRetry,
  onDiscard,
  itemLabel,
  className,
  ...props
}: SyncRowProps) {
  const canRetry = (state === 'failed' || state === 'conflict') && !!onRetry;
  const canDiscard = state !== 'synced' && !!onDiscard;
  const hint = syncRowHint(state, reason, canRetry, canDiscard);
  const suffix = itemLabel ? ` ${itemLabel}` : '';
  return (
    <div
      data-slot="sync-row"
      data-state={state}
      className={cn(
        'flex min-h-control-md items-center gap-3 rounded-md px-3 py-2 text-foreground text-sm',
        state === 'failed' && 'bg-error-subtle/40',
        className,
      )}
      {...props}
    >
      {state === 'synced' && !reason ? (
        <span data-slot="sync-row-dot" className="inline-flex size-5 items-center justify-center">
          <SyncDot state={state} />
        </span>
      ) : (
        <Tooltip>
          <TooltipTrigger asChild>
            <button
              type="button"
              data-slot="sync-row-dot"
              aria-label={hint}
              className="inline-flex size-5 shrink-0 cursor-help items-center justify-center rounded-full outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              <SyncDot state={state} aria-hidden="true" />
            </button>
          </TooltipTrigger>
          <TooltipContent side="top" align="start">
            {hint}
          </TooltipContent>
        </Tooltip>
      )}
      <div data-slot="sync-row-content" className="min-w-0 flex-1">
        {children}
      </div>
      {actions || canRetry || canDiscard ? (
        <div data-slot="sync-row-actions" className="flex shrink-0 items-center gap-1">
          {actions}
          {canRetry ? (
            <Button size="sm" variant="outline" onClick={onRetry} aria-label={`Retry${suffix}`}>
              Retry
            </Button>
          ) : null}
          {canDiscard ? (
            <Button size="sm" variant="ghost" onClick={onDiscard} aria-label={`Discard${suffix}`}>
              Discard
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
