// "Stalled": work pending and connected, yet nothing acknowledged for a while. Counted from the later of the last
// push acknowledgement and the moment the first write became pending, checked once a second in the replicating tab.
import type { SyncStore } from '../sync-store';

export interface StallWatchOptions {
  store: SyncStore;
  stallAfterMs: number;
  /** when the server last acknowledged a push */
  lastAckAt: () => number;
  /** only the replicating tab decides */
  isLeader: () => boolean;
}

/** Starts watching; returns the function that stops it. */
export function watchStalls({ store, stallAfterMs, lastAckAt, isLeader }: StallWatchOptions): () => void {
  let pendingSince = Date.now();
  const unsubscribe = store.subscribe((status, previous) => {
    if (status.pendingCount > 0 && previous.pendingCount === 0) pendingSince = Date.now();
  });
  const timer = setInterval(() => {
    if (!isLeader()) return;
    const status = store.getState();
    const quietFor = Date.now() - Math.max(lastAckAt(), pendingSince);
    const stalled = status.pendingCount > 0 && status.connection === 'online' && quietFor > stallAfterMs;
    if (stalled !== status.stalled) store.setState({ stalled });
  }, 1_000);
  (timer as { unref?: () => void }).unref?.();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
