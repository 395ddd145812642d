// Keeps "last synced" across reloads: the last server acknowledgement is written to the browser's storage, keyed by
// database, and read back when replication starts, so a page reloaded offline still says when this device last
// synced. Where there is no storage (Node), it only lives in the store.
import type { SyncStore } from '../sync-store';

/** The storage key for one database's last acknowledgement. */
export function lastSyncedKey(databaseName: string): string {
  return `syncline:last-synced:${databaseName}`;
}

function storage(): Storage | undefined {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    // storage denied (a sandboxed frame): nothing to keep it in
    return undefined;
  }
}

/** Reads the kept acknowledgement into the store (unless it holds a newer one) and keeps every new one. */
export function keepLastSynced(store: SyncStore, databaseName: string): () => void {
  const kept = storage();
  if (!kept) return () => {};
  const key = lastSyncedKey(databaseName);
  const stored = Number(kept.getItem(key));
  const known = store.getState().lastSyncedAt;
  if (Number.isFinite(stored) && stored > 0 && (known === null || known < stored)) {
    store.setState({ lastSyncedAt: stored });
  }
  return store.subscribe((status, previous) => {
    if (status.lastSyncedAt === null || status.lastSyncedAt === previous.lastSyncedAt) return;
    try {
      kept.setItem(key, String(status.lastSyncedAt));
    } catch {
      // storage full: the store still has it for this session
    }
  });
}
