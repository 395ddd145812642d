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
export { type SyncList, SyncStatusWidget, type SyncStatusWidgetProps } from './sync-status-widget';
