// Every document's sync state from one place per database: the stored sync records (pending, failed) and the open
// conflicts, each read by one live query for the whole database while anything shows a state, and the writes this
// tab holds. A table's sync dots look their documents up here instead of each running queries of its own, so a new
// window of rows (a filter, a scroll) subscribes to nothing new: each row only reads another document's state.
import type { RxCollection } from 'rxdb';
import { Subscription } from 'rxjs';
import type { ConflictRecord } from './conflicts';
import { type DocSyncState, type SyncStateRecord, type SyncTracker, syncStateId } from './sync-state';

export interface DocSyncStates {
  /** Calls `listener` after any document's state may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /** The state of one document now: a conflict first, then its stored record, then a write this tab holds. */
  stateOf(collectionName: string, documentId: string): DocSyncState;
}

const stores = new WeakMap<RxCollection<SyncStateRecord>, DocSyncStates>();

/** The one store of the database whose `syncstate` collection this is (made on first use). */
export function docSyncStates(
  syncstate: RxCollection<SyncStateRecord>,
  conflicts: RxCollection<ConflictRecord>,
  tracker: SyncTracker | undefined,
): DocSyncStates {
  let store = stores.get(syncstate);
  if (!store) {
    store = createDocSyncStates(syncstate, conflicts, tracker);
    stores.set(syncstate, store);
  }
  return store;
}

function createDocSyncStates(
  syncstate: RxCollection<SyncStateRecord>,
  conflicts: RxCollection<ConflictRecord>,
  tracker: SyncTracker | undefined,
): DocSyncStates {
  // by sync state id (`collection|document`); read while at least one listener is subscribed
  let records = new Map<string, SyncStateRecord['state']>();
  let conflicted = new Set<string>();
  const listeners = new Set<() => void>();
  let reading: Subscription | undefined;
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const startReading = () => {
    const subscription = new Subscription();
    subscription.add(
      syncstate.find().$.subscribe((docs) => {
        records = new Map(docs.map((doc) => [doc.id, doc.state]));
        changed();
      }),
    );
    subscription.add(
      conflicts.find({ selector: { status: 'open' } }).$.subscribe((docs) => {
        conflicted = new Set(docs.map((doc) => syncStateId(doc.collectionName, doc.documentId)));
        changed();
      }),
    );
    // this tab's own write is pending from the moment it is made, before its record is stored
    if (tracker) subscription.add(tracker.heldChanged$.subscribe(changed));
    return subscription;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      reading ??= startReading();
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        // nothing shows a state: stop reading, and forget what was read rather than keep it stale
        reading?.unsubscribe();
        reading = undefined;
        records = new Map();
        conflicted = new Set();
      };
    },
    stateOf(collectionName, documentId) {
      const id = syncStateId(collectionName, documentId);
      if (conflicted.has(id)) return 'conflict';
      return records.get(id) ?? (tracker?.holds(collectionName, documentId) ? 'pending' : 'synced');
    },
  };
}
