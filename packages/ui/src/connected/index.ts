// @syncline/ui/connected: the sync-aware views wired to @syncline/data.
export {
  ConnectedOfflineBanner,
  ConnectedSyncDot,
  ConnectedSyncStatusWidget,
  type ConnectedSyncStatusWidgetProps,
} from './connected-sync-status';
