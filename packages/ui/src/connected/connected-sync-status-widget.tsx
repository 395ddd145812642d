'use client';
// The status widget fed by the sync status store: connection, activity, counts, last sync and errors, with
// "Sync now" and "Retry" asking the replication to sync.
import { useSyncControls, useSyncStatus } from '@syncline/data';
import { type SyncStatusSnapshot, SyncStatusWidget, type SyncStatusWidgetProps } from '../sync/sync-status-widget';

export type ConnectedSyncStatusWidgetProps = Omit<
  SyncStatusWidgetProps,
  keyof SyncStatusSnapshot | 'onSyncNow' | 'onRetry'
>;

export function ConnectedSyncStatusWidget(props: ConnectedSyncStatusWidgetProps) {
  const connection = useSyncStatus((s) => s.connection);
  const activity = useSyncStatus((s) => s.activity);
  const pendingCount = useSyncStatus((s) => s.pendingCount);
  const failedCount = useSyncStatus((s) => s.failedCount);
  const conflictCount = useSyncStatus((s) => s.conflictCount);
  const lastSyncedAt = useSyncStatus((s) => s.lastSyncedAt);
  const lastError = useSyncStatus((s) => s.lastError?.message ?? null);
  const stalled = useSyncStatus((s) => s.stalled);
  const progress = useSyncStatus((s) =>
    s.progress && s.progress.synced < s.progress.collections
      ? s.progress.synced / Math.max(1, s.progress.collections)
      : null,
  );
  const { syncNow } = useSyncControls();
  return (
    <SyncStatusWidget
      connection={connection}
      activity={activity}
      pendingCount={pendingCount}
      failedCount={failedCount}
      conflictCount={conflictCount}
      lastSyncedAt={lastSyncedAt}
      lastError={lastError}
      stalled={stalled}
      progress={progress}
      onSyncNow={() => void syncNow()}
      onRetry={() => void syncNow()}
      {...props}
    />
  );
}
