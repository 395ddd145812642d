'use client';
// The offline banner, shown while the sync store says offline, with the number of writes waiting on this device.
import { useSyncStatus } from '@syncline/data';
import { OfflineBanner, type OfflineBannerProps } from '../sync/offline-banner';

export type ConnectedOfflineBannerProps = Omit<OfflineBannerProps, 'online' | 'pendingCount'>;

export function ConnectedOfflineBanner(props: ConnectedOfflineBannerProps) {
  const connection = useSyncStatus((s) => s.connection);
  const pendingCount = useSyncStatus((s) => s.pendingCount);
  return <OfflineBanner online={connection !== 'offline'} pendingCount={pendingCount} {...props} />;
}
