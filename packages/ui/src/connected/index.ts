// @syncline/ui/connected: the sync-aware views wired to @syncline/data, and the mapping from the data layer's
// records to the pure views' props. The only entry of the kit that imports the data layer.
export { ConnectedOfflineBanner, type ConnectedOfflineBannerProps } from './connected-offline-banner';
export { ConnectedSyncDot, type ConnectedSyncDotProps } from './connected-sync-dot';
export { ConnectedSyncStatusWidget, type ConnectedSyncStatusWidgetProps } from './connected-sync-status-widget';
