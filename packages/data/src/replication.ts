// Replicates a Syncline database with a Syncline server over GraphQL: pull and push over HTTP, live changes over
// one graphql-ws socket, a refreshable token, exponential backoff with jitter, pause/resume, "sync now", and a
// sync status store fed from all of it. This module composes the pieces under ./replication/, each with one job.
import {
  DEFAULT_SYNC_PRIORITY,
  type LookupRequest,
  type PlainDocument,
  SETTLEMENTS_COLLECTION,
  type SyncPriority,
  type SyncScope,
  syncScopeOf,
} from '@syncline/protocol';
import type { RxCollection } from 'rxdb';
import type { AnyRxDatabase } from './any-database';
import { type BackoffOptions, Backoffs } from './backoff';
import { createGraphQLTransport, readToken, type TokenSource } from './graphql-transport';
import { synclineInternals } from './internals';
import { type Lookup, lookupDocuments } from './lookup';
import {
  type CollectionReplicationState,
  type CollectionReplicator,
  type DiscardedCreations,
  replicateCollection,
} from './replication/collection-replicator';
import { browserSaysOffline, watchConnectivity } from './replication/connectivity';
import { discardChanges } from './replication/discard';
import { keepLastSynced } from './replication/last-synced';
import { LiveConnection } from './replication/live-connection';
import { PriorityRounds } from './replication/priorities';
import { createReceivedCounter } from './replication/received-counter';
import { retryChanges } from './replication/retry';
import { claimsScope, followScopeClaims } from './replication/scope-claims';
import { watchStalls } from './replication/stall-watch';
import { SyncReporter } from './replication/sync-reporter';
import { readServerHistory, type ServerHistory, type ServerHistoryPage } from './server-history';
import { fetchServerSchemas } from './server-schemas';
import { bindSyncCounts, createSyncStore, type SyncStore } from './sync-store';
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
  /**
   * After a (re)connection the collections sync in their schemas' priority classes (`sync.priority`), one class
   * in sync before the next sends; a class that cannot get in sync holds the next back this long at most.
   * Default 15 s
   */
  priorityWaitMs?: number;
  /**
   * A document that points to another new on this device (the schemas' `sync.references`) is pushed once that one
   * is acknowledged, or after this long if it is not (refused, say). Default 10 s
   */
  parentWaitMs?: number;
  /** how often the device lets go of what time took out of a collection's scope (`sync.scope`); default 10 min */
  scopeSweepMs?: number;
}

export interface SynclineReplication {
  readonly store: SyncStore;
  readonly states: Readonly<Record<string, CollectionReplicationState>>;
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
  /**
   * Sends each refused change again, as it is (the server may take it now), then syncs now. A refused change is
   * otherwise never resent on its own, only with the person's next edit of it.
   */
  retry(targets: readonly DiscardTarget[]): Promise<void>;
  /**
   * One page of a document's history as the server recorded it (its audit trail), newest first; offline, signed
   * out or not permitted come back as that state. Asks the server whether or not the replication is paused.
   */
  serverHistory(collection: string, documentId: string, page?: ServerHistoryPage): Promise<ServerHistory>;
  /**
   * Lets go of what time has taken out of each collection's scope (the schemas' `sync.scope`), as if the server had
   * removed it: nothing is pushed, and a document with a change not yet sent stays. Runs by itself after the first
   * sync and every `scopeSweepMs`. Resolves with how many documents were let go.
   */
  sweepScopes(now?: number): Promise<number>;
  /**
   * Documents of a collection whatever this device keeps of it (its sync scope), found on the server by id or by a
   * field's prefix, as the person's role may see them; nothing is stored. Offline, signed out, not permitted or a
   * refused lookup come back as that state with the server's words.
   */
  lookup(collection: string, request: LookupRequest): Promise<Lookup>;
  /**
   * Keeps documents a lookup answered on this device as the server's (nothing is pushed) and holds them, with any
   * of `ids` the device already has, whatever the scope until the returned release is called; the next sweep after
   * that lets go of what is out of scope. Only the tab that syncs can store them: another tab is told so.
   */
  keep(collection: string, ids: readonly string[], documents?: readonly PlainDocument[]): Promise<() => void>;
  /** tears everything down: replication, socket, timers and store feeds */
  stop(): Promise<void>;
}

/** Checks every collection before anything starts, so a mistake leaves nothing running. */
function checkCollections(database: AnyRxDatabase, names: readonly string[]): void {
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
}

export function startReplication(options: StartReplicationOptions): SynclineReplication {
  const { database, url } = options;
  const { syncedCollections, tracker, device, priorities, references, scopes, permissions } =
    synclineInternals(database);
  // the fields merge rules settled sync with every replication: the other devices list them too
  const names = [...new Set([...(options.collections ?? syncedCollections), SETTLEMENTS_COLLECTION])];
  checkCollections(database, names);
  const live = options.live ?? true;
  const store = options.store ?? createSyncStore();
  const backoffs = new Backoffs(options.backoff);
  const reporter = new SyncReporter(store, backoffs, live);
  const received = createReceivedCounter(store);
  const unbindCounts = bindSyncCounts(store, database);
  const stopKeepingLastSynced = keepLastSynced(store, database.name);
  const discarded: DiscardedCreations = new Set();
  const leaderOnly = options.waitForLeadership ?? Boolean(database.multiInstance);

  const tabs = coordinateTabs({
    database,
    store,
    enabled: leaderOnly,
    onSyncNowRequest: () => void syncNow(),
    onDiscardRequest: (targets) => void discard(targets).catch((error: unknown) => reporter.localError(String(error))),
    onHoldRequest: ({ collection, ids, documents }) => keepHere(collection, ids, documents),
  });
  reporter.set({
    connection: browserSaysOffline() ? 'offline' : 'connecting',
    paused: false,
    progress: { collections: names.length, synced: 0, documents: 0, expected: null, secondsLeft: null },
  });

  // the server refuses a collection whose schema version differs from its own, in words that say who must update
  const schemaVersions = names.map((name) => `${name}@${database.collections[name]?.schema.version ?? 0}`).join(',');
  // the collections whose documents on the device depend on the token's claims (a site; the person, for people's
  // own documents) start over when a token with other claims comes: every token the replication uses is read
  const claimsScopes = Object.fromEntries(
    names.flatMap((name) => {
      const scope = claimsScope(scopes[name], permissions[name]?.owner);
      return scope?.claims && Object.keys(scope.claims).length > 0 ? [[name, scope]] : [];
    }),
  );
  const claims = followScopeClaims({
    database,
    scopes: claimsScopes,
    // the live stream judges its scope by the token it connected with: it connects again with the new one
    onChange: () => {
      if (live)
        void connection
          .close()
          .then(openSocket)
          .catch((error: unknown) => reporter.localError(String(error)));
    },
    // what the old claims kept goes with the pass's last page: whatever the pass did not bring
    startOver: (name) => replicatorOf(name).startOver(),
    onError: (error) => reporter.localError(String(error)),
  });
  const token: TokenSource = async () => {
    const value = await readToken(options.token);
    claims.seen(value);
    return value;
  };
  const server = {
    url,
    token,
    device,
    schemaVersions,
    timeoutMs: options.requestTimeoutMs ?? 30_000,
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
  };
  const request = createGraphQLTransport(server);
  // the settled fields are history: they sync last
  const priorityOf = (name: string): SyncPriority =>
    name === SETTLEMENTS_COLLECTION ? 3 : (priorities[name] ?? DEFAULT_SYNC_PRIORITY);
  const lastClass = Math.max(...names.map(priorityOf)) as SyncPriority;
  const states: Record<string, CollectionReplicationState> = {};
  const rounds = new PriorityRounds({
    collections: new Map(names.map((name) => [name, { priority: priorityOf(name), state: lazyState(name) }])),
    onProgress: (syncedThrough) => reporter.set({ priority: { syncedThrough, last: lastClass } }),
    maxWaitMs: options.priorityWaitMs,
  });
  /** a class's replication states exist once every collection is set up; a round asks for them later */
  function lazyState(name: string) {
    return { awaitInSync: () => (states[name] as CollectionReplicationState).awaitInSync() };
  }
  /** The rows' parents (see the schemas' `sync.references`) that are new on this device go up first. */
  const parentsFirst = (name: string) => {
    const parents = Object.entries(references[name] ?? {}).filter(([, parent]) => names.includes(parent));
    // a collection that points to none pushes as it always has
    if (parents.length === 0) return undefined;
    return async (rows: readonly Record<string, unknown>[]) => {
      const waits = parents.map(([field, parent]) => {
        const ids = rows.filter((row) => !row._deleted).map((row) => row[field]);
        const named = ids.filter((id): id is string => typeof id === 'string' && id !== '');
        return tracker.createsSent(parent, named, options.parentWaitMs ?? 10_000);
      });
      await Promise.all(waits);
    };
  };
  // what each collection keeps: the app's schemas say, the server's published ones decide (a deployment may keep
  // more history or less, `--keep-days`), so the device never lets go of what the server would still send
  const followedScopes: Record<string, SyncScope | undefined> = { ...scopes };
  let serverScopes: Promise<boolean> | undefined;
  /** Reads the scopes the server publishes, once it answers (until then, and after a failure, asks again later). */
  const followServerScopes = () => {
    serverScopes ??= fetchServerSchemas(url, { fetch: server.fetch }).then(
      ({ collections }) => {
        for (const name of names) if (collections[name]) followedScopes[name] = syncScopeOf(collections[name]);
        return true;
      },
      () => {
        serverScopes = undefined;
        return false;
      },
    );
    return serverScopes;
  };
  const replicators: CollectionReplicator[] = names.map((name) =>
    replicateCollection({
      collection: database.collections[name],
      name,
      url,
      request,
      reporter,
      tracker,
      received,
      backoffs,
      discarded,
      batchSize: options.batchSize ?? 500,
      pushBatchSize: options.pushBatchSize ?? 100,
      live,
      waitForLeadership: leaderOnly,
      gate: { isOpen: () => rounds.isOpen(priorityOf(name)), turn: () => rounds.turn(priorityOf(name)) },
      parentsFirst: parentsFirst(name),
      scope: () => followedScopes[name],
      // what waits to go up starts once the live stream listens, so the push's echoes are not pulled back after it
      startWhenStreamListens: live && tracker.holdsAny(name),
    }),
  );
  names.forEach((name, i) => {
    states[name] = (replicators[i] as CollectionReplicator).state;
  });
  rounds.begin();
  const all = () => replicators.map(({ state }) => state);
  const trackerErrors = tracker.errors$.subscribe((error) => reporter.localError(error.message));

  const connection = new LiveConnection({
    wsUrl: options.wsUrl ?? url.replace(/^http/, 'ws'),
    token,
    device,
    schemaVersions,
    webSocketImpl: options.webSocketImpl,
    replicators,
    reporter,
    whenLeader: tabs.whenLeader,
    // the first connection is part of the start's round; every later one catches up in priority order again
    onConnected: () => {
      if (connectedBefore) rounds.begin();
      connectedBefore = true;
    },
    onClosed: () => {
      for (const replicator of replicators) replicator.streamUnavailable();
    },
  });
  let connectedBefore = false;
  const openSocket = () => (live ? connection.open() : Promise.resolve());
  void openSocket().catch((error: unknown) => reporter.localError(String(error)));

  const stopWatchingConnectivity = watchConnectivity({
    online: () => {
      if (store.getState().paused) return;
      // the socket may have outlived the browser's offline spell; either way, pull what was missed
      reporter.reconnecting();
      // what failed while the network was gone starts afresh
      backoffs.resetAll();
      backoffs.wakeAll();
      rounds.begin();
      for (const state of all()) state.reSync();
    },
    offline: () => reporter.set({ connection: 'offline' }),
  });
  const stopWatchingStalls = watchStalls({
    store,
    stallAfterMs: options.stallAfterMs ?? 30_000,
    lastAckAt: () => reporter.lastPushAckAt,
    isLeader: () => tabs.isLeader(),
  });

  /** Sync now: in the leader tab, retry at once and wait until in sync; in another tab, ask the leader. */
  async function syncNow() {
    if (!tabs.isLeader()) {
      tabs.requestSyncNow();
      return;
    }
    // "Sync now" on a paused replication means: resume it
    if (store.getState().paused) await resume();
    backoffs.wakeAll();
    rounds.begin();
    for (const state of all()) state.reSync();
    await Promise.all(all().map((state) => state.awaitInSync()));
  }

  async function discard(targets: readonly DiscardTarget[]) {
    if (!tabs.isLeader()) {
      tabs.requestDiscard(targets);
      return;
    }
    await discardChanges({ database, states, tracker, discarded }, targets);
  }

  async function retry(targets: readonly DiscardTarget[]) {
    await retryChanges(database, targets);
    await syncNow();
  }

  async function resume() {
    reporter.set({ paused: false, connection: 'connecting' });
    backoffs.resetAll();
    rounds.begin();
    await Promise.all(all().map((state) => state.start()));
    // what a push on its way when the pause came carried is sent again: RxDB may have dropped its answer
    await Promise.all(replicators.map((replicator) => replicator.resendInterrupted()));
    await openSocket();
  }

  /** A collection this replication carries, or an error naming it. */
  const replicatorOf = (name: string) => {
    const index = names.indexOf(name);
    if (index < 0) throw new Error(`"${name}" is not replicated by this client.`);
    return replicators[index] as CollectionReplicator;
  };
  /** Holds documents in this tab's replication, and stores the server's answer for them when given. */
  const keepHere = async (collection: string, ids: readonly string[], documents: readonly PlainDocument[]) => {
    const replicator = replicatorOf(collection);
    const release = replicator.hold(ids);
    if (documents.length === 0) return release;
    try {
      await replicator.keepFromServer(documents);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  };
  const collectionNamed = (name: string) => {
    replicatorOf(name);
    return database.collections[name] as RxCollection;
  };

  const sweepScopes = async (now?: number) => {
    // never by the app's own copy: the server may keep more
    if (!(await followServerScopes())) return 0;
    const counts = await Promise.all(replicators.map((replicator) => replicator.sweepScope(now)));
    return counts.reduce((sum, count) => sum + count, 0);
  };
  const sweepLater = () => void sweepScopes().catch((error: unknown) => reporter.localError(String(error)));
  const scoped = names.filter((name) => scopes[name]);
  // after the first sync, and then now and again: time takes documents out of a scope with no change to them
  if (scoped.length > 0) {
    Promise.all(scoped.map((name) => states[name]?.awaitInitialReplication()))
      .then(() => !reporter.stopped && sweepLater())
      .catch(() => undefined);
  }
  const sweepTimer = scoped.length > 0 ? setInterval(sweepLater, options.scopeSweepMs ?? 600_000) : undefined;

  return {
    store,
    states,
    sweepScopes,
    async pause() {
      reporter.set({ paused: true, connection: 'offline', activity: 'idle' });
      await Promise.all(all().map((state) => state.pause()));
      await connection.close();
    },
    resume,
    syncNow,
    discard,
    retry,
    serverHistory: (collection, documentId, page) => readServerHistory(server, collection, documentId, page),
    lookup: (collection, request) => lookupDocuments(server, collectionNamed(collection), request),
    async keep(collection, ids, documents = []) {
      replicatorOf(collection);
      // the tab that syncs holds it (and stores the server's answer), for whichever tab shows it
      return tabs.requestHold({ collection, ids: [...ids], documents: [...documents] });
    },
    async awaitInSync() {
      await Promise.all(all().map((state) => state.awaitInSync()));
      await tracker.flush();
    },
    async stop() {
      if (reporter.stopped) return;
      reporter.stopped = true;
      claims.stop();
      clearInterval(sweepTimer);
      stopWatchingStalls();
      tabs.close();
      received.flush();
      stopWatchingConnectivity();
      backoffs.releaseAll();
      rounds.stop();
      trackerErrors.unsubscribe();
      await Promise.all(replicators.map((replicator) => replicator.cancel()));
      await connection.close();
      unbindCounts();
      stopKeepingLastSynced();
      reporter.set({ connection: 'offline', activity: 'idle', stalled: false });
    },
  };
}
