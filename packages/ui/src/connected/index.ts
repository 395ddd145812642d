// @syncline/ui/connected: the sync-aware views wired to @syncline/data, and the mapping from the data layer's
// records to the pure views' props. The only entry of the kit that imports the data layer.
export {
  ConnectedConflictDiffViewer,
  type ConnectedConflictDiffViewerProps,
} from './connected-conflict-diff-viewer';
export { ConnectedConflictInbox, type ConnectedConflictInboxProps } from './connected-conflict-inbox';
export { ConnectedConflictToast, type ConnectedConflictToastProps } from './connected-conflict-toast';
export {
  ConnectedFieldChangedNotice,
  type ConnectedFieldChangedNoticeProps,
} from './connected-field-changed-notice';
export { ConnectedOfflineBanner, type ConnectedOfflineBannerProps } from './connected-offline-banner';
export { ConnectedSettledDocuments, type ConnectedSettledDocumentsProps } from './connected-settled-documents';
export {
  ConnectedSettledFieldsList,
  type ConnectedSettledFieldsListProps,
} from './connected-settled-fields-list';
export { ConnectedSyncDot, type ConnectedSyncDotProps } from './connected-sync-dot';
export { ConnectedSyncQueuePanel, type ConnectedSyncQueuePanelProps } from './connected-sync-queue-panel';
export { ConnectedSyncRow, type ConnectedSyncRowProps } from './connected-sync-row';
export { ConnectedSyncStatusWidget, type ConnectedSyncStatusWidgetProps } from './connected-sync-status-widget';
export { type DescribeDocument, describeById, describeDocument, documentNoun } from './describe-document';
export { syncSnapshot, useShownSyncPhase, useSyncSnapshot } from './shown-sync-status';
export {
  type ConflictVersions,
  choicesKeeping,
  conflictChoices,
  conflictInboxItem,
  conflictLabel,
  conflictVersions,
  settledFieldItem,
  settledFields,
  syncQueueItem,
} from './sync-records';
