// Per-document sync state: which local writes the server has not acknowledged yet (pending), which it refused
// (failed). Kept in a local collection, so pending survives a reload while offline. Absent means synced.
import {
  EDITED_AT,
  jsonEqual,
  type PlainDocument,
  SERVER_MANAGED_FIELDS,
  STORAGE_FIELDS,
  sameDocumentState,
  withoutStorageFields,
} from '@syncline/protocol';
import { createRevision, now, type RxCollection, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { filter, map, type Observable, Subject, type Subscription } from 'rxjs';
import type { AnyRxDatabase } from './any-database';
import { RecentMap } from './recent-map';

export type DocSyncState = 'synced' | 'pending' | 'failed' | 'conflict';

/** What a local write not yet acknowledged does to its document, seen from the server's side. */
export type PendingOperation = 'create' | 'update' | 'delete';

export interface SyncStateRecord {
  /** `${collection}|${documentId}` */
  id: string;
  collectionName: string;
  documentId: string;
  state: 'pending' | 'failed';
  /** what the server said when it refused the write */
  error?: string;
  /** when the document was last written locally (client clock) */
  changedAt: number;
  /** a new document, an edit, or a deletion (absent on records from before it was kept: an edit) */
  operation?: PendingOperation;
  /** for an edit: the top-level fields changed since the server last had the document, in the order changed */
  fields?: string[];
  /** the latest local write was a person's resolution of a conflict (the push tells the server, for its audit) */
  conflictResolution?: boolean;
  /**
   * for an edit or a deletion: the document as the server last had it (JSON), kept in case RxDB's own record of it
   * goes (a local schema migration starts RxDB's replication records afresh) so a merge still has its base
   */
  baseJson?: string;
}

export const syncStateCollectionName = 'syncstate';

export const syncStateSchema: RxJsonSchema<SyncStateRecord> = {
  title: 'syncstate',
  description: 'Local writes the server has not acknowledged (never replicated)',
  version: 3,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 300 },
    collectionName: { type: 'string', maxLength: 100 },
    documentId: { type: 'string', maxLength: 200 },
    state: { type: 'string', enum: ['pending', 'failed'], maxLength: 10 },
    error: { type: 'string' },
    changedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
    operation: { type: 'string', enum: ['create', 'update', 'delete'], maxLength: 10 },
    fields: { type: 'array', items: { type: 'string' } },
    conflictResolution: { type: 'boolean' },
    baseJson: { type: 'string' },
  },
  required: ['id', 'collectionName', 'documentId', 'state', 'changedAt'],
  indexes: ['state'],
  additionalProperties: false,
};

/**
 * Version 1 added `operation` and `fields`; a record from before reads as an edit of unknown fields. Version 2
 * added `conflictResolution`; a record from before was no resolution. Version 3 added `baseJson`; a record from
 * before has no base of its own.
 */
export const syncStateMigrations = {
  1: (record: SyncStateRecord) => record,
  2: (record: SyncStateRecord) => record,
  3: (record: SyncStateRecord) => record,
};

/** Fields a person never edits by hand: the server's clock, the edit clock and the storage's own. */
export const bookkeeping: ReadonlySet<string> = new Set([
  ...SERVER_MANAGED_FIELDS,
  ...STORAGE_FIELDS,
  EDITED_AT,
  '_deleted',
]);

/** The top-level fields that differ between two states of a document. */
export function changedFields(before: PlainDocument | undefined, after: PlainDocument | undefined): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !bookkeeping.has(key) && !jsonEqual(before?.[key], after?.[key]));
}

/** One local write of a document, as RxDB's change event tells it. */
export interface LocalWrite {
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  previous: PlainDocument | undefined;
  next: PlainDocument | undefined;
  /** the write is a person's resolution of a conflict (see `SyncTracker.asResolution`) */
  conflictResolution?: boolean;
}

type PendingChange = Required<Pick<SyncStateRecord, 'operation' | 'fields'>> &
  Pick<SyncStateRecord, 'conflictResolution' | 'baseJson'>;

/** The state a first local write started from, as a record keeps it: the document without storage fields. */
const baseOf = (previous: PlainDocument | undefined) =>
  previous ? { baseJson: JSON.stringify(withoutStorageFields(previous)) } : {};

/** The resolution mark of a pending change: only while its latest write is a resolution. */
const resolutionOf = (resolved: boolean | undefined) => (resolved ? { conflictResolution: true } : {});

/**
 * What a document's pending write amounts to after one more local write: a creation stays a creation (the server
 * has never seen the document), an edit gathers the fields it changed, a deletion wins. It is a conflict
 * resolution when this latest write is one.
 */
export function pendingChange(earlier: PendingChange | undefined, write: LocalWrite): PendingChange {
  const resolution = resolutionOf(write.conflictResolution);
  if (earlier?.operation === 'create' || (write.operation === 'INSERT' && !earlier)) {
    return { operation: write.operation === 'DELETE' ? 'delete' : 'create', fields: [], ...resolution };
  }
  // the base is the state the first pending write started from: the server's, as this device last had it
  const base = earlier ? (earlier.baseJson ? { baseJson: earlier.baseJson } : {}) : baseOf(write.previous);
  if (write.operation === 'DELETE') return { operation: 'delete', fields: [], ...resolution, ...base };
  const fields = earlier?.operation === 'update' ? [...earlier.fields] : [];
  for (const field of changedFields(write.previous, write.next)) if (!fields.includes(field)) fields.push(field);
  return { operation: 'update', fields, ...resolution, ...base };
}

/** The change a record holds, for one more write on top (a record from before version 1 reads as an edit). */
function heldChange(record: SyncStateRecord | undefined): PendingChange | undefined {
  return (
    record && {
      operation: record.operation ?? 'update',
      fields: [...(record.fields ?? [])],
      ...resolutionOf(record.conflictResolution),
      ...(record.baseJson ? { baseJson: record.baseJson } : {}),
    }
  );
}

export function syncStateId(collection: string, documentId: string): string {
  return `${collection}|${documentId}`;
}

/**
 * Whether this database instance (this tab) made a write. RxDB stamps each revision with the writer's token, and hands
 * out other tabs' writes as its own (their change event bulks carry this instance's `databaseToken`).
 */
function writtenBy(token: string, document: { _rev?: string } | undefined): boolean {
  return document?._rev?.endsWith(`-${token}`) === true;
}

/**
 * Removes records straight in the storage, as RxDB's own removal writes them (deleted, a new revision), without
 * RxDB's collection layer: its removal first reads the records as documents through a query, which cost more than
 * the write itself for every document a push acknowledged. Hooks on Syncline's records there are none.
 */
async function removeRecords(records: RxCollection, ids: readonly string[]): Promise<void> {
  const stored = (await records.storageInstance.findDocumentsById(
    [...ids],
    false,
  )) as RxDocumentData<SyncStateRecord>[];
  if (stored.length === 0) return;
  const rows = stored.map((previous) => ({
    previous,
    document: {
      ...previous,
      _deleted: true,
      _meta: { ...previous._meta, lwt: now() },
      _rev: createRevision(records.database.token, previous),
    },
  }));
  await records.storageInstance.bulkWrite(rows, 'syncline-acknowledged');
}

/** The documents as stored now (deleted ones too), by id. */
async function storedStates(collection: RxCollection, ids: readonly string[]): Promise<Map<string, PlainDocument>> {
  const primary = collection.schema.primaryPath as string;
  const found = (await collection.storageInstance.findDocumentsById([...ids], true)) as PlainDocument[];
  return new Map(found.map((doc) => [String(doc[primary]), doc]));
}

/** Writes made by the replication's downstream are the server's own state, not local changes. */
function isServerWrite(context: string): boolean {
  return context.startsWith('replication-downstream');
}

/**
 * The context of a discard's write: the document goes back to the server's last known state, so nothing of the
 * person's is left to send (the replication still pushes that state once, which the server takes as it is).
 */
export const DISCARD_CONTEXT = 'syncline-discard';

/**
 * The context of a document written again unchanged, so the replication reads it once more (see
 * InterruptedPushes): not a local change to track, nor the server's state.
 */
export const RESEND_CONTEXT = 'syncline-resend';

/** RxDB's context for writing a conflict's merged document to the local collection. */
export const CONFLICT_WRITE_CONTEXT = 'replication-up-write-conflict';

/** What each document's pending write amounts to, by sync state id; says which id changed after every change. */
class HeldChanges extends Map<string, PendingChange> {
  readonly changed$ = new Subject<string>();

  override set(id: string, change: PendingChange): this {
    super.set(id, change);
    this.changed$.next(id);
    return this;
  }

  override delete(id: string): boolean {
    const had = super.delete(id);
    if (had) this.changed$.next(id);
    return had;
  }
}

/**
 * Watches the synced collections' writes and keeps the `syncstate` collection up to date. All changes go through
 * one queue, so a write's "pending" always lands before the acknowledgement of the push that carried it; a write
 * another tab made is recorded by that tab, and its record may land after the acknowledgement (see `settleLate`).
 */
export class SyncTracker {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly subscriptions: Subscription[] = [];
  /** failures to record a write's state, so the status store can show them */
  readonly errors$ = new Subject<Error>();
  /**
   * Documents whose last conflict merged into exactly the server's state: writing that merge makes the document
   * synced (nothing is left to push, so no acknowledgement would ever come), not pending.
   */
  private readonly mergedToServer = new Map<string, PlainDocument>();
  /**
   * The last state of each recently pushed document the server took. RxDB drops a push's answer that arrives
   * while the replication is paused, so it pushes the same state again later from the older assumed state; the
   * conflict handler uses this to know the server already has it. Bounded: the most recent documents only.
   */
  private readonly taken = new RecentMap<string, PlainDocument>(5_000);

  private readonly database: AnyRxDatabase;
  private readonly collectionNames: readonly string[];

  constructor(database: AnyRxDatabase, collectionNames: readonly string[]) {
    this.database = database;
    this.collectionNames = collectionNames;
  }

  /** The conflict handler's outcome for a document: the server's own state, or (undefined) anything else. */
  noteMerge(collectionName: string, documentId: string, serverState: PlainDocument | undefined): void {
    const id = syncStateId(collectionName, documentId);
    if (serverState) this.mergedToServer.set(id, serverState);
    else this.mergedToServer.delete(id);
  }

  private get records(): RxCollection<SyncStateRecord> {
    return this.database.collections[syncStateCollectionName] as RxCollection<SyncStateRecord>;
  }

  /**
   * What each document's pending write amounts to so far (see `pendingChange`), kept in memory so a new write's
   * record is decided at once. Loaded from the stored records when the database opens; this tab's own writes keep
   * it current, and so do the records other tabs store and remove (each tab records its own writes, and the tab
   * that syncs acknowledges them all).
   */
  private readonly held = new HeldChanges();

  /** Documents whose pending record this tab is storing, with how many stores are on their way. */
  private readonly storing = new Map<string, number>();

  /** Reads what the stored records say, before the first write is tracked. */
  async load(): Promise<void> {
    for (const record of await this.records.find().exec()) {
      const change = heldChange(record.toJSON() as SyncStateRecord);
      if (change) this.held.set(record.id, change);
    }
  }

  start(): void {
    const ownToken = this.database.token;
    for (const name of this.collectionNames) {
      const collection = this.database.collections[name] as RxCollection | undefined;
      if (!collection) continue;
      this.subscriptions.push(
        // a newer server state came down: what this client pushed before is no longer the latest both sides share
        collection.eventBulks$.pipe(filter((bulk) => isServerWrite(bulk.context))).subscribe((bulk) => {
          for (const event of bulk.events) {
            const id = syncStateId(name, event.documentId);
            const taken = this.taken.get(id);
            if (taken && !sameDocumentState(taken, event.documentData as PlainDocument)) this.taken.delete(id);
          }
        }),
        collection.eventBulks$
          // this tab's own writes only: another tab records its own (the one that syncs acknowledges them all)
          .pipe(
            filter((bulk) => !bulk.isLocal && !isServerWrite(bulk.context) && bulk.context !== RESEND_CONTEXT),
            map((bulk) => ({
              ...bulk,
              events: bulk.events.filter((event) => writtenBy(ownToken, event.documentData)),
            })),
            filter((bulk) => bulk.events.length > 0),
          )
          .subscribe((bulk) => {
            if (bulk.context === DISCARD_CONTEXT) {
              const ids = [...new Set(bulk.events.map((event) => syncStateId(name, event.documentId)))];
              for (const id of ids) this.held.delete(id);
              this.report(() => this.records.bulkRemove(ids));
              return;
            }
            const settled = new Set<string>();
            if (bulk.context === CONFLICT_WRITE_CONTEXT) {
              for (const event of bulk.events) {
                const id = syncStateId(name, event.documentId);
                const serverState = this.mergedToServer.get(id);
                this.mergedToServer.delete(id);
                // the merge is written: a discarded change has gone back to what the server answered
                this.discarding.delete(id);
                if (serverState && sameDocumentState(serverState, event.documentData as PlainDocument)) {
                  settled.add(event.documentId);
                }
              }
              if (settled.size > 0) {
                const ids = [...settled].map((id) => syncStateId(name, id));
                for (const id of ids) this.held.delete(id);
                this.report(() => this.records.bulkRemove(ids));
              }
            }
            const writes = new Map<string, LocalWrite[]>();
            for (const event of bulk.events) {
              if (settled.has(event.documentId)) continue;
              const list = writes.get(event.documentId) ?? [];
              list.push({
                operation: event.operation,
                previous: event.previousDocumentData as PlainDocument | undefined,
                next: event.documentData as PlainDocument | undefined,
                conflictResolution: this.resolving.has(syncStateId(name, event.documentId)),
              });
              writes.set(event.documentId, list);
            }
            if (writes.size === 0) return;
            const changedAt = Date.now();
            // decided now, from what this tab holds, so the write's pending record is queued at once
            const records = [...writes].map(([documentId, list]) => {
              const id = syncStateId(name, documentId);
              let change = this.held.get(id);
              for (const write of list) change = pendingChange(change, write);
              this.refused.delete(id);
              if (change) this.held.set(id, change);
              return { id, collectionName: name, documentId, state: 'pending' as const, changedAt, ...change };
            });
            for (const { id } of records) this.storing.set(id, (this.storing.get(id) ?? 0) + 1);
            this.report(async () => {
              try {
                await this.records.bulkUpsert(records);
              } finally {
                for (const { id } of records) {
                  const left = (this.storing.get(id) ?? 1) - 1;
                  if (left > 0) this.storing.set(id, left);
                  else this.storing.delete(id);
                }
              }
            });
          }),
      );
    }
    this.subscriptions.push(
      this.records.eventBulks$.subscribe((bulk) => {
        const late: RxDocumentData<SyncStateRecord>[] = [];
        for (const event of bulk.events) {
          const record = event.documentData as RxDocumentData<SyncStateRecord>;
          // this tab's own records, and any this tab is about to store (its own write is newer), are its to keep
          if (writtenBy(ownToken, record) || this.storing.has(event.documentId)) continue;
          if (event.operation === 'DELETE') {
            this.held.delete(event.documentId);
            continue;
          }
          const change = heldChange(record);
          if (change) this.held.set(event.documentId, change);
          if (record.state === 'pending' && this.taken.has(event.documentId)) late.push(record);
        }
        if (late.length > 0) this.report(() => this.settleLate(late));
      }),
    );
  }

  /**
   * Records another tab stored after this tab's push of the same state was acknowledged: a tab that writes stores
   * its record a moment after the write, and the tab that syncs may push and acknowledge it first (a busy machine
   * holds the writing tab back). Nothing is left to send for a document still in the state the server took, so its
   * record goes; one written again since, or a record changed meanwhile, stays.
   */
  private async settleLate(records: readonly RxDocumentData<SyncStateRecord>[]): Promise<void> {
    const byCollection = new Map<string, RxDocumentData<SyncStateRecord>[]>();
    for (const record of records) {
      byCollection.set(record.collectionName, [...(byCollection.get(record.collectionName) ?? []), record]);
    }
    for (const [collectionName, ofCollection] of byCollection) {
      const collection = this.database.collections[collectionName] as RxCollection | undefined;
      if (!collection) continue;
      const currentById = await storedStates(
        collection,
        ofCollection.map((record) => record.documentId),
      );
      const settled = ofCollection.filter((record) => {
        const taken = this.taken.get(record.id);
        const now = currentById.get(record.documentId);
        return taken !== undefined && (!now || sameDocumentState(now, taken));
      });
      if (settled.length === 0) continue;
      const stored = await this.records.findByIds(settled.map((record) => record.id)).exec();
      const unchanged = settled.flatMap((record) => {
        const found = stored.get(record.id);
        return found && found.revision === record._rev ? [found] : [];
      });
      // each removal checks the record's revision: one the other tab stored again since stays
      const { success } = await this.records.bulkRemove(unchanged);
      for (const record of success) this.held.delete(record.primary);
    }
  }

  /** Documents a person's conflict resolution is writing right now (see `asResolution`). */
  private readonly resolving = new Set<string>();

  /**
   * Runs `write`, a person's resolution of a conflict on the document: its writes are marked as the resolution,
   * so the push tells the server (RxDB hands a write's events out before the write returns).
   */
  async asResolution<T>(collectionName: string, documentId: string, write: () => Promise<T>): Promise<T> {
    const id = syncStateId(collectionName, documentId);
    this.resolving.add(id);
    try {
      return await write();
    } finally {
      this.resolving.delete(id);
    }
  }

  /** Whether the document's latest local write, not yet acknowledged, was a person's resolution of a conflict. */
  isResolution(collectionName: string, documentId: string): boolean {
    return this.held.get(syncStateId(collectionName, documentId))?.conflictResolution === true;
  }

  /**
   * Whether this tab holds a local write of the document the server has not acknowledged, answered at once: the
   * write's record is stored a moment later, and a screen must not show the new value as synced meanwhile.
   */
  holds(collectionName: string, documentId: string): boolean {
    return this.held.has(syncStateId(collectionName, documentId));
  }

  /** Whether this tab holds any local write of the collection the server has not acknowledged. */
  holdsAny(collectionName: string): boolean {
    const prefix = syncStateId(collectionName, '');
    for (const id of this.held.keys()) if (id.startsWith(prefix)) return true;
    return false;
  }

  /** The sync state id of each document `holds` changes for, in the same turn as the write. */
  get heldChanged$(): Observable<string> {
    return this.held.changed$;
  }

  /** Documents whose latest push the server refused: no acknowledgement comes for them until they are written again. */
  private readonly refused = new Set<string>();

  /**
   * Resolves once none of these documents is a creation still on its way to the server (acknowledged, refused,
   * or never one), or after `timeoutMs`: a document that points to them is pushed after them.
   */
  createsSent(collectionName: string, documentIds: readonly string[], timeoutMs: number): Promise<void> {
    const ids = new Set(documentIds.map((documentId) => syncStateId(collectionName, documentId)));
    const unsent = () => [...ids].some((id) => this.held.get(id)?.operation === 'create' && !this.refused.has(id));
    if (!unsent()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        subscription.unsubscribe();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const subscription = this.held.changed$.pipe(filter((id) => ids.has(id))).subscribe(() => {
        if (!unsent()) done();
      });
    });
  }

  /** Documents whose local change was discarded: their server state must be pushed once, though it looks unchanged. */
  private readonly discarding = new Set<string>();

  /** Marks a document as going back to its server state (see `discard` in the replication). */
  markDiscarding(collectionName: string, documentId: string): void {
    this.discarding.add(syncStateId(collectionName, documentId));
  }

  isDiscarding(collectionName: string, documentId: string): boolean {
    return this.discarding.has(syncStateId(collectionName, documentId));
  }

  /** The last state of the document the server took from this client, if it is still the latest known. */
  takenState(collectionName: string, documentId: string): PlainDocument | undefined {
    return this.taken.get(syncStateId(collectionName, documentId));
  }

  /** Drops the sync state of documents that no longer have anything to send (a discarded local creation). */
  forget(collectionName: string, documentIds: readonly string[]): Promise<void> {
    const ids = documentIds.map((documentId) => syncStateId(collectionName, documentId));
    for (const id of ids) this.held.delete(id);
    return this.enqueue(async () => {
      await this.records.bulkRemove(ids);
    });
  }

  /** Whether the server took exactly this state of the document when this client last pushed it. */
  /**
   * The server's state a pending edit or deletion started from, as this tab knows it (stored records and its own
   * writes): the base of a merge whose RxDB record of it is gone.
   */
  pendingBase(collectionName: string, documentId: string): PlainDocument | undefined {
    const base = this.held.get(syncStateId(collectionName, documentId))?.baseJson;
    return base ? (JSON.parse(base) as PlainDocument) : undefined;
  }

  wasTaken(collectionName: string, documentId: string, state: PlainDocument): boolean {
    const taken = this.taken.get(syncStateId(collectionName, documentId));
    return taken !== undefined && sameDocumentState(taken, state);
  }

  /** The server took these document states: each is synced unless it was written again since. */
  acknowledge(collectionName: string, pushed: readonly PlainDocument[]): Promise<void> {
    const collection = this.database.collections[collectionName] as RxCollection | undefined;
    const primary = collection?.schema.primaryPath as string;
    for (const doc of pushed) {
      const id = syncStateId(collectionName, String(doc[primary]));
      this.discarding.delete(id);
      this.refused.delete(id);
      this.taken.set(id, doc);
    }
    return this.enqueue(async () => {
      if (!collection || pushed.length === 0) return;
      const currentById = await storedStates(
        collection,
        pushed.map((doc) => String(doc[primary])),
      );
      const synced: string[] = [];
      const since = new Map<string, string[]>();
      for (const doc of pushed) {
        const id = syncStateId(collectionName, String(doc[primary]));
        const now = currentById.get(String(doc[primary]));
        if (!now || sameDocumentState(now, doc)) synced.push(id);
        else since.set(id, changedFields(doc, now));
      }
      for (const id of synced) this.held.delete(id);
      if (synced.length > 0) await removeRecords(this.records, synced);
      // written again since the push: what is still to send is an edit of what changed after it
      if (since.size === 0) return;
      const still = [...(await this.records.findByIds([...since.keys()]).exec()).values()];
      const rewrite = still.filter((record) => record.operation !== 'delete');
      for (const record of rewrite) {
        const fields = since.get(record.id) ?? [];
        this.held.set(record.id, { operation: 'update', fields, ...resolutionOf(record.conflictResolution) });
      }
      if (rewrite.length > 0) {
        await this.records.bulkUpsert(
          rewrite.map((record) => ({
            ...(record.toJSON() as SyncStateRecord),
            operation: 'update' as const,
            fields: since.get(record.id) ?? [],
          })),
        );
      }
    });
  }

  /** The server refused these documents: they stay local, marked failed with the server's words. */
  fail(collectionName: string, documentIds: readonly string[], error: string): Promise<void> {
    for (const documentId of documentIds) {
      const id = syncStateId(collectionName, documentId);
      this.refused.add(id);
      // whoever waits for it to be sent stops waiting
      this.held.changed$.next(id);
    }
    return this.enqueue(async () => {
      const changedAt = Date.now();
      await this.records.bulkUpsert(
        documentIds.map((documentId) => {
          const id = syncStateId(collectionName, documentId);
          return { id, collectionName, documentId, state: 'failed' as const, error, changedAt, ...this.held.get(id) };
        }),
      );
    });
  }

  /** Resolves once every queued change is written. */
  flush(): Promise<unknown> {
    return this.enqueue(async () => undefined);
  }

  stop(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private report(task: () => Promise<unknown>): void {
    this.enqueue(task).catch((error: unknown) => {
      if (!this.database.closed) this.errors$.next(error instanceof Error ? error : new Error(String(error)));
    });
  }
}
