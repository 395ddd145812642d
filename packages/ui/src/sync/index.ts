// Sync-aware components: pure, props-driven views of the sync engine's state. They never import the data layer;
// `@syncline/ui/connected` wires them to it.
export * from './attachment-tile';
export * from './conflict-diff-viewer';
export * from './conflict-inbox';
export * from './field-changed-notice';
export type { PhaseDisplayOptions } from './lib/phase-display';
export {
  describeCountdown,
  formatClockTime,
  formatCountdown,
  formatElapsed,
  formatRelativeTime,
  type Moment,
  setClockLocale,
  toMillis,
} from './lib/relative-time';
export { useNow } from './lib/use-now';
export { useSettledValue } from './lib/use-settled-value';
export { useShownPhase } from './lib/use-shown-phase';
export * from './notification-center';
export * from './offline-banner';
export * from './settled-fields-list';
export * from './sync-dot';
export * from './sync-queue-panel';
export * from './sync-row';
export * from './sync-status-widget';
