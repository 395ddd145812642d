'use client';
// The writes still on this device, from the data layer: Retry and "Retry all failed" ask the replication to sync
// now, Discard and "Discard all" (after the panel's confirmation) put the documents back to the server's state.
import { fieldTitles, usePendingWrites, useSyncControls, useSynclineDatabase } from '@syncline/data';
import { SyncQueuePanel, type SyncQueuePanelProps } from '../sync/sync-queue-panel';
import { type DescribeDocument, describeDocument } from './describe-document';
import { countOf, reportDone, reportFailure } from './report';
import { syncQueueItem } from './sync-records';

const noFields: readonly string[] = [];

export type ConnectedSyncQueuePanelProps = Omit<
  SyncQueuePanelProps,
  'items' | 'onRetry' | 'onRetryAll' | 'onDiscard' | 'onDiscardAll'
> & {
  /** Names each queued document (default: its title, name or number, see `describeDocument`). */
  describe?: DescribeDocument;
  /**
   * Fields left out of "Edit of …" because every edit changes them, not the person: an audit history the app
   * appends to, say. (Syncline's own clocks are never listed.)
   */
  quietFields?: readonly string[];
};

export function ConnectedSyncQueuePanel({
  describe = describeDocument,
  quietFields = noFields,
  ...props
}: ConnectedSyncQueuePanelProps) {
  const writes = usePendingWrites();
  const database = useSynclineDatabase();
  const { retry, discard } = useSyncControls();
  const targetsOf = (chosen: typeof writes) =>
    chosen.map(({ record }) => ({ collectionName: record.collectionName, documentId: record.documentId }));
  const retryWrites = (chosen: typeof writes) => void retry(targetsOf(chosen)).catch(reportFailure);
  const discardWrites = (chosen: typeof writes) =>
    discard(targetsOf(chosen)).then(
      () => reportDone(chosen.length === 1 ? 'Change discarded' : `${countOf(chosen.length, 'change')} discarded`),
      reportFailure,
    );
  return (
    <SyncQueuePanel
      items={writes.map(({ record, doc }) =>
        syncQueueItem(
          { ...record, fields: record.fields?.filter((field) => !quietFields.includes(field)) },
          doc,
          describe,
          fieldTitles(database, record.collectionName),
        ),
      )}
      onRetry={(id) => retryWrites(writes.filter(({ record }) => record.id === id))}
      onRetryAll={() => retryWrites(writes.filter(({ record }) => record.state === 'failed'))}
      onDiscard={(id) => void discardWrites(writes.filter(({ record }) => record.id === id))}
      onDiscardAll={() => void discardWrites(writes)}
      {...props}
    />
  );
}
