// What the sync status shows, worked out from the sync store's fields: one phase and its words, for the header's
// widget, the offline banner and the Sync page alike. Pure functions, so every view, its stories and the connected
// wrappers agree on every state.

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
  /** During an initial sync: documents received so far, and how many it brings in all (when the server said). */
  receivedCount?: number | null;
  expectedCount?: number | null;
  /** During an initial sync: seconds left at the recent rate, when known. */
  secondsLeft?: number | null;
  /** Work pending, connected, nothing acknowledged for a while. */
  stalled?: boolean;
  /**
   * While syncing: the most urgent data (the first priority class: commands, alarms) is in sync, the rest is still
   * on its way.
   */
  urgentSynced?: boolean | null;
}

const snapshotKeys = [
  'connection',
  'activity',
  'pendingCount',
  'failedCount',
  'conflictCount',
  'lastSyncedAt',
  'lastError',
  'progress',
  'receivedCount',
  'expectedCount',
  'secondsLeft',
  'stalled',
  'urgentSynced',
] as const satisfies ReadonlyArray<keyof SyncStatusSnapshot>;

/** A view's props split into the status snapshot it derives its phase from and everything else. */
export function splitSyncStatus<P extends SyncStatusSnapshot>(
  props: P,
): [SyncStatusSnapshot, Omit<P, keyof SyncStatusSnapshot>] {
  const rest = { ...props } as Record<string, unknown>;
  const status: Record<string, unknown> = {};
  for (const key of snapshotKeys) {
    status[key] = props[key];
    delete rest[key];
  }
  return [status as SyncStatusSnapshot, rest as Omit<P, keyof SyncStatusSnapshot>];
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
  | 'needs-review'
  | 'idle';

/** Phases where a request is on its way: they show at once and stay long enough to be read. */
export const busyPhases: ReadonlySet<SyncPhase> = new Set(['initial-sync', 'syncing-up', 'syncing-down']);

/**
 * Most urgent first: a person needs to know they are offline or failing before they care about progress, and an
 * open conflict outranks "all changes synced". An error is the answer to a request that failed: while the next
 * request is on its way, the status says so instead.
 */
export function deriveSyncPhase(status: SyncStatusSnapshot): SyncPhase {
  if (!status.connection) return 'unknown';
  if (status.connection === 'offline') return 'offline';
  const inFlight = status.activity === 'pushing' || status.activity === 'pulling';
  if (status.lastError && !inFlight) return 'error';
  if (status.stalled) return 'stalled';
  if (status.connection === 'connecting') return 'connecting';
  if (status.progress != null && status.progress < 1) return 'initial-sync';
  if (status.activity === 'pushing') return 'syncing-up';
  if (status.activity === 'pulling') return 'syncing-down';
  if (status.conflictCount) return 'needs-review';
  return 'idle';
}

function plural(count: number, one: string, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12,000": a count as the person's locale groups it. */
const count = (value: number) => value.toLocaleString();

/** "about 40 s left", "about 3 min left", "less than 5 s left": no false precision in an estimate. */
export function timeLeft(seconds: number): string {
  if (seconds < 5) return 'less than 5 s left';
  if (seconds < 60) return `about ${Math.round(seconds / 5) * 5} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** "1 conflict needs review", "3 conflicts need review". */
export function needsReviewText(conflictCount: number): string {
  return `${plural(conflictCount, 'conflict')} ${conflictCount === 1 ? 'needs' : 'need'} review`;
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
      return status.expectedCount && status.receivedCount != null
        ? `Syncing · ${count(Math.min(status.receivedCount, status.expectedCount))} of ${count(status.expectedCount)}`
        : // a sync shown a moment longer than it ran (so it can be read) has no progress left: it is done
          `Syncing · ${Math.floor((status.progress ?? 1) * 100)}%`;
    case 'syncing-up':
      return pending ? `Sending ${plural(pending, 'change')}` : 'Sending changes';
    case 'syncing-down':
      return 'Receiving changes';
    case 'needs-review':
      return needsReviewText(status.conflictCount ?? 0);
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
      return `${
        status.secondsLeft != null
          ? `Downloading data for the first time: ${timeLeft(status.secondsLeft)}.`
          : 'Downloading data for the first time.'
      }${urgentNote(status)}`;
    case 'syncing-up':
      return `Sending your changes to the server.${urgentNote(status)}`;
    case 'syncing-down':
      return `Receiving changes from the server.${urgentNote(status)}`;
    case 'needs-review':
      return 'This device and the server changed the same fields. Both versions are kept until you review them.';
    case 'idle':
      return status.pendingCount
        ? `Connected. ${plural(status.pendingCount, 'change')} on this device will be sent shortly.`
        : 'Everything on this device is on the server.';
  }
}

/** While a sync is under way: whether the most urgent data is already in. */
const urgentNote = (status: SyncStatusSnapshot) =>
  status.urgentSynced ? ' The most urgent data is up to date; the rest is on its way.' : '';

/** What the offline banner says: nothing until the connection drops, then what became of it since. */
export type BannerMessage = 'none' | 'offline' | 'reconnecting' | 'needs-review' | 'error' | 'synced';

/**
 * The banner's message for the phase on screen, once the connection dropped (`afterOffline`): offline, then
 * syncing what waited, then how it ended. It ends on "synced" only when nothing is pending and nothing waits for
 * review, so it never contradicts the widget.
 */
export function bannerMessage(phase: SyncPhase, status: SyncStatusSnapshot, afterOffline: boolean): BannerMessage {
  if (phase === 'offline') return 'offline';
  if (!afterOffline) return 'none';
  if (phase === 'needs-review') return 'needs-review';
  if (phase === 'error' || phase === 'stalled') return 'error';
  if (phase === 'idle' && !status.pendingCount) return 'synced';
  return 'reconnecting';
}
