// Several browser tabs on one database: only the leader tab replicates (RxDB leader election); the others mirror
// its sync status over a BroadcastChannel and pass "Sync now" to it. Pending and conflict counts need no
// mirroring: every tab reads them from the shared local collections. A document another tab shows is held by the
// leader for it (the leader alone lets go of what leaves the sync scope, and alone stores what the server answered
// on demand): the other tab asks it to hold, and to let go when the page closes; a new leader is asked again.

import type { PlainDocument } from '@syncline/protocol';
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

/** Documents a page shows, held on the device (and, when given, stored as the server answered them). */
export interface HoldRequest {
  collection: string;
  ids: readonly string[];
  documents: readonly PlainDocument[];
}

/** How long a tab waits for the leader to answer a hold before it says so. */
const HOLD_ANSWER_MS = 15_000;

type Message =
  | { type: 'status'; status: Partial<SyncStatus> }
  | { type: 'hello' }
  | { type: 'leading' }
  | { type: 'syncNow' }
  | { type: 'discard'; targets: DiscardTarget[] }
  | { type: 'hold'; tab: string; hold: number; request: HoldRequest }
  | { type: 'held'; tab: string; hold: number; error?: string }
  | { type: 'release'; tab: string; hold: number }
  | { type: 'bye'; tab: string };

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

  const tab = Math.random().toString(36).slice(2);
  /** holds this tab asked for and has not let go of; `local` once this tab leads and holds them itself */
  const ownHolds = new Map<number, { request: HoldRequest; local?: Promise<(() => void) | undefined> }>();
  /** answers this tab waits for from the leader */
  const answers = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  /** as the leader: what other tabs asked to hold, by tab and hold */
  const heldForOthers = new Map<string, Map<number, Promise<(() => void) | undefined>>>();
  let holds = 0;

  const holdLocally = (request: HoldRequest) =>
    options.onHoldRequest(request).then(
      (letGo) => letGo,
      () => undefined,
    );

  const whenLeader = database.waitForLeadership().then(() => {
    if (closed) return;
    leader = true;
    post({ type: 'status', status: snapshot() });
    post({ type: 'leading' });
    // what this tab asked the old leader to hold, it now holds itself
    for (const [hold, own] of ownHolds) {
      own.local ??= holdLocally(own.request);
      // an answer the old leader never gave: this tab holds it now
      const answer = answers.get(hold);
      answers.delete(hold);
      if (answer) void own.local.then(() => answer.resolve());
    }
  });

  const holdForOther = (from: string, hold: number, request: HoldRequest) => {
    const ofTab = heldForOthers.get(from) ?? new Map<number, Promise<(() => void) | undefined>>();
    heldForOthers.set(from, ofTab);
    if (ofTab.has(hold)) return;
    const held = options.onHoldRequest(request).then(
      (letGo) => {
        post({ type: 'held', tab: from, hold });
        return letGo;
      },
      (error: unknown) => {
        post({ type: 'held', tab: from, hold, error: error instanceof Error ? error.message : String(error) });
        return undefined;
      },
    );
    ofTab.set(hold, held);
  };
  const releaseForOther = (from: string, hold?: number) => {
    const ofTab = heldForOthers.get(from);
    if (!ofTab) return;
    for (const [id, held] of ofTab) {
      if (hold !== undefined && id !== hold) continue;
      ofTab.delete(id);
      void held.then((letGo) => letGo?.());
    }
    if (ofTab.size === 0) heldForOthers.delete(from);
  };
  const unsubscribe = store.subscribe((status, previous) => {
    if (leader && mirrored.some((key) => status[key] !== previous[key])) post({ type: 'status', status: snapshot() });
  });
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<Message>) => {
      if (data.type === 'status' && !leader) store.setState(data.status);
      else if (data.type === 'hello' && leader) post({ type: 'status', status: snapshot() });
      else if (data.type === 'syncNow' && leader) options.onSyncNowRequest();
      else if (data.type === 'discard' && leader) options.onDiscardRequest(data.targets);
      else if (data.type === 'hold' && leader) holdForOther(data.tab, data.hold, data.request);
      else if (data.type === 'release' && leader) releaseForOther(data.tab, data.hold);
      else if (data.type === 'bye' && leader) releaseForOther(data.tab);
      else if (data.type === 'held' && data.tab === tab) {
        const answer = answers.get(data.hold);
        answers.delete(data.hold);
        if (data.error === undefined) answer?.resolve();
        else answer?.reject(new Error(data.error));
      } else if (data.type === 'leading' && !leader) {
        // a new leader knows nothing of what this tab shows
        for (const [hold, own] of ownHolds) post({ type: 'hold', tab, hold, request: own.request });
      }
    };
  }
  post({ type: 'hello' });

  return {
    isLeader: () => leader,
    whenLeader,
    requestSyncNow: () => post({ type: 'syncNow' }),
    requestDiscard: (targets) => post({ type: 'discard', targets: [...targets] }),
    async requestHold(request) {
      const hold = ++holds;
      const own: { request: HoldRequest; local?: Promise<(() => void) | undefined> } = { request };
      ownHolds.set(hold, own);
      const release = () => {
        if (!ownHolds.delete(hold)) return;
        if (own.local) void own.local.then((letGo) => letGo?.());
        else post({ type: 'release', tab, hold });
      };
      if (leader) {
        own.local = options.onHoldRequest(request);
        try {
          await own.local;
        } catch (error) {
          ownHolds.delete(hold);
          throw error;
        }
        return release;
      }
      try {
        await new Promise<void>((resolve, reject) => {
          answers.set(hold, { resolve, reject });
          post({ type: 'hold', tab, hold, request });
          setTimeout(() => {
            if (!answers.delete(hold)) return;
            reject(
              new Error(
                `The tab that syncs did not answer within ${HOLD_ANSWER_MS / 1000} s, so ${request.collection} could not be kept from the server. Try again.`,
              ),
            );
          }, HOLD_ANSWER_MS);
        });
      } catch (error) {
        release();
        throw error;
      }
      return release;
    },
    close() {
      post({ type: 'bye', tab });
      for (const own of ownHolds.values()) void own.local?.then((letGo) => letGo?.());
      ownHolds.clear();
      closed = true;
      unsubscribe();
      channel?.close();
    },
  };
}
