'use client';
// The one sync status the connected views show: the store's fields as the kit's snapshot, and the phase on screen,
// timed once per store so the header's widget, the banner and an app's own status page never disagree, not even
// for the moment a sync takes.
import { prioritySynced, type SyncStatus, type SyncStore, useSyncline, useSyncStatus } from '@syncline/data';
import { useSyncExternalStore } from 'react';
import { PhaseDisplay } from '../sync/lib/phase-display';
import { deriveSyncPhase, type SyncPhase, type SyncStatusSnapshot } from '../sync/sync-status-widget/sync-phase';

/** The initial sync while the first pull of some collection is still running; null once none is. */
function initialSync(status: SyncStatus) {
  const progress = status.progress;
  return progress && progress.synced < progress.collections ? progress : null;
}

/**
 * Initial-sync progress as a fraction: documents received of those the server said were to come; 0 until every
 * collection's first pull has said (the small collections finish first: a share of collections would run ahead);
 * below 1 until every collection is done.
 */
function progressOf(status: SyncStatus): number | null {
  const progress = initialSync(status);
  if (!progress) return null;
  return progress.expected ? Math.min(0.99, progress.documents / progress.expected) : 0;
}

const receivedOf = (status: SyncStatus) => initialSync(status)?.documents ?? null;
const expectedOf = (status: SyncStatus) => initialSync(status)?.expected ?? null;
const secondsLeftOf = (status: SyncStatus) => initialSync(status)?.secondsLeft ?? null;
/** The first priority class caught up while a later one has not yet (see the data layer's `prioritySynced`). */
const urgentSyncedOf = (status: SyncStatus) =>
  status.priority !== null &&
  prioritySynced(status, 0) &&
  status.priority.last > 0 &&
  !prioritySynced(status, status.priority.last);

/** The store's fields as the kit's views read them. */
export function syncSnapshot(status: SyncStatus): SyncStatusSnapshot {
  return {
    connection: status.connection,
    activity: status.activity,
    pendingCount: status.pendingCount,
    failedCount: status.failedCount,
    conflictCount: status.conflictCount,
    lastSyncedAt: status.lastSyncedAt,
    lastError: status.lastError?.message ?? null,
    stalled: status.stalled,
    progress: progressOf(status),
    receivedCount: receivedOf(status),
    expectedCount: expectedOf(status),
    secondsLeft: secondsLeftOf(status),
    urgentSynced: urgentSyncedOf(status),
  };
}

const displays = new WeakMap<SyncStore, PhaseDisplay>();

/** The display of a store's phase, made on first use and kept as long as the store. */
function displayOf(store: SyncStore): PhaseDisplay {
  let display = displays.get(store);
  if (!display) {
    const phaseOf = (status: SyncStatus) => deriveSyncPhase(syncSnapshot(status));
    const created = new PhaseDisplay(phaseOf(store.getState()));
    store.subscribe((status) => created.update(phaseOf(status)));
    displays.set(store, created);
    display = created;
  }
  return display;
}

/** The phase every connected view shows right now. */
export function useShownSyncPhase(): SyncPhase {
  const display = displayOf(useSyncline().store);
  return useSyncExternalStore(display.subscribe, display.current, display.current);
}

/** The store's fields as the kit's views read them, each subscribed on its own (a change re-renders what shows it). */
export function useSyncSnapshot(): SyncStatusSnapshot {
  return {
    connection: useSyncStatus((s) => s.connection),
    activity: useSyncStatus((s) => s.activity),
    pendingCount: useSyncStatus((s) => s.pendingCount),
    failedCount: useSyncStatus((s) => s.failedCount),
    conflictCount: useSyncStatus((s) => s.conflictCount),
    lastSyncedAt: useSyncStatus((s) => s.lastSyncedAt),
    lastError: useSyncStatus((s) => s.lastError?.message ?? null),
    stalled: useSyncStatus((s) => s.stalled),
    progress: useSyncStatus(progressOf),
    receivedCount: useSyncStatus(receivedOf),
    expectedCount: useSyncStatus(expectedOf),
    secondsLeft: useSyncStatus(secondsLeftOf),
    urgentSynced: useSyncStatus(urgentSyncedOf),
  };
}
