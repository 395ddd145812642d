// Replicates a Syncline database with a Syncline server over GraphQL: pull and push over HTTP, live changes over
// one graphql-ws socket, a refreshable token, exponential backoff with jitter, pause/resume, "sync now", and a
// sync status store fed from all of it.
import {
  type CollectionOperations,
  collectionOperations,
  type PlainDocument,
  sameDocumentState,
  stripNulls,
  toInputDocument,
  withoutStorageFields,
} from '@syncline/protocol';
import {
  createRevision,
  getAssumedMasterState,
  now,
  type RxCollection,
  type RxDocumentData,
  type RxJsonSchema,
  type RxReplicationWriteToMasterRow,
  type WithDeleted,
} from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { Subject, type Subscription } from 'rxjs';
import { Backoff, type BackoffOptions } from './backoff';
import { type AnyRxDatabase, synclineInternals } from './database';
import { createGraphQLTransport, SyncRequestError, type TokenSource } from './graphql-transport';
import { type LiveStream, openLiveStream, type PullStream } from './live-stream';
import { syncStateId } from './sync-state';
import { bindSyncCounts, createSyncStore, type SyncErrorInfo, type SyncStatus, type SyncStore } from './sync-store';
import { coordinateTabs, type DiscardTarget } from './tabs';

export interface StartReplicationOptions {
  /** a database opened with createSynclineDatabase */
  database: AnyRxDatabase;
  /** the server's GraphQL endpoint over HTTP(S), e.g. `https://sync.example.com/graphql` */
  url: string;
  /** the same endpoint over WebSocket; derived from `url` when omitted */
  wsUrl?: string;
  /** the JWT, or a function asked for it before every request and socket connection (so it can refresh it) */
  token: TokenSource;
  /** which of the database's synced collections to replicate; default all */
  collections?: readonly string[];
  /** documents per pull request (the server allows up to 1000 by default); default 500 */
  batchSize?: number;
  /** documents per push request; default 100 (a refused batch is retried one by one) */
  pushBatchSize?: number;
  backoff?: BackoffOptions;
  /** a request with no answer after this long counts as a network failure; default 30 s */
  requestTimeoutMs?: number;
  /** pending work with no acknowledgement for this long counts as stalled; default 30 s */
  stallAfterMs?: number;
  /** a store to feed; one is created when omitted */
  store?: SyncStore;
  /**
   * Replicate from one tab only (RxDB leader election); the other tabs mirror its status. Default: on when the
   * database is shared between tabs (multiInstance).
   */
  waitForLeadership?: boolean;
  /** keep replicating live (socket stream); false runs one pull/push round per collection. Default true */
  live?: boolean;
  fetch?: typeof fetch;
  /** a WebSocket implementation where the platform has none (Node 20); `ws` is loaded when needed */
  webSocketImpl?: unknown;
}

type Checkpoint = Record<string, unknown>;

export interface SynclineReplication {
  readonly store: SyncStore;
  readonly states: Readonly<Record<string, RxReplicationState<PlainDocument, Checkpoint>>>;
  /** stops talking to the server; local writes keep working and stay pending */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** retries now instead of after the backoff, pulls everything new, and resolves once all is in sync */
  syncNow(): Promise<void>;
  /** resolves once every pending write is pushed and everything new is pulled */
  awaitInSync(): Promise<void>;
  /**
   * Throws away this device's unsynced change to each document, pending or refused: the document goes back to the
   * server's state, and to its newest one if the server moved on meanwhile. A document the server never had (a
   * refused new one) is removed. In a tab that does not replicate, asks the one that does.
   */
  discard(targets: readonly DiscardTarget[]): Promise<void>;
  /** tears everything down: replication, socket, timers and store feeds */
  stop(): Promise<void>;
}

export function startReplication(options: StartReplicationOptions): SynclineReplication {
  const { database, url } = options;
  const internals = synclineInternals(database);
  const names = [...(options.collections ?? internals.syncedCollections)];
  // check every collection before anything starts, so a mistake leaves nothing running
  for (const name of names) {
    const collection = database.collections[name] as RxCollection | undefined;
    if (!collection) throw new Error(`The database has no collection "${name}" to replicate.`);
    const clock = (collection.schema.jsonSchema.properties as Record<string, { type?: unknown }>).updatedAt?.type;
    if (clock !== 'number' && clock !== 'integer') {
      throw new Error(
        `The "${name}" schema needs a number property "updatedAt" (not required): the server assigns it and replication uses it as the checkpoint.`,
      );
    }
  }
  const wsUrl = options.wsUrl ?? url.replace(/^http/, 'ws');
  const batchSize = options.batchSize ?? 500;
  const pushBatchSize = options.pushBatchSize ?? 100;
  const live = options.live ?? true;
  const stallAfterMs = options.stallAfterMs ?? 30_000;
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const store = options.store ?? createSyncStore();
  const backoff = new Backoff(options.backoff);
  const tracker = internals.tracker;
  const subscriptions: Subscription[] = [];
  const unbindCounts = bindSyncCounts(store, database);
  const inFlight = { pull: 0, push: 0 };
  let lastAckAt = Date.now();
  let socketConnected = false;
  let stopped = false;

  const set = (patch: Partial<SyncStatus>) => store.setState(patch);
  const leaderOnly = options.waitForLeadership ?? Boolean(database.multiInstance);
  const tabs = coordinateTabs({
    database,
    store,
    enabled: leaderOnly,
    onSyncNowRequest: () => void syncNow(),
    onDiscardRequest: (targets) =>
      void discard(targets).catch((error: unknown) => set({ lastError: describe('local', String(error)) })),
  });
  // A page opened (or reloaded) with the network off is offline from its first frame, not "connecting".
  const browserOffline = (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
  set({
    connection: browserOffline ? 'offline' : 'connecting',
    paused: false,
    progress: { collections: names.length, synced: 0, documents: 0 },
  });

  const describe = (kind: SyncErrorInfo['kind'], message: string): SyncErrorInfo => ({ kind, message, at: Date.now() });
  const noteActivity = () => set({ activity: inFlight.push > 0 ? 'pushing' : inFlight.pull > 0 ? 'pulling' : 'idle' });

  function acknowledged(direction: 'pull' | 'push') {
    const now = Date.now();
    // "stalled" is about pending writes: only a push acknowledgement counts against it
    if (direction === 'push') lastAckAt = now;
    backoff.succeeded();
    // the server answers: a socket waiting to reconnect may try at once
    backoff.wake();
    // with a live stream, "online" means the socket is up (it alone notices the server going away)
    const online = !store.getState().paused && (!live || socketConnected);
    set({
      lastSyncedAt: now,
      lastError: null,
      ...(direction === 'push' ? { stalled: false } : {}),
      ...(online ? { connection: 'online' as const } : {}),
    });
  }

  const request = createGraphQLTransport({ url, token: options.token, timeoutMs: requestTimeoutMs, fetch: fetchImpl });

  /** Runs one request with backoff before it, activity around it, and the status updated after it. */
  async function attempt<T>(direction: 'pull' | 'push', run: () => Promise<T>): Promise<T> {
    await backoff.wait();
    // stop() wakes every waiting retry: let them end here instead of talking to the server
    if (stopped) throw new SyncRequestError('local', 'The replication was stopped.');
    inFlight[direction] += 1;
    noteActivity();
    try {
      const result = await run();
      acknowledged(direction);
      return result;
    } catch (error) {
      backoff.failed();
      const info =
        error instanceof SyncRequestError ? describe(error.kind, error.message) : describe('local', String(error));
      // a live socket proves the server reachable: one failed request does not make the client offline
      const offline = info.kind === 'network' && !socketConnected;
      set({ lastError: info, ...(offline ? { connection: 'offline' as const } : {}) });
      throw error;
    } finally {
      inFlight[direction] -= 1;
      noteActivity();
    }
  }

  // documents received, counted into `progress` at most every 100 ms: an initial sync of 100,000 documents
  // should not mean 100,000 store updates
  let receivedUncounted = 0;
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  const flushReceived = () => {
    countTimer = undefined;
    const progress = store.getState().progress;
    if (progress && receivedUncounted > 0)
      set({ progress: { ...progress, documents: progress.documents + receivedUncounted } });
    receivedUncounted = 0;
  };
  const countReceived = () => {
    receivedUncounted += 1;
    countTimer ??= setTimeout(flushReceived, 100);
  };

  /** `${collection}|${id}` of local creations discarded while RxDB may still be retrying to push them */
  const discardedAway = new Set<string>();
  const streams = new Map<string, PullStream>();
  const operations = new Map<string, CollectionOperations>();
  const states: Record<string, RxReplicationState<PlainDocument, Checkpoint>> = {};

  for (const name of names) {
    const collection = database.collections[name] as RxCollection<PlainDocument>;
    const schema = collection.schema.jsonSchema as RxJsonSchema<unknown>;
    const primary = collection.schema.primaryPath as string;
    const ops = collectionOperations(name, schema);
    operations.set(name, ops);
    const stream$: PullStream = new Subject();
    /**
     * The server's latest state of recently pulled or streamed documents. RxDB skips the echo of a write that is
     * still pending; if the push is then acknowledged as a retry that changed nothing on the server, no other echo
     * ever comes, and the document would keep no server clock. Bounded: the most recent documents only.
     */
    const seenOnServer = new Map<string, PlainDocument>();
    const noteSeen = (documents: readonly PlainDocument[]) => {
      for (const doc of documents) {
        const id = String(doc[primary]);
        seenOnServer.delete(id);
        seenOnServer.set(id, doc);
      }
      for (const id of seenOnServer.keys()) {
        if (seenOnServer.size <= 5_000) break;
        seenOnServer.delete(id);
      }
    };
    subscriptions.push(stream$.subscribe((item) => item !== 'RESYNC' && noteSeen(item.documents)));
    /** Acknowledged documents whose echo went by while they were pending get the server's clock it carried. */
    const restoreServerClocks = async (pushed: readonly PlainDocument[]) => {
      const ids = pushed.map((doc) => String(doc[primary])).filter((id) => seenOnServer.has(id));
      if (ids.length === 0) return;
      const current = await collection.storageInstance.findDocumentsById(ids, true);
      const rows = [];
      for (const doc of current as RxDocumentData<PlainDocument>[]) {
        const echo = seenOnServer.get(String(doc[primary]));
        const clock = echo?.updatedAt;
        if (!echo || typeof clock !== 'number' || !sameDocumentState(echo, doc)) continue;
        if (typeof doc.updatedAt === 'number' && doc.updatedAt >= clock) continue;
        const document = { ...doc, updatedAt: clock, _meta: { ...doc._meta, lwt: now() } };
        rows.push({ previous: doc, document: { ...document, _rev: createRevision(database.token, doc) } });
      }
      // a downstream context: the server's own state, not a local change to track or push
      if (rows.length > 0) await collection.storageInstance.bulkWrite(rows, 'replication-downstream-echo');
    };
    streams.set(name, stream$);

    const idOf = (row: RxReplicationWriteToMasterRow<PlainDocument>) =>
      String((row.newDocumentState as PlainDocument)[primary]);

    /** Pushes rows; acknowledges what the server took and returns the server's state of each conflict. */
    const send = async (rows: RxReplicationWriteToMasterRow<PlainDocument>[]) => {
      const data = await request(ops.push, {
        [ops.pushVariable]: rows.map((row) => ({
          newDocumentState: toInputDocument(schema, row.newDocumentState as PlainDocument),
          ...(row.assumedMasterState
            ? { assumedMasterState: toInputDocument(schema, row.assumedMasterState as PlainDocument) }
            : {}),
        })),
      });
      const conflicts = ((data[ops.pushField] as PlainDocument[] | null) ?? []).map((doc) => stripNulls(doc));
      const conflicted = new Set(conflicts.map((doc) => String(doc[primary])));
      // the stream may miss the echo of this very push (say, right after a reconnect): pull to get the
      // server's clock for these documents
      if (live) setTimeout(() => states[name]?.reSync(), 0);
      const taken = rows
        .filter((row) => !conflicted.has(idOf(row)))
        .map((row) => row.newDocumentState as PlainDocument);
      await tracker.acknowledge(name, taken);
      await restoreServerClocks(taken);
      return conflicts as WithDeleted<PlainDocument>[];
    };

    /**
     * RxDB retries a failed batch with the rows it first read. Swap in each document's latest local state, so a
     * person's fix of a refused document is what the retry sends (and what RxDB then records as pushed).
     */
    const pushLatestStates = async (rows: RxReplicationWriteToMasterRow<PlainDocument>[]) => {
      const latest = await collection.storageInstance.findDocumentsById(rows.map(idOf), true);
      const byId = new Map(latest.map((doc) => [String((doc as PlainDocument)[primary]), doc as PlainDocument]));
      for (const row of rows) {
        const now = byId.get(idOf(row));
        if (now && !sameDocumentState(now, row.newDocumentState as PlainDocument)) {
          row.newDocumentState = {
            ...withoutStorageFields(now),
            _deleted: Boolean(now._deleted),
          } as typeof row.newDocumentState;
        }
      }
    };

    /** The server refused a batch: push its rows one by one, so the good ones land and the bad ones are named. */
    const isolateRejected = async (rows: RxReplicationWriteToMasterRow<PlainDocument>[], error: SyncRequestError) => {
      if (rows.length === 1) {
        await tracker.fail(name, rows.map(idOf), error.message);
        return;
      }
      for (const row of rows) {
        try {
          await send([row]);
        } catch (single) {
          if (!(single instanceof SyncRequestError && single.kind === 'rejected')) throw single;
          await tracker.fail(name, [idOf(row)], single.message);
        }
      }
    };

    const state = replicateRxCollection<PlainDocument, Checkpoint>({
      collection,
      replicationIdentifier: `syncline-graphql-${name}-${url}`,
      live,
      retryTime: 20,
      waitForLeadership: leaderOnly,
      toggleOnDocumentVisible: false,
      autoStart: true,
      pull: {
        batchSize,
        stream$: stream$.asObservable(),
        handler: (checkpoint, limit) =>
          attempt('pull', async () => {
            const data = await request(ops.pull, { checkpoint: checkpoint ?? null, limit });
            const bulk = data[ops.pullField] as { documents: PlainDocument[]; checkpoint: Checkpoint | null };
            const documents = bulk.documents.map((doc) => stripNulls(doc));
            noteSeen(documents);
            const next = bulk.checkpoint ? stripNulls(bulk.checkpoint) : checkpoint;
            return { documents: documents as WithDeleted<PlainDocument>[], checkpoint: next as Checkpoint };
          }),
      },
      push: {
        batchSize: pushBatchSize,
        handler: (rows: RxReplicationWriteToMasterRow<PlainDocument>[]) =>
          attempt('push', async () => {
            await pushLatestStates(rows);
            // a discarded local creation is not sent: the server never had it (RxDB may still be retrying it)
            const sendable = rows.filter((row) => {
              const key = syncStateId(name, idOf(row));
              return !(discardedAway.has(key) && (row.newDocumentState as PlainDocument)._deleted);
            });
            for (const row of rows) discardedAway.delete(syncStateId(name, idOf(row)));
            if (sendable.length === 0) return [];
            try {
              return await send(sendable);
            } catch (error) {
              if (!(error instanceof SyncRequestError && error.kind === 'rejected')) throw error;
              await isolateRejected(sendable, error);
              // RxDB retries the batch after the backoff; rows that landed meanwhile are idempotent no-ops
              throw error;
            }
          }),
      },
    });
    states[name] = state;
    subscriptions.push(
      state.received$.subscribe(() => countReceived()),
      state.active$.subscribe(() => noteActivity()),
      state.error$.subscribe((error) => {
        // request failures are already described by attempt(); anything else is a local problem worth showing
        const code = (error as { code?: string }).code;
        if (code !== 'RC_PULL' && code !== 'RC_PUSH' && code !== 'RC_STREAM') {
          set({ lastError: describe('local', error.message) });
        }
      }),
    );
    state
      .awaitInitialReplication()
      .then(() => {
        const progress = store.getState().progress;
        if (progress && !stopped) set({ progress: { ...progress, synced: progress.synced + 1 } });
      })
      .catch(() => undefined);
  }
  subscriptions.push(tracker.errors$.subscribe((error) => set({ lastError: describe('local', error.message) })));

  // --- live stream over one graphql-ws socket for all collections
  let socket: LiveStream | undefined;

  async function openSocket() {
    if (!live || stopped) return;
    await tabs.whenLeader;
    if (stopped || store.getState().paused) return;
    const opened = await openLiveStream({
      wsUrl,
      token: options.token,
      webSocketImpl: options.webSocketImpl,
      streams: names.map((name) => ({
        operations: operations.get(name) as CollectionOperations,
        stream$: streams.get(name) as PullStream,
      })),
      retryWait: (retries) => backoff.wait(retries + 1),
      onConnected: () => {
        socketConnected = true;
        backoff.succeeded();
        backoff.wake();
        const status = store.getState();
        if (!status.paused) {
          set({ connection: 'online', ...(status.lastError?.kind === 'network' ? { lastError: null } : {}) });
        }
      },
      onClosed: () => {
        // every failed (re)connection counts, not only the loss of a live socket: otherwise a late answer to a
        // request could leave the status "online" while the server is down
        socketConnected = false;
        const status = store.getState();
        if (stopped || status.paused) return;
        set({
          connection: 'offline',
          lastError:
            status.lastError ??
            describe(
              'network',
              `Lost the connection to the sync server at ${wsUrl}. Changes are kept on this device and sent when it is back.`,
            ),
        });
      },
      onError: (message) =>
        set({ lastError: describe('server', `Live updates stopped: ${message}. Changes still sync on retry.`) }),
    });
    // paused or stopped while connecting: do not keep a socket nobody will close
    if (stopped || store.getState().paused) await opened.dispose();
    else socket = opened;
  }

  async function closeSocket() {
    const current = socket;
    socket = undefined;
    socketConnected = false;
    await current?.dispose();
  }

  void openSocket().catch((error: unknown) => set({ lastError: describe('local', String(error)) }));

  // --- the browser's own idea of connectivity
  const onOnline = () => {
    if (store.getState().paused) return;
    // the socket may have outlived the browser's offline spell; either way, pull what was missed
    set({ connection: socketConnected ? 'online' : 'connecting' });
    backoff.wake();
    for (const state of Object.values(states)) state.reSync();
  };
  const onOffline = () => set({ connection: 'offline' });
  const target = (globalThis as { window?: EventTarget }).window;
  target?.addEventListener('online', onOnline);
  target?.addEventListener('offline', onOffline);

  // "nothing acknowledged for a while" counts from the later of the last acknowledgement and the first pending write
  let pendingSince = Date.now();
  subscriptions.push({
    unsubscribe: store.subscribe((status, previous) => {
      if (status.pendingCount > 0 && previous.pendingCount === 0) pendingSince = Date.now();
    }),
  } as Subscription);
  const stallTimer = setInterval(() => {
    if (!tabs.isLeader()) return;
    const status = store.getState();
    const quietFor = Date.now() - Math.max(lastAckAt, pendingSince);
    const stalled = status.pendingCount > 0 && status.connection === 'online' && quietFor > stallAfterMs;
    if (stalled !== status.stalled) set({ stalled });
  }, 1_000);
  (stallTimer as { unref?: () => void }).unref?.();

  const all = () => Object.values(states);

  /** Sync now: in the leader tab, retry at once and wait until in sync; in another tab, ask the leader. */
  async function syncNow() {
    if (!tabs.isLeader()) {
      tabs.requestSyncNow();
      return;
    }
    // "Sync now" on a paused replication means: resume it
    if (store.getState().paused) await resume();
    backoff.wake();
    for (const state of all()) state.reSync();
    await Promise.all(all().map((state) => state.awaitInSync()));
  }

  async function discard(targets: readonly DiscardTarget[]) {
    if (!tabs.isLeader()) {
      tabs.requestDiscard(targets);
      return;
    }
    const byCollection = new Map<string, string[]>();
    for (const { collectionName, documentId } of targets) {
      if (!states[collectionName]) {
        throw new Error(`"${collectionName}" is not replicated by this client; nothing was discarded.`);
      }
      byCollection.set(collectionName, [...(byCollection.get(collectionName) ?? []), documentId]);
    }
    for (const [name, ids] of byCollection) {
      const state = states[name] as RxReplicationState<PlainDocument, Checkpoint>;
      await state.startPromise;
      const internal = state.internalReplicationState;
      if (!internal) throw new Error(`The replication of "${name}" has not started; nothing was discarded.`);
      const collection = database.collections[name] as RxCollection<PlainDocument>;
      const primary = collection.schema.primaryPath as string;
      const masters = await getAssumedMasterState(internal, ids);
      const current = (await collection.storageInstance.findDocumentsById(
        ids,
        true,
      )) as RxDocumentData<PlainDocument>[];
      const back = [];
      const gone = [];
      for (const doc of current) {
        const id = String(doc[primary]);
        const server = (masters[id]?.docData as PlainDocument | undefined) ?? tracker.takenState(name, id);
        const stamp = { _meta: { ...doc._meta, lwt: now() }, _rev: createRevision(database.token, doc) };
        if (server) {
          tracker.markDiscarding(name, id);
          const serverState = { ...withoutStorageFields(server), _deleted: Boolean(server._deleted) };
          back.push({ previous: doc, document: { ...serverState, _attachments: doc._attachments ?? {}, ...stamp } });
        } else {
          discardedAway.add(syncStateId(name, id));
          gone.push({ previous: doc, document: { ...doc, _deleted: true, ...stamp } });
        }
      }
      const written = [
        // back to the server's state as a local write: pushed once, so the server answers with its newest state
        ...(back.length > 0 ? [await collection.storageInstance.bulkWrite(back, 'syncline-discard')] : []),
        // never on the server: removed as if the server had said so, so nothing is pushed
        ...(gone.length > 0
          ? [await collection.storageInstance.bulkWrite(gone, await internal.downstreamBulkWriteFlag)]
          : []),
      ];
      const failed = written.flatMap((result) => result.error.map((error) => error.documentId));
      if (gone.length > 0) {
        const removed = gone.map((row) => String(row.previous[primary])).filter((id) => !failed.includes(id));
        await tracker.forget(name, removed);
      }
      if (failed.length > 0) {
        throw new Error(`${failed.join(', ')} changed while discarding and kept the newer change; discard again.`);
      }
    }
  }

  async function resume() {
    set({ paused: false, connection: 'connecting' });
    backoff.succeeded();
    await Promise.all(all().map((state) => state.start()));
    await openSocket();
  }

  return {
    store,
    states,
    async pause() {
      set({ paused: true, connection: 'offline', activity: 'idle' });
      await Promise.all(all().map((state) => state.pause()));
      await closeSocket();
    },
    resume,
    syncNow,
    discard,
    async awaitInSync() {
      await Promise.all(all().map((state) => state.awaitInSync()));
      await tracker.flush();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(stallTimer);
      tabs.close();
      if (countTimer) clearTimeout(countTimer);
      flushReceived();
      target?.removeEventListener('online', onOnline);
      target?.removeEventListener('offline', onOffline);
      backoff.wake();
      for (const subscription of subscriptions) subscription.unsubscribe();
      await Promise.all(all().map((state) => state.cancel()));
      for (const stream$ of streams.values()) stream$.complete();
      await closeSocket();
      unbindCounts();
      set({ connection: 'offline', activity: 'idle', stalled: false });
    },
  };
}
