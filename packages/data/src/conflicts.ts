// The local record of every conflict a person has to decide (all three versions and the fields at stake), and the
// synced record of every field a rule settled by itself (which rule, what won, what lost), which the tenant's other
// devices list too, so nothing a merge dropped is lost or unseen. Resolving, or reversing a settled field, writes
// the chosen value as a normal local write.
import {
  jsonEqual,
  type MergeRules,
  type PlainDocument,
  SERVER_MANAGED_FIELDS,
  SETTLEMENTS_COLLECTION,
  type SettlementRecord,
  sameDocumentState,
  UPDATED_AT,
  withoutStorageFields,
} from '@syncline/protocol';
import type { RxCollection, RxConflictHandler, RxJsonSchema, WithDeleted } from 'rxdb';
import type { AnyRxDatabase } from './any-database';
import { findInternals } from './internals';
import { mergeDocuments } from './merge';
import {
  type SettledField,
  type SettledRecord,
  settledByRules,
  settledFieldState,
  settledRecordOf,
  settlementsOf,
} from './settled';

export interface ConflictRecord {
  /** `${collection}|${documentId}|${detectedAt}` */
  id: string;
  collectionName: string;
  documentId: string;
  /** the fields changed on both sides under a `manual` rule (`_deleted` for delete versus edit) */
  fields: string[];
  /** the fields that also differed but merged by themselves or by their rule (for "3 conflicts · 7 merged") */
  mergedFields: string[];
  /**
   * Written by versions before settlements synced (still listed): the fields a rule settled. Now a merge settled
   * by rules writes a synced settlement instead, and its record here is resolved with no `fields`.
   */
  settled?: SettledField[];
  /** the state both sides started from; absent when the document was created on both sides */
  base?: PlainDocument;
  /** this client's version, as it was pushed */
  local: PlainDocument;
  /** the server's version the push ran into */
  server: PlainDocument;
  status: 'open' | 'resolved';
  detectedAt: number;
  resolvedAt?: number;
  /** the value written for each field on resolution */
  resolution?: PlainDocument;
}

export const conflictsCollectionName = 'conflicts';

const documentVersion = { type: 'object', additionalProperties: true } as const;

export const conflictSchema: RxJsonSchema<ConflictRecord> = {
  title: 'conflicts',
  description: 'Conflicts waiting for a person to decide, and fields merge rules settled (never replicated)',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 400 },
    collectionName: { type: 'string', maxLength: 100 },
    documentId: { type: 'string', maxLength: 200 },
    fields: { type: 'array', items: { type: 'string' } },
    mergedFields: { type: 'array', items: { type: 'string' } },
    settled: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          rule: { type: 'string' },
          winner: { type: 'string', enum: ['local', 'server'] },
        },
        required: ['field', 'rule', 'winner'],
        // `won` and `lost` hold values of any type
        additionalProperties: true,
      },
    },
    base: documentVersion,
    local: documentVersion,
    server: documentVersion,
    status: { type: 'string', enum: ['open', 'resolved'], maxLength: 10 },
    detectedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
    resolvedAt: { type: 'number' },
    resolution: documentVersion,
  },
  required: ['id', 'collectionName', 'documentId', 'fields', 'mergedFields', 'local', 'server', 'status', 'detectedAt'],
  indexes: ['status'],
  additionalProperties: false,
} as RxJsonSchema<ConflictRecord>;

/** Version 1 added `settled`; a record from before has none to list. */
export const conflictMigrations = { 1: (record: ConflictRecord) => record };

function conflictsOf(database: AnyRxDatabase): RxCollection<ConflictRecord> {
  return database.collections[conflictsCollectionName] as RxCollection<ConflictRecord>;
}

export function settlementCollection(database: AnyRxDatabase): RxCollection<SettlementRecord> {
  return database.collections[SETTLEMENTS_COLLECTION] as RxCollection<SettlementRecord>;
}

/**
 * The server state a pending change started from: RxDB's record of it (`assumed`), or the copy the device kept when
 * the change began (`kept`). A local schema migration starts RxDB's record afresh (a new server address) or moves
 * it up a version with the documents (the same address): then it is the server's old state run through the app's
 * migration, a state the server never had, and every field the migration added would read as removed by the
 * server. So the kept copy counts, unless RxDB's record carries a server clock (`updatedAt`) other than the kept
 * one's: a newer server state, met in a conflict while the change was pending (RxDB's record of a state this device
 * pushed has no clock).
 */
function baseOf(assumed: PlainDocument | undefined, kept: PlainDocument | undefined): PlainDocument | undefined {
  if (!assumed || !kept) return assumed ?? kept;
  const clock = assumed[UPDATED_AT];
  return typeof clock === 'number' && clock !== kept[UPDATED_AT] ? assumed : kept;
}

/**
 * RxDB's conflict handler for one collection: equality ignores server-managed fields, and a real conflict is
 * settled by the three-way merge; `manual` fields, and fields a rule settled, are recorded before the merged
 * document is written.
 */
export function createConflictHandler<T>(
  database: () => AnyRxDatabase,
  collectionName: string,
  rules: MergeRules | undefined,
): RxConflictHandler<T> {
  return {
    isEqual: (a, b, context) => {
      const left = a as PlainDocument;
      const right = b as PlainDocument;
      if (!sameDocumentState(left, right)) return false;
      // a discarded local change: the server state it went back to is pushed once, so the server answers with
      // its newest state if that moved on since (the assumed state may be older than the server's)
      if (context === 'upstream-check-if-equal') {
        const primary = database().collections[collectionName]?.schema.primaryPath ?? 'id';
        if (findInternals(database())?.tracker?.isDiscarding(collectionName, String(right[primary as string])))
          return false;
      }
      // Downstream, "equal" means "no need to write the server's state": there the server's clock must count,
      // or the echo of a push never brings `updatedAt` to the client.
      return context === 'downstream-check-if-equal-1'
        ? SERVER_MANAGED_FIELDS.every((field) => jsonEqual(left[field], right[field]))
        : true;
    },
    resolve: async (input) => {
      const local = withoutStorageFields(input.newDocumentState as PlainDocument);
      const server = withoutStorageFields(input.realMasterState as PlainDocument);
      const primary = database().collections[collectionName]?.schema.primaryPath ?? 'id';
      const documentId = String(local[primary as string] ?? server[primary as string]);
      const tracker = findInternals(database())?.tracker;
      const base = baseOf(
        input.assumedMasterState ? withoutStorageFields(input.assumedMasterState as PlainDocument) : undefined,
        tracker?.pendingBase(collectionName, documentId),
      );
      // a state the server already took, pushed again from an older assumed state (its answer was dropped):
      // what the server holds now came after it, so the server's state is the merge and nobody has to decide
      if (tracker?.wasTaken(collectionName, documentId, local)) {
        tracker.noteMerge(collectionName, documentId, server);
        return input.realMasterState;
      }
      const { merged, manualFields, mergedFields, decisions } = mergeDocuments({ base, local, server }, rules);
      // a merge that ends on the server's own state leaves nothing to push: the tracker must not keep it pending
      tracker?.noteMerge(collectionName, documentId, sameDocumentState(merged, server) ? server : undefined);
      const settled = settledByRules(decisions);
      if (manualFields.length === 0 && settled.length === 0) return merged as WithDeleted<T>;
      // the same conflict met twice (a retried push) is one record
      const earlier = await conflictsOf(database()).find({ selector: { collectionName, documentId } }).exec();
      const known = earlier.some((record) => {
        const seen = record.toJSON();
        return jsonEqual(seen.local, local) && jsonEqual(seen.server, server) && jsonEqual(seen.base, base);
      });
      if (known) return merged as WithDeleted<T>;
      const detectedAt = Date.now();
      const open = manualFields.length > 0;
      const id = `${collectionName}|${documentId}|${detectedAt}-${Math.random().toString(36).slice(2, 8)}`;
      if (settled.length > 0) {
        const device = findInternals(database())?.device ?? '';
        const merge = { id, collectionName, documentId, settledAt: detectedAt, device };
        const { error } = await settlementCollection(database()).bulkInsert(settlementsOf(merge, settled));
        if (error.length > 0)
          throw new Error(`Could not record the settled fields of ${documentId}: ${error[0]?.status}`);
      }
      await conflictsOf(database()).insert({
        id,
        collectionName,
        documentId,
        fields: manualFields,
        mergedFields,
        ...(base ? { base } : {}),
        local,
        server,
        // settled by rules alone: nobody has to decide; the settlement is there to be seen and reversed
        status: open ? 'open' : 'resolved',
        detectedAt,
        ...(open ? {} : { resolvedAt: detectedAt }),
      });
      return merged as WithDeleted<T>;
    },
  };
}

/** What to keep for one field of a conflict: one of the three versions, or a value a person typed. */
export type ConflictChoice = 'local' | 'server' | 'base' | { custom: unknown };

/**
 * Writes the document with the chosen value for every conflicting field (as a normal local write, so it syncs
 * like any edit) and marks the conflict resolved. Fields not in the conflict keep their current local value.
 */
export interface ResolveConflictOptions {
  /**
   * Adds to the document in the same write as the chosen values, say an entry of its own history recording the
   * resolution and who made it. Gets the document as it will be written (a plain copy) and the record; returns it.
   */
  annotate?: (doc: PlainDocument, record: ConflictRecord) => PlainDocument;
}

export async function resolveConflict(
  database: AnyRxDatabase,
  conflictId: string,
  choices: Readonly<Record<string, ConflictChoice>>,
  { annotate }: ResolveConflictOptions = {},
): Promise<void> {
  const record = await conflictsOf(database).findOne(conflictId).exec();
  if (!record) throw new Error(`No conflict "${conflictId}" on this device: it may have been resolved already.`);
  if (record.status === 'resolved') return;
  const missing = record.fields.filter((field) => !(field in choices));
  if (missing.length > 0) {
    throw new Error(`Choose a value for ${missing.join(', ')} before resolving; nothing was written.`);
  }
  const collection = database.collections[record.collectionName];
  if (!collection) throw new Error(`The collection "${record.collectionName}" is not open in this database.`);
  // plain copies: a document's nested values are read-only views, not data to write back
  const plain = record.toMutableJSON();
  const versions = { local: plain.local, server: plain.server, base: plain.base ?? {} };
  const resolution: PlainDocument = {};
  for (const field of record.fields) {
    const choice = choices[field] as ConflictChoice;
    const value = typeof choice === 'object' ? choice.custom : versions[choice][field];
    // a plain JSON copy: a value taken from a rendered document may be a read-only view
    resolution[field] = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  const apply = (doc: PlainDocument): PlainDocument => {
    for (const [field, value] of Object.entries(resolution)) {
      if (field === '_deleted') continue;
      if (value === undefined || value === null) delete doc[field];
      else doc[field] = value;
    }
    return annotate ? annotate(doc, plain) : doc;
  };
  const deleted = '_deleted' in resolution ? Boolean(resolution._deleted) : undefined;
  const writeResolution = async () => {
    const existing = await collection.findOne(record.documentId).exec();
    if (existing && deleted) {
      await existing.remove();
    } else if (existing) {
      await existing.incrementalModify((data: unknown) => apply(data as PlainDocument) as never);
    } else if (deleted === false) {
      // delete versus edit, decided for the edit: bring back the version that was chosen (with the other choices)
      const choice = choices._deleted;
      const [stored] = await collection.storageInstance.findDocumentsById([record.documentId], true);
      const chosen =
        typeof choice === 'string' ? versions[choice] : ((stored as PlainDocument | undefined) ?? plain.server);
      const revived = apply({ ...withoutStorageFields(chosen) });
      delete revived._deleted;
      await collection.upsert(revived);
    }
  };
  // marked as a resolution, so the server's audit trail says so
  const tracker = findInternals(database)?.tracker;
  await (tracker ? tracker.asResolution(record.collectionName, record.documentId, writeResolution) : writeResolution());
  await record.incrementalPatch({ status: 'resolved', resolvedAt: Date.now(), resolution });
}

export interface ReverseSettledFieldOptions {
  /** Adds to the document in the same write, say a history entry "reversed by Ana"; returns it (a plain copy). */
  annotate?: (doc: PlainDocument, settled: SettledField) => PlainDocument;
}

/** A record of settled fields by id: a synced settlement, or a local conflict record from before they synced. */
async function findSettledRecord(database: AnyRxDatabase, recordId: string): Promise<SettledRecord | null> {
  const settlement = await settlementCollection(database).findOne(recordId).exec();
  if (settlement) return settledRecordOf(settlement.toJSON() as SettlementRecord);
  const record = await conflictsOf(database).findOne(recordId).exec();
  return record ? (record.toJSON() as ConflictRecord) : null;
}

/**
 * Reverses a field a rule settled (here or on another device): writes the value that lost as a normal local edit, so it syncs like any edit.
 * Nothing is written when the document already carries that value; when someone wrote a third value since, it
 * throws rather than overwrite a value the person has not seen.
 */
export async function reverseSettledField(
  database: AnyRxDatabase,
  recordId: string,
  field: string,
  { annotate }: ReverseSettledFieldOptions = {},
): Promise<void> {
  const record = await findSettledRecord(database, recordId);
  const settled = record?.settled?.find((candidate) => candidate.field === field);
  if (!record || !settled) {
    throw new Error(
      `Nothing settled automatically for "${field}" in "${recordId}" on this device; nothing was written.`,
    );
  }
  const collection = database.collections[record.collectionName];
  if (!collection) throw new Error(`The collection "${record.collectionName}" is not open in this database.`);
  const doc = await collection.findOne(record.documentId).exec();
  if (!doc) throw new Error(`The document "${record.documentId}" was deleted; nothing was written.`);
  if (settledFieldState(settled, doc.toJSON() as PlainDocument) === 'reversed') return;
  await doc.incrementalModify((data: unknown) => {
    const current = data as PlainDocument;
    const state = settledFieldState(settled, current);
    if (state === 'reversed') return current as never;
    if (state === 'changed') {
      throw new Error(`"${field}" changed since it was settled; nothing was written. Edit it instead.`);
    }
    if (settled.lost === undefined) delete current[field];
    else current[field] = settled.lost;
    return (annotate ? annotate(current, settled) : current) as never;
  });
}

/**
 * Removes resolved conflict records resolved more than `olderThanMs` ago (default 30 days), so the local audit
 * trail does not grow forever. Open conflicts are never touched. Returns how many were removed.
 */
export async function pruneResolvedConflicts(
  database: AnyRxDatabase,
  { olderThanMs = 30 * 24 * 60 * 60 * 1000 }: { olderThanMs?: number } = {},
): Promise<number> {
  const before = Date.now() - olderThanMs;
  const old = await conflictsOf(database)
    .find({ selector: { status: 'resolved', resolvedAt: { $lte: before } } })
    .exec();
  if (old.length > 0) await conflictsOf(database).bulkRemove(old.map((record) => record.id));
  return old.length;
}
