// Syncline's in-memory storage: the storage a Node client opens by default (scripts, tests, a client embedded in a
// service), RxDB's storage interface over indexes whose writes cost about the same at 100,000 documents as at 10,000.
// RxDB's own memory storage keeps each index as one sorted array of the whole collection and merges every written
// batch into a fresh copy of it, so an initial pull of a large shop slows as it goes (a batch of 500 took 4x longer
// at 100,000 documents than at 10,000; the bench measures both). Here each index is a list of short sorted runs
// (sorted-runs.ts). As in RxDB's memory storage, a collection's state outlives its instances until the database is
// removed, so a database opened again under the same name finds its documents, and instances of one collection share
// one change stream, as tabs of one browser would.
import {
  type BulkWriteRow,
  categorizeBulkWriteRows,
  deepEqual,
  type EventBulk,
  ensureRxStorageInstanceParamsAreCorrect,
  getIndexableStringMonad,
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  INDEX_MAX,
  now,
  type PreparedQuery,
  RXDB_VERSION,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageInstance,
  type RxStorageInstanceCreationParams,
  type RxStorageQueryResult,
} from 'rxdb';
import { Subject } from 'rxjs';
import { readChangesSince } from './changes-by-index';
import { SortedRuns } from './sorted-runs';

/** The storage's name (RxDB's memory storage is `memory`). */
export const MEMORY_STORAGE_NAME = 'syncline-memory';

type Doc = RxDocumentData<Record<string, unknown>>;
type Checkpoint = { id: string; lwt: number };

interface Index {
  fields: string[];
  keyOf: (doc: Doc) => string;
  entries: SortedRuns;
}

/** One collection's documents, indexes, attachments and change stream, shared by its instances. */
export interface MemoryCollectionState {
  schema: RxJsonSchema<Doc>;
  documents: Map<string, Doc>;
  indexes: Map<string, Index>;
  attachments: Map<string, { data: Blob; digest: string }>;
  changes$: Subject<EventBulk<RxStorageChangeEvent<Doc>, Checkpoint>>;
  removed: boolean;
}

/** Every collection's state, by database, collection and schema version, for the life of the process. */
const states = new Map<string, MemoryCollectionState>();

const stateKey = (database: string, collection: string, version: number) =>
  `${database}\u0000${collection}\u0000${version}`;
const indexName = (fields: readonly string[]) => fields.join(',');
const attachmentKey = (documentId: string, attachmentId: string) => `${documentId}||${attachmentId}`;

function newState(schema: RxJsonSchema<Doc>): MemoryCollectionState {
  const primary = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const indexes = new Map<string, Index>();
  // the schema's indexes (RxDB has put `_deleted` first and the primary key last in each) and the one `cleanup` reads
  const fieldsList = (schema.indexes ?? []).map((index) => (Array.isArray(index) ? [...index] : [index as string]));
  fieldsList.push(['_deleted', '_meta.lwt', primary]);
  for (const fields of fieldsList) {
    indexes.set(indexName(fields), {
      fields,
      keyOf: getIndexableStringMonad(schema, fields) as (doc: Doc) => string,
      entries: new SortedRuns(),
    });
  }
  return { schema, documents: new Map(), indexes, attachments: new Map(), changes$: new Subject(), removed: false };
}

class MemoryInstance implements RxStorageInstance<Doc, MemoryCollectionState, object, Checkpoint> {
  readonly databaseName: string;
  readonly collectionName: string;
  readonly schema: Readonly<RxJsonSchema<Doc>>;
  readonly internals: MemoryCollectionState;
  readonly options: Readonly<object>;
  readonly primaryPath: string;
  /** where the collection's state is kept in `states` */
  private readonly key: string;
  private closed = false;

  constructor(params: RxStorageInstanceCreationParams<Doc, object>, internals: MemoryCollectionState, key: string) {
    this.databaseName = params.databaseName;
    this.collectionName = params.collectionName;
    this.schema = params.schema;
    this.internals = internals;
    this.options = params.options;
    this.key = key;
    this.primaryPath = getPrimaryFieldOfPrimaryKey(params.schema.primaryKey) as string;
  }

  private ensureOpen(): void {
    if (this.internals.removed) {
      throw new Error(`The ${this.databaseName} database's ${this.collectionName} collection was removed from memory.`);
    }
  }

  private index(fields: readonly string[]): Index {
    const index = this.internals.indexes.get(indexName(fields));
    if (!index) throw new Error(`The ${this.collectionName} collection has no index on ${indexName(fields)}.`);
    return index;
  }

  /** Writes `doc` (a new document, or the next state of one stored) into the documents and every index. */
  private put(doc: Doc): void {
    const id = doc[this.primaryPath] as string;
    const stored = this.internals.documents.get(id);
    this.internals.documents.set(id, doc);
    for (const index of this.internals.indexes.values()) {
      const key = index.keyOf(doc);
      if (stored) {
        const storedKey = index.keyOf(stored);
        // the index holds ids: one whose key stays where it was needs nothing
        if (storedKey === key) continue;
        index.entries.remove(storedKey, id);
      }
      index.entries.insert(key, id);
    }
  }

  private drop(doc: Doc): void {
    const id = doc[this.primaryPath] as string;
    this.internals.documents.delete(id);
    for (const index of this.internals.indexes.values()) index.entries.remove(index.keyOf(doc), id);
  }

  bulkWrite(writes: BulkWriteRow<Doc>[], context: string): Promise<RxStorageBulkWriteResponse<Doc>> {
    this.ensureOpen();
    const categorized = categorizeBulkWriteRows<Doc>(
      this,
      this.primaryPath as never,
      this.internals.documents,
      writes,
      context,
    );
    for (const row of categorized.bulkInsertDocs) this.put(row.document);
    for (const row of categorized.bulkUpdateDocs) this.put(row.document);
    const attachments = this.internals.attachments;
    for (const added of [...categorized.attachmentsAdd, ...categorized.attachmentsUpdate]) {
      attachments.set(attachmentKey(added.documentId, added.attachmentId), {
        data: added.attachmentData.data,
        digest: added.digest,
      });
    }
    for (const gone of categorized.attachmentsRemove) {
      attachments.delete(attachmentKey(gone.documentId, gone.attachmentId));
    }
    if (categorized.eventBulk.events.length > 0 && categorized.newestRow) {
      const last = categorized.newestRow.document;
      categorized.eventBulk.checkpoint = { id: last[this.primaryPath] as string, lwt: last._meta.lwt };
      this.internals.changes$.next(categorized.eventBulk as EventBulk<RxStorageChangeEvent<Doc>, Checkpoint>);
    }
    return Promise.resolve({ error: categorized.errors });
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<Doc[]> {
    this.ensureOpen();
    const found: Doc[] = [];
    for (const id of ids) {
      const doc = this.internals.documents.get(id);
      if (doc && (withDeleted || !doc._deleted)) found.push(doc);
    }
    return Promise.resolve(found);
  }

  /** The query plan's index range: its index and the bounds as index strings. */
  private range(prepared: PreparedQuery<Doc>) {
    const plan = prepared.queryPlan;
    const fields = plan.index as string[];
    return {
      index: this.index(fields),
      lower: getStartIndexStringFromLowerBound(this.schema, fields, plan.startKeys),
      upper: getStartIndexStringFromUpperBound(this.schema, fields, plan.endKeys),
      lowerIncluded: plan.inclusiveStart,
      upperIncluded: plan.inclusiveEnd,
    };
  }

  query(prepared: PreparedQuery<Doc>): Promise<RxStorageQueryResult<Doc>> {
    this.ensureOpen();
    const { query, queryPlan } = prepared;
    const skip = query.skip ?? 0;
    const end = typeof query.limit === 'number' ? skip + query.limit : Number.POSITIVE_INFINITY;
    const matches = queryPlan.selectorSatisfiedByIndex ? undefined : getQueryMatcher(this.schema, query);
    const resort = !queryPlan.sortSatisfiedByIndex;
    const { index, lower, lowerIncluded, upper, upperIncluded } = this.range(prepared);
    const stored = this.internals.documents;
    let documents: Doc[] = [];
    index.entries.each(lower, lowerIncluded, upper, upperIncluded, (id) => {
      const doc = stored.get(id) as Doc;
      if (matches && !matches(doc)) return true;
      documents.push(doc);
      // in index order the first `end` are the answer; out of it every match is sorted first
      return resort || documents.length < end;
    });
    if (resort) documents.sort(getSortComparator(this.schema, query));
    if (skip > 0 || documents.length > end) documents = documents.slice(skip, end);
    return Promise.resolve({ documents });
  }

  count(prepared: PreparedQuery<Doc>): Promise<RxStorageCountResult> {
    this.ensureOpen();
    const { index, lower, lowerIncluded, upper, upperIncluded } = this.range(prepared);
    if (prepared.queryPlan.selectorSatisfiedByIndex) {
      return Promise.resolve({ count: index.entries.count(lower, lowerIncluded, upper, upperIncluded), mode: 'fast' });
    }
    const matches = getQueryMatcher(this.schema, prepared.query);
    const stored = this.internals.documents;
    let count = 0;
    index.entries.each(lower, lowerIncluded, upper, upperIncluded, (id) => {
      if (matches(stored.get(id) as Doc)) count += 1;
      return true;
    });
    return Promise.resolve({ count, mode: 'fast' });
  }

  /** What was written after `checkpoint`, read off the (last write time, id) index (see changes-by-index.ts). */
  getChangedDocumentsSince(limit: number, checkpoint?: Checkpoint) {
    return readChangesSince(this as never, limit, checkpoint) as Promise<{ documents: Doc[]; checkpoint: Checkpoint }>;
  }

  /** Removes for good the documents deleted at least `minimumDeletedTime` ms ago; all of them at once. */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    this.ensureOpen();
    const before = now() - minimumDeletedTime;
    const fields = ['_deleted', '_meta.lwt', this.primaryPath];
    const lower = getStartIndexStringFromLowerBound(this.schema, fields, [true, 0, '']);
    const upper = getStartIndexStringFromUpperBound(this.schema, fields, [true, before, INDEX_MAX]);
    const stored = this.internals.documents;
    const gone: Doc[] = [];
    this.index(fields).entries.each(lower, true, upper, true, (id) => {
      const doc = stored.get(id) as Doc;
      if (doc._meta.lwt <= before) gone.push(doc);
      return true;
    });
    for (const doc of gone) this.drop(doc);
    return Promise.resolve(true);
  }

  getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    this.ensureOpen();
    const key = attachmentKey(documentId, attachmentId);
    const attachment = this.internals.attachments.get(key);
    if (!attachment || attachment.digest !== digest) throw new Error(`No attachment ${key} with digest ${digest}.`);
    return Promise.resolve(attachment.data);
  }

  changeStream() {
    this.ensureOpen();
    return this.internals.changes$.asObservable();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  async remove(): Promise<void> {
    if (this.closed) throw new Error(`The ${this.collectionName} instance is closed; open it again to remove it.`);
    this.ensureOpen();
    this.internals.removed = true;
    states.delete(this.key);
    await this.close();
  }
}

/**
 * Syncline's in-memory storage (see the top of this file): what `createSynclineDatabase` opens in Node when no
 * storage is given. Nothing is written to disk; documents last as long as the process, or until the database is
 * removed.
 */
export function getMemoryStorage(): RxStorage<MemoryCollectionState, object> {
  return {
    name: MEMORY_STORAGE_NAME,
    rxdbVersion: RXDB_VERSION,
    createStorageInstance<RxDocType>(params: RxStorageInstanceCreationParams<RxDocType, object>) {
      ensureRxStorageInstanceParamsAreCorrect(params);
      const schema = params.schema as unknown as RxJsonSchema<Doc>;
      const key = stateKey(params.databaseName, params.collectionName, schema.version);
      let state = states.get(key);
      if (!state) {
        state = newState(schema);
        states.set(key, state);
      } else if (params.devMode && !deepEqual(state.schema, schema)) {
        throw new Error(
          `The ${params.databaseName} database's ${params.collectionName} collection is already open in memory with ` +
            'another schema of the same version: give the schema a new version, or remove the database first.',
        );
      }
      const instance = new MemoryInstance(
        params as unknown as RxStorageInstanceCreationParams<Doc, object>,
        state,
        key,
      );
      return Promise.resolve(instance as unknown as RxStorageInstance<RxDocType, MemoryCollectionState, object>);
    },
  };
}
