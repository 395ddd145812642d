// Sends refused changes again, as they are: the server may take them now (its rule changed, or what refused them
// has passed). A refused document stays forked and nothing retries it on its own (see refused-rows.ts); writing
// it again as a new local revision, unchanged, makes the replication push it from the true server state.
import { createRevision, now, type RxCollection, type RxDocumentData } from 'rxdb';
import type { AnyRxDatabase } from '../any-database';
import { type DiscardTarget, idsByCollection } from '../tabs';

/** The context of a retry's write, for whoever watches writes. */
export const RETRY_CONTEXT = 'syncline-retry';

export async function retryChanges(database: AnyRxDatabase, targets: readonly DiscardTarget[]): Promise<void> {
  for (const [name, ids] of idsByCollection(targets)) {
    const collection = database.collections[name] as RxCollection | undefined;
    if (!collection) throw new Error(`The collection "${name}" is not open in this database; nothing was retried.`);
    const current = (await collection.storageInstance.findDocumentsById(ids, true)) as RxDocumentData<unknown>[];
    if (current.length === 0) continue;
    const rows = current.map((doc) => ({
      previous: doc,
      document: { ...doc, _meta: { ...doc._meta, lwt: now() }, _rev: createRevision(database.token, doc) },
    }));
    const result = await collection.storageInstance.bulkWrite(rows, RETRY_CONTEXT);
    if (result.error.length > 0) {
      const changed = result.error.map((error) => error.documentId).join(', ');
      throw new Error(`${changed} changed while retrying and kept the newer change; it is sent as it is now.`);
    }
  }
}
