// What the sync status widget shows, worked out from the sync store's fields: one phase and its words.
// Pure functions, so the widget, its stories and the connected wrapper agree on every state.

export type SyncConnection = 'online' | 'connecting' | 'offline';
export type SyncActivity = 'idle' | 'pulling' | 'pushing';

/** The sync store's snapshot, as the widget reads it. Every field may be missing before the first report. */
export interface SyncStatusSnapshot {
  connection?: SyncConnection | null;
  activity?: SyncActivity | null;
  pendingCount?: number;
  failedCount?: number;
  conflictCount?: number;
  /** The last acknowledgement from the server (not a client guess). */
  lastSyncedAt?: number | Date | string | null;
  lastError?: string | null;
  /** Initial-sync progress, 0..1; null or undefined when not in an initial sync. */
  progress?: number | null;
  /** Work pending, connected, nothing acknowledged for a while. */
  stalled?: boolean;
}

export type SyncPhase =
  | 'unknown'
  | 'offline'
  | 'error'
  | 'stalled'
  | 'connecting'
  | 'initial-sync'
  | 'syncing-up'
  | 'syncing-down'
  | 'idle';

/** Most urgent first: a person needs to know they are offline or failing before they care about progress. */
export function deriveSyncPhase(status: SyncStatusSnapshot): SyncPhase {
  if (!status.connection) return 'unknown';
  if (status.connection === 'offline') return 'offline';
  if (status.lastError) return 'error';
  if (status.stalled) return 'stalled';
  if (status.connection === 'connecting') return 'connecting';
  if (status.progress != null && status.progress < 1) return 'initial-sync';
  if (status.activity === 'pushing') return 'syncing-up';
  if (status.activity === 'pulling') return 'syncing-down';
  return 'idle';
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The short line in the widget itself, e.g. "Offline · 3 pending". */
export function syncPhaseLabel(phase: SyncPhase, status: SyncStatusSnapshot): string {
  const pending = status.pendingCount ?? 0;
  const failed = status.failedCount ?? 0;
  switch (phase) {
    case 'unknown':
      return 'Sync status unknown';
    case 'offline':
      return pending ? `Offline · ${pending} pending` : 'Offline';
    case 'error':
      return failed ? `Sync error · ${failed} failed` : 'Sync error';
    case 'stalled':
      return pending ? `Sync stalled · ${pending} pending` : 'Sync stalled';
    case 'connecting':
      return 'Connecting…';
    case 'initial-sync':
      return `Syncing · ${Math.floor((status.progress ?? 0) * 100)}%`;
    case 'syncing-up':
      return pending ? `Sending ${plural(pending, 'change')}` : 'Sending changes';
    case 'syncing-down':
      return 'Receiving changes';
    case 'idle':
      return pending ? `Online · ${pending} pending` : 'All changes synced';
  }
}

/** A sentence for the popover explaining the phase and what to do next. */
export function syncPhaseDescription(phase: SyncPhase, status: SyncStatusSnapshot): string {
  switch (phase) {
    case 'unknown':
      return 'The sync engine has not reported yet.';
    case 'offline':
      return 'Changes are saved on this device and will sync when you reconnect.';
    case 'error':
      return `${status.lastError ?? 'Sync failed.'} Your changes are kept on this device.`;
    case 'stalled':
      return 'Connected, but the server has not confirmed any change for a while. Your changes are kept on this device.';
    case 'connecting':
      return 'Reaching the server.';
    case 'initial-sync':
      return 'Downloading data for the first time.';
    case 'syncing-up':
      return 'Sending your changes to the server.';
    case 'syncing-down':
      return 'Receiving changes from the server.';
    case 'idle':
      return status.pendingCount
        ? `Connected. ${plural(status.pendingCount, 'change')} on this device will be sent shortly.`
        : 'Everything on this device is on the server.';
  }
}
