'use client';
// The status widget fed by the sync status store: connection, activity, counts, last sync and errors, with
// "Sync now" and "Retry" asking the replication to sync. Its phase is the one the banner shows too.
import { useSyncControls } from '@syncline/data';
import { type SyncStatusSnapshot, SyncStatusWidget, type SyncStatusWidgetProps } from '../sync/sync-status-widget';
import { useShownSyncPhase, useSyncSnapshot } from './shown-sync-status';

export type ConnectedSyncStatusWidgetProps = Omit<
  SyncStatusWidgetProps,
  keyof SyncStatusSnapshot | 'onSyncNow' | 'onRetry' | 'phase'
>;

export function ConnectedSyncStatusWidget(props: ConnectedSyncStatusWidgetProps) {
  const status = useSyncSnapshot();
  const phase = useShownSyncPhase();
  const { syncNow } = useSyncControls();
  return (
    <SyncStatusWidget
      {...status}
      phase={phase}
      onSyncNow={() => void syncNow()}
      onRetry={() => void syncNow()}
      {...props}
    />
  );
}
