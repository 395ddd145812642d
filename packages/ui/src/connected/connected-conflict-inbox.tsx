'use client';
// The open conflicts on this device, from the data layer, newest first and named after their documents. Open one
// with `onOpen` (into a ConnectedConflictDiffViewer); a selection can keep every local or every server value.
import { useConflicts, useResolveConflict } from '@syncline/data';
import { ConflictInbox, type ConflictInboxProps } from '../sync/conflict-inbox';
import { type DescribeDocument, describeDocument } from './describe-document';
import { countOf, reportDone, reportFailure } from './report';
import { choicesKeeping, conflictInboxItem } from './sync-records';

export type ConnectedConflictInboxProps = Omit<ConflictInboxProps, 'conflicts' | 'onResolveBatch'> & {
  /** Names each conflicting document (default: its title, name or number, see `describeDocument`). */
  describe?: DescribeDocument;
  /** Shown instead of the inbox while no conflict is open (default: the inbox with its own empty state). */
  empty?: React.ReactNode;
  /** Offer "Keep local" / "Keep server" for a selection of conflicts (default true). */
  batchResolve?: boolean;
};

export function ConnectedConflictInbox({
  describe = describeDocument,
  empty,
  batchResolve = true,
  ...props
}: ConnectedConflictInboxProps) {
  const conflicts = useConflicts();
  const resolve = useResolveConflict();
  if (conflicts.length === 0 && empty !== undefined) return empty;

  const resolveBatch = async (ids: string[], keep: 'local' | 'server') => {
    let resolved = 0;
    for (const record of conflicts.filter(({ id }) => ids.includes(id))) {
      try {
        await resolve(record.id, choicesKeeping(record, keep));
        resolved += 1;
      } catch (error) {
        reportFailure(error);
      }
    }
    if (resolved > 0) {
      reportDone(
        `${countOf(resolved, 'conflict')} resolved, keeping ${keep === 'local' ? 'this device' : 'the server'}'s values`,
      );
    }
  };

  return (
    <ConflictInbox
      conflicts={conflicts.map((record) => conflictInboxItem(record, describe))}
      onResolveBatch={batchResolve ? (ids, keep) => void resolveBatch(ids, keep) : undefined}
      {...props}
    />
  );
}
