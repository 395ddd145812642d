// Several browser tabs on one database: only the leader tab replicates (RxDB leader election); the others mirror
// its sync status over a BroadcastChannel and pass "Sync now" to it. Pending and conflict counts need no
// mirroring: every tab reads them from the shared local collections. A document another tab shows is held by the
// leader for it (the leader alone lets go of what leaves the sync scope, and alone stores what the server answered
// on demand): the other tab asks it to (tab-holds.ts).

import { addRxPlugin } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import type { AnyRxDatabase } from './any-database';
import type { SyncStatus, SyncStore } from './sync-store';
import { createTabHolds, type HoldMessage, type HoldRequest } from './tab-holds';

export type { HoldRequest } from './tab-holds';

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
  | { type: 'discard'; targets: DiscardTarget[] }
  | HoldMessage;

export interface TabCoordination {
  isLeader(): boolean;
  /** resolves when this tab replicates: at once with a single instance, on election with several */
  whenLeader: Promise<void>;
  /** asks the leader tab to sync now */
  requestSyncNow(): void;
  /** asks the leader tab to discard these documents' local changes */
  requestDiscard(targets: readonly DiscardTarget[]): void;
  /** asks the leader tab to hold documents this tab shows; resolves with the letting go once it has */
  requestHold(request: HoldRequest): Promise<() => void>;
  close(): void;
}

export function coordinateTabs(options: {
  database: AnyRxDatabase;
  store: SyncStore;
  enabled: boolean;
  onSyncNowRequest: () => void;
  onDiscardRequest: (targets: readonly DiscardTarget[]) => void;
  /** holds documents in this tab's replication (the leader's); resolves with the letting go */
  onHoldRequest: (request: HoldRequest) => Promise<() => void>;
}): TabCoordination {
  const { database, store } = options;
  if (!options.enabled) {
    return {
      isLeader: () => true,
      whenLeader: Promise.resolve(),
      requestSyncNow: () => undefined,
      requestDiscard: () => undefined,
      requestHold: options.onHoldRequest,
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

  const holds = createTabHolds({ post, isLeader: () => leader, holdHere: options.onHoldRequest });

  const whenLeader = database.waitForLeadership().then(() => {
    if (closed) return;
    leader = true;
    post({ type: 'status', status: snapshot() });
    holds.becameLeader();
  });
  // a page that goes away lets go of what it showed (the leader would otherwise hold it until it closes itself)
  const pageHidden = (event: PageTransitionEvent) => {
    if (!event.persisted) holds.close();
  };
  globalThis.addEventListener?.('pagehide', pageHidden as EventListener);
  const unsubscribe = store.subscribe((status, previous) => {
    if (leader && mirrored.some((key) => status[key] !== previous[key])) post({ type: 'status', status: snapshot() });
  });
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      switch (data.type) {
        case 'status':
          if (!leader) store.setState(data.status);
          break;
        case 'hello':
          if (leader) post({ type: 'status', status: snapshot() });
          break;
        case 'syncNow':
          if (leader) options.onSyncNowRequest();
          break;
        case 'discard':
          if (leader) options.onDiscardRequest(data.targets);
          break;
        default:
          holds.receive(data);
      }
    };
  }
  post({ type: 'hello' });

  return {
    isLeader: () => leader,
    whenLeader,
    requestSyncNow: () => post({ type: 'syncNow' }),
    requestDiscard: (targets) => post({ type: 'discard', targets: [...targets] }),
    requestHold: (request) => holds.request(request),
    close() {
      holds.close();
      globalThis.removeEventListener?.('pagehide', pageHidden as EventListener);
      closed = true;
      unsubscribe();
      channel?.close();
    },
  };
}
