// The audit trail's query: its GraphQL types, its paging (newest first, a cursor, a bounded limit) and what a
// reader's role receives of each entry (the changes to fields it may not see are counted, never shown).
import {
  AUDIT_LOG_FIELD,
  type AuditEntry,
  type AuditPage,
  CONFLICT_RESOLUTION_FIELD,
  DEFAULT_AUDIT_PAGE,
  MAX_AUDIT_PAGE,
  operationNames,
} from '@syncline/protocol';
import type { SyncCollection } from './collections.js';
import type { AuditRecord, AuditRequest } from './storage/types.js';

/**
 * The audit types and query, and each push row's optional `conflictResolution` flag (a stock RxDB client never
 * sends it, so its push validates as before).
 */
export function auditTypeDefs(collections: readonly SyncCollection[]): string {
  const rows = collections.map(
    (c) => `extend input ${operationNames(c.name).pushRowInputType} { ${CONFLICT_RESOLUTION_FIELD}: Boolean }`,
  );
  return [
    ...rows,
    `type AuditFieldChange { field: String! from: String to: String }`,
    `type AuditEntry { collection: String! documentId: String! operation: String! subject: String role: String! ` +
      `recordedAt: Float! updatedAt: Float! ${CONFLICT_RESOLUTION_FIELD}: Boolean! changes: [AuditFieldChange!]! hiddenChanges: Int! }`,
    `type AuditPage { entries: [AuditEntry!]! before: String }`,
    `extend type Query { ${AUDIT_LOG_FIELD}(collection: String!, documentId: String!, before: String, limit: Int): AuditPage! }`,
  ].join('\n');
}

export interface AuditLogArgs {
  collection: string;
  documentId: string;
  before?: string | null;
  limit?: number | null;
}

/**
 * The storage request for the query's arguments (one entry more than the page, to tell whether an older page
 * exists), or the reason they are not usable.
 */
export function auditRequest(tenant: string, args: AuditLogArgs): AuditRequest | string {
  const limit = args.limit ?? DEFAULT_AUDIT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    return `limit must be a whole number from 1 to ${MAX_AUDIT_PAGE}.`;
  }
  const before = args.before ?? null;
  if (before !== null && !/^\d{1,16}$/.test(before)) {
    return 'before must be the cursor a previous page answered (its `before`).';
  }
  const after = before === null ? null : Number(before);
  return { tenant, collection: args.collection, documentId: args.documentId, before: after, limit: limit + 1 };
}

/** One page of entries as a role that cannot see `hidden` receives it. */
export function auditPage(
  records: readonly AuditRecord[],
  request: AuditRequest,
  hidden: readonly string[],
): AuditPage {
  const limit = request.limit - 1;
  const entries = records.slice(0, limit).map((record): AuditEntry => {
    const changes = record.changes.filter((change) => !hidden.includes(change.field));
    return { ...record, changes, hiddenChanges: record.changes.length - changes.length };
  });
  const last = entries.at(-1);
  return { entries, before: records.length > limit && last ? String(last.updatedAt) : null };
}
