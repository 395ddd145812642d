// Several browser tabs on one database: only the leader tab replicates (RxDB leader election); the others mirror
// its sync status over a BroadcastChannel and pass "Sync now" to it. Pending and conflict counts need no
// mirroring: every tab reads them from the shared local collections.
import { addRxPlugin } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import type { AnyRxDatabase } from './any-database';
import type { SyncStatus, SyncStore } from './sync-store';

/** The status fields only the replicating tab knows. */
const mirrored = ['connection', 'activity', 'lastSyncedAt', 'lastError', 'progress', 'stalled', 'paused'] as const;

/** A document whose local change to throw away (see the replication's `discard`). */
export interface DiscardTarget {
  collectionName: string;
  documentId: string;
}

/** Document ids by collection, in the order given. */
export function idsByCollection(targets: readonly DiscardTarget[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const { collectionName, documentId } of targets) {
    grouped.set(collectionName, [...(grouped.get(collectionName) ?? []), documentId]);
  }
  return grouped;
}

type Message =
  | { type: 'status'; status: Partial<SyncStatus> }
  | { type: 'hello' }
  | { type: 'syncNow' }
  | { type: 'discard'; targets: DiscardTarget[] };

export interface TabCoordination {
  isLeader(): boolean;
  /** resolves when this tab replicates: at once with a single instance, on election with several */
  whenLeader: Promise<void>;
  /** asks the leader tab to sync now */
  requestSyncNow(): void;
  /** asks the leader tab to discard these documents' local changes */
  requestDiscard(targets: readonly DiscardTarget[]): void;
  close(): void;
}

export function coordinateTabs(options: {
  database: AnyRxDatabase;
  store: SyncStore;
  enabled: boolean;
  onSyncNowRequest: () => void;
  onDiscardRequest: (targets: readonly DiscardTarget[]) => void;
}): TabCoordination {
  const { database, store } = options;
  if (!options.enabled) {
    return {
      isLeader: () => true,
      whenLeader: Promise.resolve(),
      requestSyncNow: () => undefined,
      requestDiscard: () => undefined,
      close: () => undefined,
    };
  }
  addRxPlugin(RxDBLeaderElectionPlugin);
  let leader = false;
  let closed = false;
  const channel =
    typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(`syncline-status:${database.name}`);
  const post = (message: Message) => {
    if (!closed) channel?.postMessage(message);
  };
  const snapshot = (): Partial<SyncStatus> => {
    const status = store.getState();
    return Object.fromEntries(mirrored.map((key) => [key, status[key]]));
  };

  const whenLeader = database.waitForLeadership().then(() => {
    if (closed) return;
    leader = true;
    post({ type: 'status', status: snapshot() });
  });
  const unsubscribe = store.subscribe((status, previous) => {
    if (leader && mirrored.some((key) => status[key] !== previous[key])) post({ type: 'status', status: snapshot() });
  });
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.type === 'status' && !leader) store.setState(data.status);
      else if (data.type === 'hello' && leader) post({ type: 'status', status: snapshot() });
      else if (data.type === 'syncNow' && leader) options.onSyncNowRequest();
      else if (data.type === 'discard' && leader) options.onDiscardRequest(data.targets);
    };
  }
  post({ type: 'hello' });

  return {
    isLeader: () => leader,
    whenLeader,
    requestSyncNow: () => post({ type: 'syncNow' }),
    requestDiscard: (targets) => post({ type: 'discard', targets: [...targets] }),
    close() {
      closed = true;
      unsubscribe();
      channel?.close();
    },
  };
}
