// The one sync status store the UI reads: a zustand store fed by RxJS from the replication and the local
// sync-state collections. Its shape is the contract with SyncStatusWidget and every connected component.
import type { SyncPriority } from '@syncline/protocol';
import type { RxCollection } from 'rxdb';
import type { Subscription } from 'rxjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnyRxDatabase } from './any-database';
import { type ConflictRecord, conflictsCollectionName } from './conflicts';
import { type SyncStateRecord, syncStateCollectionName } from './sync-state';

export type ConnectionState = 'online' | 'connecting' | 'offline';
export type SyncActivity = 'idle' | 'pulling' | 'pushing';

/** What went wrong, in words a person can act on. */
export interface SyncErrorInfo {
  /**
   * network: server unreachable; auth: token refused; rejected: the server refused data; server: it failed;
   * throttled: the server asked this client to slow down (429), and it waits as asked; outdated: the app and the
   * server speak different versions of a collection's schema (one must update)
   */
  kind: 'network' | 'auth' | 'rejected' | 'server' | 'throttled' | 'local' | 'outdated';
  message: string;
  at: number;
  /**
   * outdated only: who must update. `app`: the server serves a newer schema, so reloading an app the server itself
   * serves brings the new one; `server`: this app is newer than the server it syncs with
   */
  update?: 'app' | 'server';
}

export interface InitialSyncProgress {
  /** collections replicating */
  collections: number;
  /** collections whose first pull has completed */
  synced: number;
  /** documents received from the server so far */
  documents: number;
  /**
   * documents this sync brings in all: what the server said were still to come when each collection's first pull
   * answered (with that page); null until every collection has answered
   */
  expected: number | null;
  /** seconds left at the rate of the last few seconds; null while it is not known */
  secondsLeft: number | null;
}

export interface SyncStatus {
  connection: ConnectionState;
  activity: SyncActivity;
  /** local writes the server has not acknowledged */
  pendingCount: number;
  /** local writes the server refused */
  failedCount: number;
  /** open conflicts waiting for a person */
  conflictCount: number;
  /** when the server last acknowledged a push or answered a pull (client clock at receipt); null: never */
  lastSyncedAt: number | null;
  lastError: SyncErrorInfo | null;
  /** initial sync progress; null before a replication starts */
  progress: InitialSyncProgress | null;
  /** work pending and connected, yet nothing acknowledged for a while */
  stalled: boolean;
  /** the replication was paused on purpose */
  paused: boolean;
  /**
   * The priority classes caught up since the replication started or last reconnected: every class up to
   * `syncedThrough` is in sync (null: not even class 0 yet); `last` is the last class. Null before a replication
   * starts. See `prioritySynced`.
   */
  priority: { syncedThrough: SyncPriority | null; last: SyncPriority } | null;
}

export type SyncStore = StoreApi<SyncStatus>;

export const initialSyncStatus: SyncStatus = {
  connection: 'connecting',
  activity: 'idle',
  pendingCount: 0,
  failedCount: 0,
  conflictCount: 0,
  lastSyncedAt: null,
  lastError: null,
  progress: null,
  stalled: false,
  paused: false,
  priority: null,
};

/**
 * Whether everything of class `priority` and the classes before it has synced since the replication started or
 * last reconnected, as PowerSync's statusForPriority tells: "critical data synced" while history still arrives.
 */
export function prioritySynced(status: Pick<SyncStatus, 'priority'>, priority: SyncPriority): boolean {
  const synced = status.priority?.syncedThrough;
  return synced !== null && synced !== undefined && synced >= priority;
}

export function createSyncStore(initial: Partial<SyncStatus> = {}): SyncStore {
  return createStore<SyncStatus>()(() => ({ ...initialSyncStatus, ...initial }));
}

/** Feeds pending, failed and conflict counts from a Syncline database into the store. Returns the unsubscribe. */
export function bindSyncCounts(store: SyncStore, database: AnyRxDatabase): () => void {
  const syncstate = database.collections[syncStateCollectionName] as RxCollection<SyncStateRecord>;
  const conflicts = database.collections[conflictsCollectionName] as RxCollection<ConflictRecord>;
  const subscriptions: Subscription[] = [
    // count queries over an indexed field: no documents loaded, however many are pending
    syncstate.count({ selector: { state: 'pending' } }).$.subscribe((pendingCount) => store.setState({ pendingCount })),
    syncstate.count({ selector: { state: 'failed' } }).$.subscribe((failedCount) => store.setState({ failedCount })),
    conflicts.count({ selector: { status: 'open' } }).$.subscribe((conflictCount) => store.setState({ conflictCount })),
  ];
  return () => {
    for (const subscription of subscriptions) subscription.unsubscribe();
  };
}
