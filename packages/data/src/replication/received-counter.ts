// Counts documents received from the server into the store's initial-sync progress, at most every 100 ms: an
// initial sync of 100,000 documents should not mean 100,000 store updates. With what each collection's first pull
// said was still to come, the progress has a total, and an estimate of the time left at the recent rate.
import type { SyncStore } from '../sync-store';

export interface ReceivedCounter {
  /** one more document received */
  count(): void;
  /** writes what was counted into the store now (and at stop) */
  flush(): void;
  /** one more collection finished its first pull */
  collectionSynced(): void;
  /** a collection's first pull answered: `documents` in all, its page and those still to come */
  expect(documents: number): void;
}

/** How far back the rate behind the estimate looks: long enough to smooth pages, short enough to follow a change. */
const RATE_WINDOW_MS = 5_000;

export function createReceivedCounter(store: SyncStore, intervalMs = 100): ReceivedCounter {
  let uncounted = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let expected = 0;
  let expecting = 0;
  /** (time, documents received by then), the last few seconds */
  const samples: [number, number][] = [];

  const secondsLeft = (documents: number, total: number | null): number | null => {
    const now = Date.now();
    samples.push([now, documents]);
    while (samples.length > 2 && (samples[0] as [number, number])[0] < now - RATE_WINDOW_MS) samples.shift();
    const [since, before] = samples[0] as [number, number];
    const rate = (documents - before) / ((now - since) / 1000);
    if (total === null || !(rate > 0) || now - since < 1_000) return null;
    return Math.max(0, (total - documents) / rate);
  };

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const progress = store.getState().progress;
    if (progress && uncounted > 0) {
      const documents = progress.documents + uncounted;
      store.setState({ progress: { ...progress, documents, secondsLeft: secondsLeft(documents, progress.expected) } });
    }
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
    expect(documents) {
      expected += documents;
      expecting += 1;
      const progress = store.getState().progress;
      // a total only once every collection has said: a partial one would read as nearly done
      if (progress && expecting >= progress.collections) store.setState({ progress: { ...progress, expected } });
    },
  };
}
