// The server's audit trail as both sides see it: what one entry records (who, when, which document, which fields
// changed from what to what, whether a person's conflict resolution wrote it), the query that pages through a
// document's entries newest first, and the push row's flag that says a row is a resolution.
import { DELETED, SERVER_MANAGED_FIELDS } from './fields.js';
import { jsonEqual, type PlainDocument } from './values.js';

/** What an accepted write did to its document, seen from the server. */
export type AuditOperation = 'create' | 'update' | 'delete';

/**
 * The optional field of a push row (`<Name>InputPushRow`) saying its new state is a person's resolution of a
 * conflict. A stock RxDB client never sends it; the Syncline data layer sends it only for such rows.
 */
export const CONFLICT_RESOLUTION_FIELD = 'conflictResolution';

/** One top-level field an accepted write changed; values are JSON text, null where the field was absent. */
export interface AuditFieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

/** One accepted write of one document, as the server recorded it. */
export interface AuditEntry {
  collection: string;
  documentId: string;
  operation: AuditOperation;
  /** the token's subject (`sub`), null when it had none */
  subject: string | null;
  role: string;
  /** server time of the write, in ms since the epoch */
  recordedAt: number;
  /** the document's `updatedAt` after the write */
  updatedAt: number;
  /** the write was a person's resolution of a conflict on their device */
  conflictResolution: boolean;
  /** the changed fields the caller's role may see */
  changes: AuditFieldChange[];
  /** how many changed fields the caller's role may not see (left out of `changes`, values and names) */
  hiddenChanges: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** the cursor for the next, older page (`before`), or null when there is none */
  before: string | null;
}

/** The most entries one page of the audit query answers. */
export const MAX_AUDIT_PAGE = 200;
export const DEFAULT_AUDIT_PAGE = 50;

export const AUDIT_LOG_FIELD = 'auditLog';

/** A document's audit trail, newest first: `before` is the previous page's cursor, `limit` at most MAX_AUDIT_PAGE. */
export const AUDIT_LOG_QUERY = `query AuditLog($collection: String!, $documentId: String!, $before: String, $limit: Int) {
  ${AUDIT_LOG_FIELD}(collection: $collection, documentId: $documentId, before: $before, limit: $limit) {
    entries { collection documentId operation subject role recordedAt updatedAt conflictResolution hiddenChanges changes { field from to } }
    before
  }
}`;

/** What a write does, from the stored state before it (absent for a document the server never had) to `after`. */
export function writeOperation(before: PlainDocument | undefined, after: PlainDocument): AuditOperation {
  if (!before || before[DELETED] === true) return 'create';
  return after[DELETED] === true ? 'delete' : 'update';
}

const unrecorded = new Set([DELETED, ...SERVER_MANAGED_FIELDS]);

const asJson = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The top-level fields that differ between two stored states, with their values as JSON text. */
export function fieldChanges(before: PlainDocument | undefined, after: PlainDocument): AuditFieldChange[] {
  const was = before && before[DELETED] !== true ? before : {};
  const fields = new Set([...Object.keys(was), ...Object.keys(after)]);
  return [...fields]
    .filter((field) => !unrecorded.has(field) && !jsonEqual(was[field], after[field]))
    .map((field) => ({ field, from: asJson(was[field]), to: asJson(after[field]) }));
}
