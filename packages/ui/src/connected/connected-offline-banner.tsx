'use client';
// The offline banner fed by the sync status store, showing the same phase as the status widget: offline with the
// writes waiting, then syncing them, then synced or what still needs a person.
import { OfflineBanner, type OfflineBannerProps } from '../sync/offline-banner';
import type { SyncStatusSnapshot } from '../sync/sync-status-widget';
import { useShownSyncPhase, useSyncSnapshot } from './shown-sync-status';

export type ConnectedOfflineBannerProps = Omit<OfflineBannerProps, keyof SyncStatusSnapshot | 'online' | 'phase'>;

export function ConnectedOfflineBanner(props: ConnectedOfflineBannerProps) {
  const status = useSyncSnapshot();
  const phase = useShownSyncPhase();
  return <OfflineBanner {...status} phase={phase} {...props} />;
}
