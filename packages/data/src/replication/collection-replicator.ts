// The replication of one collection: RxDB's replication state wired to the server's pull and push, with the
// pushed rows refreshed to their latest local state, a refused batch split so its good rows land and its bad ones
// are named, acknowledgements handed to the sync tracker, and the live stream's events fed in.
import {
  CONFLICT_RESOLUTION_FIELD,
  type CollectionOperations,
  collectionOperations,
  outOfScopeSelector,
  type PlainDocument,
  type SyncScope,
  sameDocumentState,
  stripNulls,
  toInputDocument,
  withoutStorageFields,
} from '@syncline/protocol';
import {
  deepEqual,
  type RxCollection,
  type RxJsonSchema,
  type RxReplicationWriteToMasterRow,
  type WithDeleted,
} from 'rxdb';
import { type RxReplicationState, replicateRxCollection } from 'rxdb/plugins/replication';
import { filter, merge, Subject, type Subscription } from 'rxjs';
import type { Backoffs } from '../backoff';
import { type GraphQLRequest, SyncRequestError } from '../graphql-transport';
import type { CollectionStream, PullStream } from '../live-stream';
import { CONFLICT_WRITE_CONTEXT, type SyncTracker, syncStateId } from '../sync-state';
import { InterruptedPushes } from './interrupted-pushes';
import type { ReceivedCounter } from './received-counter';
import { keepRefusedForked } from './refused-rows';
import { ServerEchoes } from './server-echoes';
import { followStream } from './stream-gaps';
import type { SyncReporter } from './sync-reporter';

export type Checkpoint = Record<string, unknown>;
export type CollectionReplicationState = RxReplicationState<PlainDocument, Checkpoint>;
type Row = RxReplicationWriteToMasterRow<PlainDocument>;

/** `${collection}|${id}` of local creations discarded while RxDB may still be retrying to push them. */
export type DiscardedCreations = Set<string>;

/** A counting pull's answer, as far as the progress and the pass's start read it. */
interface CountedPage {
  documents: readonly unknown[];
  remaining?: number | null;
  /** the server's clock before the page was read */
  serverTime?: number | null;
}

export interface CollectionReplicatorOptions {
  collection: RxCollection<PlainDocument>;
  name: string;
  url: string;
  request: GraphQLRequest;
  reporter: SyncReporter;
  tracker: SyncTracker;
  received: ReceivedCounter;
  /** one backoff per collection and direction (`<name>:pull`, `<name>:push`) */
  backoffs: Backoffs;
  discarded: DiscardedCreations;
  batchSize: number;
  pushBatchSize: number;
  live: boolean;
  waitForLeadership: boolean;
  /** resolves once the documents these rows point to, new on this device, have been sent (parents first) */
  parentsFirst?: (rows: readonly PlainDocument[]) => Promise<void>;
  /** this collection's priority class: whether it may send now, and when it may (see PriorityRounds) */
  gate: { isOpen(): boolean; turn(): Promise<void> };
  /** what the device keeps of the collection (the schema's `sync.scope`, as the server publishes it), if less than all */
  scope: () => SyncScope | undefined;
  /** local changes wait to go up: start once the collection's live stream listens (see STREAM_WAIT_MS) */
  startWhenStreamListens?: boolean;
  /** how long such a start waits for the stream at most; default 5 s */
  streamWaitMs?: number;
}

export interface CollectionReplicator {
  readonly state: CollectionReplicationState;
  readonly operations: CollectionOperations;
  /** takes the live stream's events for this collection (see `followStream`) */
  readonly deliver: CollectionStream['deliver'];
  /**
   * Lets go of the documents time has taken out of the collection's scope, as if the server had removed them (so
   * nothing is pushed); one with a change not yet sent stays. They go with the next pull's answer (one is asked
   * for): resolves with how many were let go once it is in.
   */
  sweepScope(now?: number): Promise<number>;
  /**
   * Stores documents the server answered on demand (a lookup) as the server's own, so nothing is pushed: those the
   * device does not hold, or holds in an older state, and has no change of its own to. Resolves once they are handed
   * to RxDB (a live query sees them a moment later) with the ids handed over.
   */
  keepFromServer(documents: readonly PlainDocument[]): Promise<string[]>;
  /** The replication runs again after a pause: sends what the pushes it cut short carried (see InterruptedPushes). */
  resendInterrupted(): Promise<void>;
  /** Holds documents on the device whatever the scope until the returned release is called (see sweepScope). */
  hold(ids: readonly string[]): () => void;
  /** the live stream could not be had (the socket closed or was refused): a start that waits for it goes ahead */
  streamUnavailable(): void;
  /**
   * Syncs as if for the first time, after the token's claims changed: pushes what is pending first (nothing the
   * device changed is lost), then pulls every document in scope from an empty checkpoint, and lets go, with the
   * pass's last page, of every document it holds that the pass did not bring (what the old claims kept). Resolves
   * once in sync.
   */
  startOver(): Promise<void>;
  /** ends the replication and the stream */
  cancel(): Promise<void>;
}

/**
 * The header that tells the server a pull belongs to a sync that started from nothing (see the server's scoped
 * pull): since when, as the server's clock read on the pass's first page, or `1` on that first page (now).
 */
const FRESH_PULL = 'x-syncline-fresh';

/**
 * A replication with local changes waiting starts once the collection's live stream listens. RxDB holds back every
 * stream event, the stream's start (STREAM_READY) among them, until its push is done; the catch-up pull that start
 * asks for then read back every document just pushed (a quarter to a third of the time of a push of 10,000 offline
 * writes). Started after the stream listens, RxDB's first pull reads what was committed before, and the echoes of
 * the push come by the stream. A stream that cannot be had holds nothing back: the socket's close, or this long.
 */
const STREAM_WAIT_MS = 5_000;

/** How long documents looked up wait for a pull on its way before they are stored (see keepFromServer). */
const KEEP_WAIT_MS = 10_000;

export function replicateCollection(options: CollectionReplicatorOptions): CollectionReplicator {
  const { collection, name, request, reporter, tracker, discarded, live } = options;
  const schema = collection.schema.jsonSchema as RxJsonSchema<unknown>;
  const primary = collection.schema.primaryPath as string;
  const operations = collectionOperations(name, schema);
  const stream$: PullStream = new Subject();
  /**
   * documents this device lets go of, as if the server had removed them (see sweepScope), and documents the server
   * answered on demand (see keepFromServer): both stored by RxDB as the server's state
   */
  const outOfBand$: PullStream = new Subject();
  /** ids let go of, or kept on demand, whose state RxDB has not stored yet: not documents the sync brought */
  const outOfBandIds = new Set<string>();
  /** ids held whatever the scope (documents open on screen), with how many hold each */
  const holds = new Map<string, number>();
  const echoes = new ServerEchoes(collection, primary, () => state.reSync());
  const interrupted = new InterruptedPushes(collection);
  const stream = followStream(stream$, primary);
  const idOf = (row: Row) => String((row.newDocumentState as PlainDocument)[primary]);
  const pullBackoff = options.backoffs.of(`${name}:pull`);
  const pushBackoff = options.backoffs.of(`${name}:push`);

  /** Pushes rows; acknowledges what the server took and returns the server's state of each conflict. */
  const send = async (rows: Row[]) => {
    const data = await request(operations.push, {
      [operations.pushVariable]: rows.map((row) => ({
        newDocumentState: toInputDocument(schema, row.newDocumentState as PlainDocument),
        ...(row.assumedMasterState
          ? { assumedMasterState: toInputDocument(schema, row.assumedMasterState as PlainDocument) }
          : {}),
        // only on a person's resolution of a conflict: the server's audit trail records it
        ...(tracker.isResolution(name, idOf(row)) ? { [CONFLICT_RESOLUTION_FIELD]: true } : {}),
      })),
    });
    const conflicts = ((data[operations.pushField] as PlainDocument[] | null) ?? []).map((doc) => stripNulls(doc));
    const conflicted = new Set(conflicts.map((doc) => String(doc[primary])));
    const taken = rows.filter((row) => !conflicted.has(idOf(row))).map((row) => row.newDocumentState as PlainDocument);
    // the stream brings the echo of this push, with the server's clock; one it misses is pulled
    if (live) echoes.expect(taken);
    await tracker.acknowledge(name, taken);
    await echoes.restoreClocks(taken);
    // as leaveExited lets go of what was taken, a conflict whose server state came to this device as removed (out of
    // its scope) while the change was on its way goes too: RxDB skipped that removal, and its resolution of the
    // conflict may well be that very state, which sends nothing more; it goes once that is written (conflictsWritten)
    for (const doc of conflicts) {
      const seen = echoes.latest(String(doc[primary]));
      if (seen?._deleted === true && Number(seen.updatedAt) >= Number(doc.updatedAt))
        leftBehind.add(String(doc[primary]));
    }
    leaveExited(taken);
    if (leftBehind.size > 0) await letGoLeftBehind();
    return conflicts as WithDeleted<PlainDocument>[];
  };

  /**
   * RxDB keeps a document whose change is on its way whatever the server sends: the server's removal (it left the
   * device's scope, say moved by someone else just after this device created it) that came meanwhile would never
   * come again. Lets go of those among documents whose change the server has taken; one the push itself brought back
   * in scope comes again with the push's echo, after this.
   */
  const leaveExited = (taken: readonly PlainDocument[]) => {
    const exited = taken.filter((doc) => echoes.latest(String(doc[primary]))?._deleted === true);
    if (exited.length > 0) leave(exited);
  };

  /**
   * RxDB retries a failed batch with the rows it first read. Swap in each document's latest local state, so a
   * person's fix of a refused document is what the retry sends (and what RxDB then records as pushed).
   *
   * A row without an assumed state that is exactly the state the server sent a moment ago is not sent at all. RxDB's first upstream pass can read a pulled batch after
   * it is stored and before it is recorded as the server's; a fresh device then pushed back what it had just
   * pulled, each document a conflict without a base. Returns the rows that are the server's own state.
   */
  const pushLatestStates = async (rows: Row[]) => {
    const latest = await collection.storageInstance.findDocumentsById(rows.map(idOf), true);
    const byId = new Map(latest.map((doc) => [String((doc as PlainDocument)[primary]), doc as PlainDocument]));
    const serverOwn = new Set<Row>();
    for (const row of rows) {
      const current = byId.get(idOf(row));
      if (current && !sameDocumentState(current, row.newDocumentState as PlainDocument)) {
        row.newDocumentState = {
          ...withoutStorageFields(current),
          _deleted: Boolean(current._deleted),
        } as typeof row.newDocumentState;
      }
      // only the server's own state is left out: a changed row keeps no base rather than a newer server state it
      // did not start from (the server would take it over that state; its conflict answer merges on the tracker's)
      const sent = row.assumedMasterState ? undefined : echoes.latest(idOf(row));
      if (sent && sameDocumentState(sent, row.newDocumentState as PlainDocument)) serverOwn.add(row);
    }
    return serverOwn;
  };

  const isRefusal = (error: unknown): error is SyncRequestError =>
    error instanceof SyncRequestError && error.kind === 'rejected';

  /**
   * Sends rows until the server takes what is left: a refusal that names its document takes that row out and
   * sends the rest again; one that names none is narrowed down row by row. Returns the conflicts and the refused
   * rows with the server's reason.
   */
  const sendAround = async (rows: Row[]) => {
    const refused = new Map<Row, string>();
    let remaining = rows;
    while (remaining.length > 0) {
      try {
        return { conflicts: await send(remaining), refused };
      } catch (error) {
        if (!isRefusal(error)) throw error;
        const named = remaining.find((row) => idOf(row) === error.documentId);
        if (remaining.length === 1 || named) {
          refused.set(named ?? (remaining[0] as Row), error.message);
          remaining = remaining.filter((row) => row !== (named ?? remaining[0]));
          continue;
        }
        const conflicts = [];
        for (const row of remaining) {
          try {
            conflicts.push(...(await send([row])));
          } catch (single) {
            if (!isRefusal(single)) throw single;
            refused.set(row, single.message);
          }
        }
        return { conflicts, refused };
      }
    }
    return { conflicts: [], refused };
  };

  /** whether this replication's first pull has said how many documents were still to come */
  let counted = false;
  /**
   * whether this pass of pulls started from nothing: the device then holds only what it was sent, so a scoped
   * collection's server leaves out what is out of scope instead of sending it as removed
   */
  let fresh = false;
  /**
   * the server's clock when this pass from nothing began (its first page): what is deleted or leaves the scope
   * after it may have come on an earlier page, so the server sends it as removed (RxDB drops the stream's events
   * during a first pass, so nothing else would tell the device)
   */
  let freshSince: number | undefined;
  /**
   * A counting pull's page says how many documents this sync brings: its own and those after it; as the first page
   * of a pass from nothing, when the pass began.
   */
  const expectFrom = (page: CountedPage) => {
    counted = true;
    options.received.expect(page.documents.length + Number(page.remaining ?? 0));
    if (fresh && freshSince === undefined && typeof page.serverTime === 'number') freshSince = page.serverTime;
  };
  /** the headers of a pull from `checkpoint` */
  const pullHeaders = (checkpoint: Checkpoint | undefined) => {
    if (checkpoint === undefined) fresh = true;
    if (!options.scope() || !fresh) return undefined;
    return { [FRESH_PULL]: freshSince === undefined ? '1' : String(freshSince) };
  };
  /** pulls whose answer has not come back yet (a sweep waits for none to be on its way) */
  let pulling = 0;
  /** whoever waits for the pulls on their way, woken when one is answered (or fails) */
  let pullWaiters: (() => void)[] = [];
  const pullAnswered = () => {
    const waiters = pullWaiters;
    pullWaiters = [];
    for (const wake of waiters) wake();
  };
  /** resolves when a pull is answered, or after `ms` (a checkpoint can also come from the stream, which wakes no one) */
  const nextPullAnswer = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      pullWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  /**
   * set by startOver: the next pull starts from an empty checkpoint (its retries too), and `passFromNothing` ends
   * with the short page that ends the pass it begins; `brought` holds the ids the pass (and the stream meanwhile)
   * brought in scope
   */
  let startingOver = false;
  let passFromNothing: { begun: boolean; brought: Set<string>; end: () => void } | undefined;
  /**
   * where a pull starts: RxDB's checkpoint, or nothing when the collection starts over, until a pull from nothing is
   * answered (RxDB retries a failed pull from the checkpoint it first gave)
   */
  const pullFrom = (checkpoint: Checkpoint | undefined) => {
    if (!startingOver) return checkpoint;
    if (passFromNothing) passFromNothing.begun = true;
    return undefined;
  };
  /**
   * Documents the device lets go of (a sweep's, or those a start over's pass did not bring), with the state each had
   * then: they go to RxDB with the next pull's answer, as the server's removal of them. RxDB stores the pulls' pages
   * in the order they were asked for, so a removal handed over this way never lands on top of a newer state a later
   * pull or event brings, and is never dropped for a pass of pulls that began meanwhile (as a stream event would be).
   */
  const leaving = new Map<string, { state: PlainDocument; byPass: boolean }>();
  /**
   * ids out of the device's scope that stayed for a change on its way or a hold (a start over's pass did not bring
   * them, or the server's removal came while the change was on its way and its conflict answered): they go once it
   * is taken, its conflict's resolution written, or the hold released, unless the server brings them in scope
   * meanwhile (nothing else would tell the device to let go)
   */
  const leftBehind = new Set<string>();
  /** the sweeps waiting for the answer that takes their documents, told how many were let go */
  let leavingWaiters: ((count: number) => void)[] = [];
  /**
   * The removals to add to a pull's answer of `documents`: each document waiting to go that is still in the state
   * it was judged in, that the answer does not bring, with no newer state seen, no change of the device's own
   * waiting to go up, and not held on screen.
   */
  const takeLeaving = async (documents: readonly PlainDocument[]) => {
    if (leaving.size === 0) return [];
    const judged = new Map(leaving);
    leaving.clear();
    const waiters = leavingWaiters;
    leavingWaiters = [];
    const brought = new Set(documents.map((doc) => String(doc[primary])));
    const current = (await collection.storageInstance.findDocumentsById([...judged.keys()], false)) as PlainDocument[];
    const removals = current
      .filter((doc) => {
        const id = String(doc[primary]);
        const then = judged.get(id);
        return (
          then !== undefined &&
          sameDocumentState(then.state, doc) &&
          !brought.has(id) &&
          // a newer state may be back in scope, unless the newest is the server's removal (a pass from nothing, which
          // did not bring it, is newer than any state seen before it)
          (then.byPass || !stream.newerSeen(id, Number(doc.updatedAt)) || echoes.latest(id)?._deleted === true) &&
          !tracker.holds(name, id) &&
          !holds.has(id)
        );
      })
      .map((doc): PlainDocument => ({ ...withoutStorageFields(doc), _deleted: true }));
    for (const doc of removals) outOfBandIds.add(String(doc[primary]));
    for (const wake of waiters) wake(removals.length);
    // one left behind stays noted until it is gone. Changed since it was judged, it is judged again now: a change of
    // the device's own is held until its acknowledgement hands it over, but a conflict resolved to the server's state
    // (which the pass did not bring) sends nothing, so no acknowledgement would
    const changed = current.some((doc) => {
      const id = String(doc[primary]);
      return leftBehind.has(id) && !sameDocumentState(judged.get(id)?.state ?? doc, doc);
    });
    if (changed) await letGoLeftBehind();
    return removals;
  };
  /** Hands documents over to go with the next pull's answer (the one on its way, or one asked for now). */
  const leave = (documents: readonly PlainDocument[], byPass = false) => {
    for (const doc of documents) leaving.set(String(doc[primary]), { state: doc, byPass });
    if (pulling === 0) state.reSync();
  };
  /**
   * Notes the documents the server brought in scope: a pass from nothing under way counts them as brought (returned)
   * and none is left behind any more.
   */
  const noteBrought = (documents: readonly PlainDocument[]) => {
    const pass = passFromNothing?.begun ? passFromNothing : undefined;
    for (const doc of documents) {
      if (doc._deleted) continue;
      pass?.brought.add(String(doc[primary]));
      leftBehind.delete(String(doc[primary]));
    }
    return pass;
  };
  /** What the device holds that a start over's pass did not bring waits to go with the pass's last page. */
  const leaveUnbrought = async (brought: ReadonlySet<string>) => {
    leftBehind.clear();
    const held = await collection.find().exec();
    for (const doc of held) {
      const id = String(doc.primary);
      if (brought.has(id)) continue;
      leaving.set(id, { state: doc.toJSON() as PlainDocument, byPass: true });
      leftBehind.add(id);
    }
  };
  /** What a start over's pass left behind and nothing holds any more goes with the next pull's answer. */
  const letGoLeftBehind = async () => {
    const free = [...leftBehind].filter((id) => !tracker.holds(name, id) && !holds.has(id) && !leaving.has(id));
    if (free.length === 0) return;
    const current = (await collection.storageInstance.findDocumentsById(free, false)) as PlainDocument[];
    const found = new Set(current.map((doc) => String(doc[primary])));
    for (const id of free) if (!found.has(id)) leftBehind.delete(id);
    if (current.length > 0) leave(current, true);
  };
  /**
   * The page after a full one, asked for as soon as that one is answered: the server reads it while RxDB stores the
   * one before (side by side, in two processes). Taken only when RxDB asks for that very page, with the same headers,
   * and nothing streamed, handed over or pushed since it was asked for (a page read before a stream event may hold a
   * state older than the event's, which RxDB would store over it); otherwise dropped, and the page asked for again.
   */
  let ahead: { from: Checkpoint; limit: number; headers: string; answer: Promise<Record<string, unknown>> } | undefined;
  const askAhead = (from: Checkpoint, limit: number) => {
    const headers = pullHeaders(from);
    const answer = request(operations.pull, { checkpoint: from, limit }, headers);
    // its failure is the pull's that takes it; one never taken fails unheard
    answer.catch(() => undefined);
    ahead = { from, limit, headers: JSON.stringify(headers ?? null), answer };
  };
  const takeAhead = (checkpoint: Checkpoint | undefined, limit: number, query: string, headers: unknown) => {
    const taken = ahead;
    ahead = undefined;
    const same =
      taken !== undefined &&
      query === operations.pull &&
      limit === taken.limit &&
      checkpoint !== undefined &&
      deepEqual(checkpoint, taken.from) &&
      JSON.stringify(headers ?? null) === taken.headers;
    return same ? taken.answer : undefined;
  };
  const pull = async (checkpoint: Checkpoint | undefined, limit: number) => {
    const counting = !counted;
    const query = counting ? operations.pullCounting : operations.pull;
    // a pass from nothing begins (again, after a first page that failed or came while paused): what the stream
    // brought before it is older than what it reads, and may have left the scope since (its removal then never comes)
    if (checkpoint === undefined && passFromNothing?.begun) passFromNothing.brought.clear();
    pulling += 1;
    const headers = pullHeaders(checkpoint);
    const answer =
      takeAhead(checkpoint, limit, query, headers) ??
      request(query, { checkpoint: checkpoint ?? null, limit }, headers);
    const data = await answer.finally(() => {
      pulling -= 1;
      pullAnswered();
    });
    // RxDB throws away a page answered while it is paused and pulls from its own checkpoint on resume: a page read
    // here would end a pass from nothing RxDB never stored (the pass's documents were then never pulled again)
    if (state.isStoppedOrPaused()) return { documents: [], checkpoint: checkpoint as Checkpoint };
    const bulk = data[operations.pullField] as Omit<CountedPage, 'documents'> & {
      documents: PlainDocument[];
      checkpoint: Checkpoint | null;
    };
    if (counting) expectFrom(bulk);
    if (checkpoint === undefined) startingOver = false;
    const documents = bulk.documents.map((doc) => stripNulls(doc));
    const pass = noteBrought(documents);
    // a short page ends the pass: the next pull starts from what the device holds
    if (bulk.documents.length < limit) {
      fresh = false;
      freshSince = undefined;
      // what the device holds that the pass did not bring is out of its scope now
      if (pass) await leaveUnbrought(pass.brought);
      pass?.end();
    }
    echoes.note(documents);
    const next = bulk.checkpoint ? stripNulls(bulk.checkpoint) : checkpoint;
    if (next) stream.reached(next, documents);
    const letGo = await takeLeaving(documents);
    pullAnswered();
    if (bulk.documents.length === limit && next && !state.isStoppedOrPaused()) askAhead(next, limit);
    return { documents: [...documents, ...letGo] as WithDeleted<PlainDocument>[], checkpoint: next as Checkpoint };
  };

  /**
   * While its class waits its turn, a collection's first pull asks only how many documents are coming (a page of
   * one, left for the real pull): the progress has its whole total from the start.
   */
  const census = async (checkpoint: Checkpoint | undefined) => {
    const data = await request(
      operations.pullCounting,
      { checkpoint: checkpoint ?? null, limit: 1 },
      pullHeaders(checkpoint),
    );
    expectFrom(data[operations.pullField] as CountedPage);
  };

  const push = async (rows: Row[]) => {
    const serverOwn = await pushLatestStates(rows);
    // the server holds these states already (a creation whose answer was lost, say): synced, with its clock
    const held = [...serverOwn].map((row) => row.newDocumentState as PlainDocument);
    if (held.length > 0) {
      await tracker.acknowledge(name, held);
      await echoes.restoreClocks(held);
    }
    // RxDB keeps them as on their way until the whole batch is: a removal may come meanwhile
    const done = <T>(conflicts: T[]) => {
      leaveExited(held);
      return conflicts;
    };
    // a discarded local creation is not sent: the server never had it (RxDB may still be retrying it)
    const sendable = rows.filter((row) => {
      if (serverOwn.has(row)) return false;
      const key = syncStateId(name, idOf(row));
      return !(discarded.has(key) && (row.newDocumentState as PlainDocument)._deleted);
    });
    for (const row of rows) discarded.delete(syncStateId(name, idOf(row)));
    if (sendable.length === 0) return done([]);
    if (options.parentsFirst) await options.parentsFirst(sendable.map((row) => row.newDocumentState as PlainDocument));
    const { conflicts, refused } = await sendAround(sendable);
    // a refused row blocks nothing: it stays on the device as failed, with the server's words, until a person
    // edits or discards it; the rest of its batch has landed
    for (const [row, reason] of refused) await tracker.fail(name, [idOf(row)], reason);
    const internal = state.internalReplicationState;
    if (internal) keepRefusedForked(internal, primary, [...refused.keys()]);
    if (refused.size > 0) reporter.rowsRefused([...refused.values()]);
    return done(conflicts);
  };

  /**
   * Changes waiting at the start go up once the first pull's pass is over (or failed): what it reads is the server's
   * news, none of the push's echoes.
   */
  let firstPullOver = () => {};
  const firstPull = options.startWhenStreamListens
    ? new Promise<void>((resolve) => {
        firstPullOver = resolve;
      })
    : undefined;
  const pullAttempt = async (checkpoint: Checkpoint | undefined, limit: number) => {
    try {
      const page = await reporter.attempt('pull', pullBackoff, () => pull(checkpoint, limit), name);
      if (page.documents.length < limit) firstPullOver();
      return page;
    } catch (error) {
      firstPullOver();
      throw error;
    }
  };

  const state = replicateRxCollection<PlainDocument, Checkpoint>({
    collection,
    replicationIdentifier: `syncline-graphql-${name}-${options.url}`,
    live,
    retryTime: 20,
    waitForLeadership: options.waitForLeadership,
    toggleOnDocumentVisible: false,
    autoStart: !options.startWhenStreamListens,
    pull: {
      batchSize: options.batchSize,
      stream$: merge(stream$, outOfBand$),
      handler: async (given, limit) => {
        const checkpoint = pullFrom(given);
        if (!counted && !options.gate.isOpen()) {
          await reporter.attempt('pull', pullBackoff, () => census(checkpoint), name);
        }
        // an open class sends at once, with no extra turn of the event loop (the replication's timing as before)
        if (!options.gate.isOpen()) await options.gate.turn();
        return pullAttempt(checkpoint, limit);
      },
    },
    push: {
      batchSize: options.pushBatchSize,
      handler: async (rows: Row[]) => {
        ahead = undefined;
        const ids = rows.map(idOf);
        interrupted.handed(ids);
        try {
          if (firstPull) await firstPull;
          if (!options.gate.isOpen()) await options.gate.turn();
          return await reporter.attempt('push', pushBackoff, () => push(rows), name);
        } finally {
          // RxDB drops the answer of a push that ends while it is paused
          if (state.isPaused()) interrupted.cut(ids);
        }
      },
    },
  });

  /** RxDB wrote its resolution of conflicts: what was left behind for them may go now */
  const conflictsWritten = collection.eventBulks$.pipe(
    filter((bulk) => bulk.context === CONFLICT_WRITE_CONTEXT),
    filter((bulk) => bulk.events.some((event) => leftBehind.has(event.documentId))),
  );
  const subscriptions: Subscription[] = [
    // after the sync tracker has read the write (whether it settled the change)
    conflictsWritten.subscribe(() =>
      queueMicrotask(() => letGoLeftBehind().catch((error: unknown) => reporter.localError(String(error)))),
    ),
    stream$.subscribe((item) => item !== 'RESYNC' && echoes.note(item.documents)),
    // what RxDB is given besides the pulls makes a page asked for ahead stale (see askAhead)
    merge(stream$, outOfBand$).subscribe(() => {
      ahead = undefined;
    }),
    state.received$.subscribe((doc) => {
      if (!outOfBandIds.delete(String(doc[primary]))) options.received.count();
    }),
    state.active$.subscribe(() => reporter.noteActivity()),
    state.sent$.subscribe((doc) => interrupted.settled(String(doc[primary]))),
    state.conflict$.subscribe((conflict) => interrupted.settled(String(conflict.input.newDocumentState[primary]))),
    state.error$.subscribe((error) => {
      // request failures are already described by the reporter; anything else is a local problem worth showing
      const code = (error as { code?: string }).code;
      if (code !== 'RC_PULL' && code !== 'RC_PUSH' && code !== 'RC_STREAM') reporter.localError(error.message);
    }),
  ];
  state
    .awaitInitialReplication()
    .then(() => {
      if (!reporter.stopped) options.received.collectionSynced();
    })
    .catch(() => undefined);

  /** lets a start that waits for the stream go ahead (once) */
  let streamListens = () => {};
  let cancelled = false;
  // the pushes a pause cut short before the app last closed go again, from the tab that replicates (a resume sends
  // them if the replication is paused by then)
  const resendCutShort = async () => {
    if (options.waitForLeadership && collection.database.multiInstance) await collection.database.waitForLeadership();
    await interrupted.restore();
    if (!cancelled && !reporter.stopped && !reporter.store.getState().paused) await interrupted.resend();
  };
  resendCutShort().catch((error: unknown) => reporter.localError(String(error)));
  if (options.startWhenStreamListens) {
    const listening = new Promise<void>((resolve) => {
      streamListens = resolve;
    });
    const startLater = async () => {
      // the tab that replicates starts (RxDB's own start waits for it too)
      if (options.waitForLeadership && collection.database.multiInstance) await collection.database.waitForLeadership();
      const timer = setTimeout(streamListens, options.streamWaitMs ?? STREAM_WAIT_MS);
      await listening;
      clearTimeout(timer);
      // paused meanwhile: resume starts it
      if (cancelled || reporter.stopped || reporter.store.getState().paused || state.isStopped()) return;
      await state.start();
    };
    startLater().catch((error: unknown) => reporter.localError(String(error)));
  }
  /**
   * The stream's events: the first RESYNC says it listens (at connect, from a server that does not announce it). A
   * replication not started yet drops it: its first pull comes after.
   */
  const deliver: CollectionStream['deliver'] = (item) => {
    if (item !== 'RESYNC') noteBrought(item.documents);
    stream.deliver(item);
    if (item === 'RESYNC') streamListens();
  };

  const sweepScope = async (now = Date.now()) => {
    // by time only: what another claim keeps goes when the claims change (see startOver), and what leaves the scope
    // on the server comes as removed
    const scope = options.scope();
    const selector = scope && outOfScopeSelector(scope, now);
    if (!selector || !stream.checkpoint()) return 0;
    const found = await collection.find({ selector }).exec();
    const judged = found
      .map((doc) => doc.toJSON() as PlainDocument)
      .filter((doc) => {
        const id = String(doc[primary]);
        // a newer state on its way may be back in scope; a change not yet sent stays (RxDB would keep it too)
        return !stream.newerSeen(id, Number(doc.updatedAt)) && !tracker.holds(name, id) && !holds.has(id);
      });
    if (judged.length === 0 || cancelled) return 0;
    const letGo = new Promise<number>((resolve) => leavingWaiters.push(resolve));
    leave(judged);
    return letGo;
  };

  const keepFromServer = async (documents: readonly PlainDocument[]) => {
    if (documents.length === 0) return [];
    // RxDB takes stream events only once its first pass is done; a pull on its way may bring a newer state, which
    // an older one handed over after it would overwrite
    await state.awaitInitialReplication();
    const since = Date.now();
    while (pulling > 0 || !stream.checkpoint()) {
      if (Date.now() - since > KEEP_WAIT_MS) {
        throw new Error(`The sync of ${name} stayed busy; the documents looked up were not stored. Try again.`);
      }
      await nextPullAnswer(250);
    }
    const ids = documents.map((doc) => String(doc[primary]));
    const held = new Map(
      ((await collection.storageInstance.findDocumentsById(ids, true)) as PlainDocument[]).map((doc) => [
        String(doc[primary]),
        doc,
      ]),
    );
    const checkpoint = stream.checkpoint();
    const newer = documents.filter((doc) => {
      const id = String(doc[primary]);
      const mine = held.get(id);
      const updatedAt = Number(doc.updatedAt);
      if (stream.newerSeen(id, updatedAt) || tracker.holds(name, id)) return false;
      // one the device let go of (a sweep stores it removed, in the state it had) comes back; a server delete is newer
      const letGo = mine?._deleted === true && Number(mine.updatedAt ?? 0) === updatedAt;
      return !mine || letGo || Number(mine.updatedAt ?? 0) < updatedAt;
    });
    // checked again in the same turn as the handing over: a pull that began meanwhile waits for the next lookup
    if (newer.length === 0 || !checkpoint || pulling > 0) return [];
    for (const doc of newer) outOfBandIds.add(String(doc[primary]));
    outOfBand$.next({ documents: newer.map((doc) => ({ ...doc, _deleted: false })), checkpoint });
    return newer.map((doc) => String(doc[primary]));
  };

  const hold = (ids: readonly string[]) => {
    for (const id of ids) holds.set(id, (holds.get(id) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const id of ids) {
        const count = (holds.get(id) ?? 1) - 1;
        if (count > 0) holds.set(id, count);
        else holds.delete(id);
      }
      if (leftBehind.size > 0) letGoLeftBehind().catch((error: unknown) => reporter.localError(String(error)));
    };
  };

  const startOver = async () => {
    // what the device changed goes up first, with the new token: a pending change is never lost
    await state.awaitInSync();
    if (reporter.stopped) return;
    const ended = new Promise<void>((resolve) => {
      passFromNothing = { begun: false, brought: new Set(), end: resolve };
    });
    startingOver = true;
    state.reSync();
    await ended;
    passFromNothing = undefined;
    await state.awaitInSync();
  };

  return {
    state,
    operations,
    sweepScope,
    startOver,
    keepFromServer,
    resendInterrupted: () => interrupted.resend(),
    hold,
    deliver,
    streamUnavailable: () => streamListens(),
    async cancel() {
      cancelled = true;
      streamListens();
      firstPullOver();
      // a start over waiting for its pass waits no more, nor a sweep for its pull
      passFromNothing?.end();
      for (const wake of leavingWaiters) wake(0);
      leavingWaiters = [];
      for (const subscription of subscriptions) subscription.unsubscribe();
      echoes.stop();
      await state.cancel();
      stream$.complete();
      outOfBand$.complete();
    },
  };
}
