// The per-row sync dot: synced, pending (a soft pulse that stops under reduced motion), failed or conflict.
// Each state has its own shape as well as its colour, and an accessible name, so colour is never the only signal.
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from '../../lib/cn';

const syncDot = cva('inline-block size-2 shrink-0', {
  variants: {
    state: {
      synced: 'rounded-full bg-sync-synced',
      pending: 'rounded-full bg-sync-pending motion-safe:animate-pulse-soft',
      failed: 'rounded-[1px] bg-sync-failed',
      conflict: 'rounded-full bg-sync-conflict ring-2 ring-sync-conflict/40',
    },
  },
});

export const syncStateLabel = {
  synced: 'Synced',
  pending: 'Waiting to sync',
  failed: 'Sync failed',
  conflict: 'Needs review',
} as const;

export type SyncState = keyof typeof syncStateLabel;

export type SyncDotProps = Omit<React.ComponentProps<'span'>, 'children'> &
  VariantProps<typeof syncDot> & {
    state: SyncState;
    /** Overrides the accessible name, e.g. "2 commands waiting to sync". */
    label?: string;
  };

export function SyncDot({ state, label, className, ...props }: SyncDotProps) {
  return (
    <span
      data-slot="sync-dot"
      data-state={state}
      role="img"
      aria-label={label ?? syncStateLabel[state]}
      className={cn(syncDot({ state }), className)}
      {...props}
    />
  );
}
