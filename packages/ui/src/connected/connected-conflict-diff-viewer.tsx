'use client';
// One conflict record, by id, in the three-way viewer. Apply resolves it through the data layer, which writes the
// chosen values as a normal local write and records the resolution; the record then leaves the inbox.
import {
  type ConflictRecord,
  fieldTitles,
  type PlainDocument,
  type ResolveConflictOptions,
  useConflict,
  useResolveConflict,
  useSynclineDatabase,
} from '@syncline/data';
import { useMemo } from 'react';
import { EmptyState } from '../components/empty-state/empty-state';
import { ConflictDiffViewer, type ConflictDiffViewerProps } from '../sync/conflict-diff-viewer';
import { type DescribeDocument, describeDocument } from './describe-document';
import { reportDone, reportFailure } from './report';
import { conflictChoices, conflictLabel, conflictVersions, recognisable } from './sync-records';

export type ConnectedConflictDiffViewerProps = Omit<
  ConflictDiffViewerProps,
  'base' | 'local' | 'server' | 'ignoreFields' | 'onApply'
> & {
  /** The conflict record's id (`ConflictRecord.id`, as the inbox's `onOpen` gives it). */
  conflictId: string;
  /** Names the document in the title (default: its title, name or number, see `describeDocument`). */
  describe?: DescribeDocument;
  /**
   * The document's context under the title, from the version a person recognises (for an order: its number,
   * customer and status). Field labels come from the collection's schema (`title`s) by themselves.
   */
  contextOf?: (collectionName: string, doc: PlainDocument) => React.ReactNode;
  /** Adds to the resolved document in the same write, say a history entry "resolved by Ana" (see resolveConflict). */
  annotate?: ResolveConflictOptions['annotate'];
  /** Called once the resolution is written, say to go back to the inbox. */
  onResolved?: (record: ConflictRecord) => void;
  /** Shown when no open conflict has this id on this device (default: a short note saying so). */
  fallback?: React.ReactNode;
};

function NotOpen({ resolved }: { resolved: boolean }) {
  return resolved ? (
    <EmptyState title="Conflict resolved" description="The chosen values were saved as a normal edit." />
  ) : (
    <EmptyState
      title="No such conflict on this device"
      description="It may have been resolved already; open conflicts are listed in the inbox."
    />
  );
}

export function ConnectedConflictDiffViewer({
  conflictId,
  describe = describeDocument,
  onResolved,
  fallback,
  title,
  contextOf,
  annotate,
  ...props
}: ConnectedConflictDiffViewerProps) {
  const { conflict, loading } = useConflict(conflictId);
  const database = useSynclineDatabase();
  const resolve = useResolveConflict();
  const versions = useMemo(() => (conflict ? conflictVersions(conflict) : null), [conflict]);
  if (loading) return null;
  if (!conflict || !versions || conflict.status !== 'open') {
    return fallback === undefined ? <NotOpen resolved={conflict?.status === 'resolved'} /> : fallback;
  }
  const label = conflictLabel(conflict, describe);
  return (
    <ConflictDiffViewer
      key={conflict.id}
      title={title ?? label}
      context={contextOf?.(conflict.collectionName, recognisable(conflict))}
      fieldLabels={fieldTitles(database, conflict.collectionName)}
      {...versions}
      onApply={(resolution) =>
        void resolve(conflict.id, conflictChoices(conflict, resolution), annotate ? { annotate } : {}).then(() => {
          reportDone(`${label} resolved`);
          onResolved?.(conflict);
        }, reportFailure)
      }
      {...props}
    />
  );
}
