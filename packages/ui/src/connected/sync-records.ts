// The data layer's records as the kit's views take them, in one place: a conflict record as an inbox item and as
// the three-way viewer's versions, the viewer's decisions as the data layer's choices, a pending write as a queue
// item, and a field a rule settled as a row of the settled list. Exported so an app with its own layout maps
// records exactly as the connected views do.
import type {
  ConflictChoice,
  ConflictRecord,
  FieldTitles,
  PlainDocument,
  SettledFieldEntry,
  SyncStateRecord,
} from '@syncline/data';
import { DELETED, type JsonObject } from '@syncline/protocol';
import {
  type ConflictDiffViewerProps,
  type ConflictResolution,
  defaultIgnoredFields,
  type FieldLabels,
  fieldKey,
} from '../sync/conflict-diff-viewer';
import type { BatchResolution, ConflictInboxItem } from '../sync/conflict-inbox';
import type { SettledFieldItem } from '../sync/settled-fields-list';
import type { SyncQueueItem } from '../sync/sync-queue-panel';
import { type DescribeDocument, describeById, describeDocument } from './describe-document';

/** The version of a conflicting document a person recognises: the server's, unless the server deleted it. */
export function recognisable(record: ConflictRecord): PlainDocument {
  return record.server[DELETED] ? record.local : record.server;
}

/** What a person calls the document a conflict is about. */
export function conflictLabel(record: ConflictRecord, describe: DescribeDocument = describeDocument): string {
  return describe(record.collectionName, recognisable(record), record.documentId);
}

/** What a list row says of the document behind a record: which one, and its name. */
function rowOf(record: { id: string; collectionName: string; documentId: string }, documentLabel: string) {
  return { id: record.id, collection: record.collectionName, documentId: record.documentId, documentLabel };
}

/** One conflict record as a row of the inbox. */
export function conflictInboxItem(
  record: ConflictRecord,
  describe: DescribeDocument = describeDocument,
): ConflictInboxItem {
  return {
    ...rowOf(record, conflictLabel(record, describe)),
    fields: record.fields,
    detectedAt: record.detectedAt,
  };
}

/** A deletion against an edit: the person decides which document to keep, not field by field. */
function isDeleteVersusEdit(record: ConflictRecord): boolean {
  return record.fields.includes(DELETED);
}

/**
 * Fields the merge rules already settled are not a person's decision: the viewer shows only the fields the
 * conflict record holds (the `manual` ones).
 */
export function settledFields(record: ConflictRecord): string[] {
  const keys = new Set([
    ...Object.keys(record.base ?? {}),
    ...Object.keys(record.local),
    ...Object.keys(record.server),
  ]);
  return [...defaultIgnoredFields, ...[...keys].filter((key) => !record.fields.includes(key))];
}

export type ConflictVersions = Pick<ConflictDiffViewerProps, 'base' | 'local' | 'server' | 'ignoreFields'>;

/**
 * A conflict record as the viewer's three versions. Delete versus edit passes the deleted side as `null` (the
 * viewer then asks which document to keep) and shows every field, so the person sees what the edit changed.
 */
export function conflictVersions(record: ConflictRecord): ConflictVersions {
  const base = (record.base ?? null) as JsonObject | null;
  if (isDeleteVersusEdit(record)) {
    return {
      base,
      local: record.local[DELETED] ? null : (record.local as JsonObject),
      server: record.server[DELETED] ? null : (record.server as JsonObject),
      ignoreFields: defaultIgnoredFields,
    };
  }
  return {
    base,
    local: record.local as JsonObject,
    server: record.server as JsonObject,
    ignoreFields: settledFields(record),
  };
}

/**
 * The viewer's decisions as the data layer's choices, for exactly the fields the conflict record holds: a side
 * where the person picked one for the whole field, else the value the resolved document carries (a custom value,
 * or the leaves of a nested field decided one by one).
 */
export function conflictChoices(
  record: ConflictRecord,
  resolution: ConflictResolution,
): Record<string, ConflictChoice> {
  const choices: Record<string, ConflictChoice> = {};
  for (const field of record.fields) {
    const decision = resolution.decisions[fieldKey([field])];
    if (decision?.choice === 'custom') choices[field] = { custom: decision.custom };
    else if (decision) choices[field] = decision.choice;
    else if (field === DELETED) choices[field] = { custom: resolution.document === null };
    else choices[field] = { custom: resolution.document?.[field] };
  }
  return choices;
}

/** Every conflicting field of a record kept from one side: the inbox's "Keep local" / "Keep server". */
export function choicesKeeping(record: ConflictRecord, side: BatchResolution): Record<string, ConflictChoice> {
  return Object.fromEntries(record.fields.map((field) => [field, side]));
}

/**
 * A pending or refused write as a row of the queue, named after its document as this device holds it (by
 * collection and id when it holds none, as after a deletion).
 */
export function syncQueueItem(
  record: SyncStateRecord,
  doc: PlainDocument | null,
  describe: DescribeDocument = describeDocument,
  fieldLabels: FieldLabels = {},
): SyncQueueItem {
  const label = doc
    ? describe(record.collectionName, doc, record.documentId)
    : describeById(record.collectionName, record.documentId);
  const operation =
    record.operation === 'delete' || !doc ? 'delete' : record.operation === 'create' ? 'insert' : 'update';
  return {
    ...rowOf(record, label),
    operation,
    ...(operation === 'update' && record.fields?.length
      ? { fields: record.fields.map((field) => fieldLabels[field] ?? field) }
      : {}),
    state: record.state,
    queuedAt: record.changedAt,
    attempts: record.state === 'failed' ? 1 : 0,
    lastError: record.error ?? null,
  };
}

/** A field a rule settled as a row of the settled list, labelled by its schema title (its key without one). */
export function settledFieldItem(entry: SettledFieldEntry, titles: FieldTitles = {}): SettledFieldItem {
  return {
    id: `${entry.recordId}|${entry.field}`,
    field: entry.field,
    label: titles[entry.field] ?? entry.field,
    rule: entry.rule,
    winner: entry.winner,
    loser: entry.loser,
    won: entry.won,
    lost: entry.lost,
    state: entry.state,
  };
}
