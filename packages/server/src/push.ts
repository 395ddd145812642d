// The push rules of the replication contract, over any SyncStorage: one transaction per request, idempotent
// retries, conflicts judged with server-managed fields left out, `updatedAt` assigned by the server.

import { type PlainDocument, sameDocumentState } from '@syncline/protocol';
import { DELETED, type SyncCollection, UPDATED_AT } from './collections.js';
import type { Checkpoint, StoredDocument, SyncStorage } from './storage/types.js';

/** One row of RxDB's push: what the client believes the server has, and what it wants stored. */
export interface PushRow {
  readonly assumedMasterState?: PlainDocument | null | undefined;
  readonly newDocumentState: PlainDocument;
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

export function applyPush(
  storage: SyncStorage,
  tenant: string,
  collection: SyncCollection,
  rows: readonly PushRow[],
): Promise<PushOutcome> {
  const { primaryKey } = collection;
  return storage.transaction(tenant, async (tx) => {
    const ids = [...new Set(rows.map((row) => String(row.newDocumentState[primaryKey])))];
    const stored = await tx.read(collection.name, ids);
    const conflicts: PlainDocument[] = [];
    const written: PlainDocument[] = [];
    // What the push leaves of each document: a later row of the same id replaces an earlier one's write.
    const toStore = new Map<string, StoredDocument>();
    let checkpoint: Checkpoint | null = null;

    for (const row of rows) {
      const id = String(row.newDocumentState[primaryKey]);
      const current = stored.get(id);
      if (current) {
        // A retry of a push that already landed (or a write that changes nothing): not a conflict, no write.
        if (sameDocumentState(current.data, row.newDocumentState)) continue;
        if (!row.assumedMasterState || !sameDocumentState(current.data, row.assumedMasterState)) {
          conflicts.push(current.data);
          continue;
        }
      }
      const updatedAt = tx.nextUpdatedAt();
      const deleted = row.newDocumentState[DELETED] === true;
      const data: PlainDocument = { ...row.newDocumentState, [UPDATED_AT]: updatedAt, [DELETED]: deleted };
      const doc: StoredDocument = { id, updatedAt, deleted, data };
      stored.set(id, doc);
      toStore.set(id, doc);
      written.push(data);
      checkpoint = { id, updatedAt };
    }
    // read before this push writes: the commit its stream event follows
    const previousCheckpoint = toStore.size > 0 ? await tx.latest(collection.name) : null;
    await tx.write(collection.name, [...toStore.values()]);
    return { conflicts, written, checkpoint, previousCheckpoint };
  });
}
