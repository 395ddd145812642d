export { type SyncOperation, type SyncQueueItem, SyncQueuePanel, type SyncQueuePanelProps } from './sync-queue-panel';
