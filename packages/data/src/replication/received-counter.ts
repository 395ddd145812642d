// Counts documents received from the server into the store's initial-sync progress, at most every 100 ms: an
// initial sync of 100,000 documents should not mean 100,000 store updates.
import type { SyncStore } from '../sync-store';

export interface ReceivedCounter {
  /** one more document received */
  count(): void;
  /** writes what was counted into the store now (and at stop) */
  flush(): void;
  /** one more collection finished its first pull */
  collectionSynced(): void;
}

export function createReceivedCounter(store: SyncStore, intervalMs = 100): ReceivedCounter {
  let uncounted = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const progress = store.getState().progress;
    if (progress && uncounted > 0)
      store.setState({ progress: { ...progress, documents: progress.documents + uncounted } });
    uncounted = 0;
  };
  return {
    count() {
      uncounted += 1;
      timer ??= setTimeout(flush, intervalMs);
    },
    flush,
    collectionSynced() {
      const progress = store.getState().progress;
      if (progress) store.setState({ progress: { ...progress, synced: progress.synced + 1 } });
    },
  };
}
