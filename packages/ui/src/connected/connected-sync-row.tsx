'use client';
// A list row with its document's live sync state: the dot, the reason a write was refused, Retry (sync now) for
// a failed write and Discard for any unsynced one, confirmed first since it throws the change away.
import { useDocSyncState, useSyncControls, useSyncRecord } from '@syncline/data';
import { useState } from 'react';
import { ConfirmDialog } from '../components/confirm-dialog/confirm-dialog';
import { discardOneCopy } from '../sync/lib/discard-copy';
import { SyncRow, type SyncRowProps } from '../sync/sync-row';
import { reportDone, reportFailure } from './report';

export type ConnectedSyncRowProps = Omit<SyncRowProps, 'state' | 'reason' | 'onRetry' | 'onDiscard'> & {
  /** The document's collection, as named in the database. */
  collection: string;
  /** The document's primary key. */
  id: string;
  /** Offer Discard for a pending or failed write (default true). */
  discardable?: boolean;
};

export function ConnectedSyncRow({ collection, id, discardable = true, itemLabel, ...props }: ConnectedSyncRowProps) {
  const state = useDocSyncState(collection, id);
  const record = useSyncRecord(collection, id);
  const { retry, discard } = useSyncControls();
  const [confirming, setConfirming] = useState(false);
  const confirmDiscard = () => {
    setConfirming(false);
    discard([{ collectionName: collection, documentId: id }]).then(() => reportDone('Change discarded'), reportFailure);
  };
  return (
    <>
      <SyncRow
        state={state}
        reason={record?.error}
        itemLabel={itemLabel}
        onRetry={
          state === 'failed'
            ? () => void retry([{ collectionName: collection, documentId: id }]).catch(reportFailure)
            : undefined
        }
        onDiscard={discardable && record ? () => setConfirming(true) : undefined}
        {...props}
      />
      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={confirmDiscard}
        danger
        cancelLabel="Keep"
        confirmLabel="Discard"
        {...discardOneCopy(itemLabel)}
      />
    </>
  );
}
