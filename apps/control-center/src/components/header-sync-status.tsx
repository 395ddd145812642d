// The header's sync status: the kit's SyncStatusWidget fed from the data layer's store, and the
// offline banner under the header.
import { useSyncControls, useSyncStatus } from '@syncline/data';
import { OfflineBanner, SyncStatusWidget } from '@syncline/ui/sync';
import { useNavigate } from 'react-router';

const listRoutes = { pending: '/sync', failed: '/sync', conflicts: '/conflicts' } as const;

export function HeaderSyncStatus() {
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
  const navigate = useNavigate();
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
      onShowList={(list) => navigate(listRoutes[list])}
    />
  );
}

export function ConnectivityBanner() {
  const connection = useSyncStatus((s) => s.connection);
  const pendingCount = useSyncStatus((s) => s.pendingCount);
  return <OfflineBanner online={connection !== 'offline'} pendingCount={pendingCount} />;
}
