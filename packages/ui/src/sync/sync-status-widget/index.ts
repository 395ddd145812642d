export {
  type BannerMessage,
  bannerMessage,
  busyPhases,
  deriveSyncPhase,
  needsReviewText,
  type SyncActivity,
  type SyncConnection,
  type SyncPhase,
  type SyncStatusSnapshot,
  syncPhaseDescription,
  syncPhaseLabel,
} from './sync-phase';
export {
  type SyncList,
  type SyncStatusPillVariants,
  SyncStatusWidget,
  type SyncStatusWidgetProps,
  syncStatusPillVariants,
} from './sync-status-widget';
