export { SyncDot, type SyncDotProps, type SyncState, syncStateLabel } from './sync-dot';
