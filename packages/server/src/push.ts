// The push rules of the replication contract, over any SyncStorage: one transaction per request, idempotent
// retries, conflicts judged with server-managed fields left out, `updatedAt` assigned by the server, and every
// accepted row recorded in the audit trail in the same transaction.

import {
  fieldChanges,
  hiddenFields,
  ownerRefusal,
  type PlainDocument,
  sameDocumentState,
  withoutFields,
  writeOperation,
  writeRefusal,
} from '@syncline/protocol';
import { DEFAULT_ROLE } from './auth.js';
import { DELETED, type SyncCollection, UPDATED_AT } from './collections.js';
import type { AuditWrite, Checkpoint, StoredDocument, SyncStorage } from './storage/types.js';

/** One row of RxDB's push: what the client believes the server has, and what it wants stored. */
export interface PushRow {
  readonly assumedMasterState?: PlainDocument | null | undefined;
  readonly newDocumentState: PlainDocument;
  /** the client says this state is a person's resolution of a conflict (recorded in the audit trail) */
  readonly conflictResolution?: boolean | null | undefined;
}

/** Who pushes: what the audit trail records, and the role the permissions judge. */
export interface PushAuthor {
  readonly role: string;
  readonly sub?: string | undefined;
}

export interface PushOutcome {
  /** The server's state of each conflicting document; nothing of those rows was written. */
  readonly conflicts: PlainDocument[];
  /** The documents written, as stored (with their new `updatedAt`), in write order. */
  readonly written: PlainDocument[];
  /** The checkpoint after the last written document, when something was written. */
  readonly checkpoint: Checkpoint | null;
  /**
   * The collection's checkpoint before this push wrote (null when it had nothing): a stream event carries it, so
   * a client whose checkpoint is behind it knows it missed a commit and pulls.
   */
  readonly previousCheckpoint: Checkpoint | null;
}

/** A row the caller's role may not write: the whole push is refused, nothing of it written. */
export class PushRefusal extends Error {
  override name = 'PushRefusal';
  readonly documentId: string;

  constructor(documentId: string, reason: string) {
    super(reason);
    this.documentId = documentId;
  }
}

/**
 * Writes the rows `role` may write. A role sees its documents without the fields it may not read: it is judged on
 * what it sees (a conflict answers that), and what it cannot see is kept as stored.
 */
export function applyPush(
  storage: SyncStorage,
  tenant: string,
  collection: SyncCollection,
  rows: readonly PushRow[],
  author: PushAuthor = { role: DEFAULT_ROLE },
): Promise<PushOutcome> {
  const { primaryKey, permissions } = collection;
  const { role, sub } = author;
  const hidden = hiddenFields(permissions, role);
  return storage.transaction(tenant, async (tx) => {
    const ids = [...new Set(rows.map((row) => String(row.newDocumentState[primaryKey])))];
    const stored = await tx.read(collection.name, ids);
    const conflicts: PlainDocument[] = [];
    const written: PlainDocument[] = [];
    const audit: AuditWrite[] = [];
    // What the push leaves of each document: a later row of the same id replaces an earlier one's write.
    const toStore = new Map<string, StoredDocument>();
    let checkpoint: Checkpoint | null = null;

    for (const row of rows) {
      const id = String(row.newDocumentState[primaryKey]);
      const current = stored.get(id);
      // before the conflict check: a conflict's answer would show another person's document
      const notOwn = ownerRefusal(permissions, sub, collection.name, current?.data, row.newDocumentState);
      if (notOwn) throw new PushRefusal(id, notOwn);
      const seen = current && withoutFields(current.data, hidden);
      if (seen) {
        // A retry of a push that already landed (or a write that changes nothing): not a conflict, no write.
        if (sameDocumentState(seen, row.newDocumentState)) continue;
        if (!row.assumedMasterState || !sameDocumentState(seen, withoutFields(row.assumedMasterState, hidden))) {
          conflicts.push(seen);
          continue;
        }
      }
      const refusal = writeRefusal(permissions, role, collection.name, current?.data, row.newDocumentState);
      if (refusal) throw new PushRefusal(id, refusal);
      const updatedAt = tx.nextUpdatedAt();
      const deleted = row.newDocumentState[DELETED] === true;
      const kept = current && hidden.length > 0 ? keptFields(current.data, hidden) : {};
      const data: PlainDocument = { ...kept, ...row.newDocumentState, [UPDATED_AT]: updatedAt, [DELETED]: deleted };
      const doc: StoredDocument = { id, updatedAt, deleted, data };
      audit.push({
        collection: collection.name,
        documentId: id,
        operation: writeOperation(current?.data, data),
        subject: author.sub ?? null,
        role,
        updatedAt,
        conflictResolution: row.conflictResolution === true,
        changes: fieldChanges(current?.data, data).filter((change) => change.field !== primaryKey),
      });
      stored.set(id, doc);
      toStore.set(id, doc);
      written.push(data);
      checkpoint = { id, updatedAt };
    }
    // read before this push writes: the commit its stream event follows
    const previousCheckpoint = toStore.size > 0 ? await tx.latest(collection.name) : null;
    await tx.write(collection.name, [...toStore.values()]);
    await tx.audit(audit);
    return { conflicts, written, checkpoint, previousCheckpoint };
  });
}

/** The stored values of the fields a role cannot see. */
function keptFields(doc: PlainDocument, hidden: readonly string[]): PlainDocument {
  return Object.fromEntries(hidden.filter((field) => Object.hasOwn(doc, field)).map((field) => [field, doc[field]]));
}
