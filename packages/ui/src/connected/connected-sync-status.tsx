'use client';
// The sync-aware views wired to @syncline/data: drop them under a <SynclineProvider> and they show the live
// sync status. This is the only part of the kit that imports the data layer.
import { useDocSyncState, useSyncControls, useSyncStatus } from '@syncline/data';
import { OfflineBanner, type OfflineBannerProps } from '../sync/offline-banner/offline-banner';
import { SyncDot, type SyncDotProps } from '../sync/sync-dot/sync-dot';
import {
  type SyncList,
  type SyncStatusSnapshot,
  SyncStatusWidget,
  type SyncStatusWidgetProps,
} from '../sync/sync-status-widget';

export type ConnectedSyncStatusWidgetProps = Omit<
  SyncStatusWidgetProps,
  keyof SyncStatusSnapshot | 'onSyncNow' | 'onRetry'
>;

/** The status widget fed by the sync status store; "Sync now" and "Retry" ask the replication to sync. */
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

/** The offline banner, shown while the sync store says offline. */
export function ConnectedOfflineBanner(props: Omit<OfflineBannerProps, 'online' | 'pendingCount'>) {
  const connection = useSyncStatus((s) => s.connection);
  const pendingCount = useSyncStatus((s) => s.pendingCount);
  return <OfflineBanner online={connection !== 'offline'} pendingCount={pendingCount} {...props} />;
}

/** One document's sync dot, subscribed to that document only: a change re-renders this dot and nothing else. */
export function ConnectedSyncDot({
  collection,
  id,
  ...props
}: Omit<SyncDotProps, 'state'> & { collection: string; id: string }) {
  return <SyncDot state={useDocSyncState(collection, id)} {...props} />;
}

export type { SyncList };
