// Throws away a device's unsynced change to documents, pending or refused: each goes back to the server's state
// (pushed once, so the server answers with its newest state if it moved on), or, if the server never had it, is
// removed as if the server had said so, so nothing is pushed.
import { type PlainDocument, withoutStorageFields } from '@syncline/protocol';
import { createRevision, getAssumedMasterState, now, type RxCollection, type RxDocumentData } from 'rxdb';
import type { AnyRxDatabase } from '../any-database';
import { DISCARD_CONTEXT, type SyncTracker, syncStateId } from '../sync-state';
import { type DiscardTarget, idsByCollection } from '../tabs';
import type { CollectionReplicationState, DiscardedCreations } from './collection-replicator';

export interface DiscardContext {
  database: AnyRxDatabase;
  states: Readonly<Record<string, CollectionReplicationState>>;
  tracker: SyncTracker;
  discarded: DiscardedCreations;
}

/** Document ids by collection; a collection this replication does not carry is an error before anything changes. */
function byCollection(context: DiscardContext, targets: readonly DiscardTarget[]): Map<string, string[]> {
  const grouped = idsByCollection(targets);
  for (const collectionName of grouped.keys()) {
    if (!context.states[collectionName]) {
      throw new Error(`"${collectionName}" is not replicated by this client; nothing was discarded.`);
    }
  }
  return grouped;
}

export async function discardChanges(context: DiscardContext, targets: readonly DiscardTarget[]): Promise<void> {
  const { database, tracker } = context;
  for (const [name, ids] of byCollection(context, targets)) {
    const state = context.states[name] as CollectionReplicationState;
    await state.startPromise;
    const internal = state.internalReplicationState;
    if (!internal) throw new Error(`The replication of "${name}" has not started; nothing was discarded.`);
    const collection = database.collections[name] as RxCollection<PlainDocument>;
    const primary = collection.schema.primaryPath as string;
    const masters = await getAssumedMasterState(internal, ids);
    const current = (await collection.storageInstance.findDocumentsById(ids, true)) as RxDocumentData<PlainDocument>[];
    const back = [];
    const gone = [];
    for (const doc of current) {
      const id = String(doc[primary]);
      const server = (masters[id]?.docData as PlainDocument | undefined) ?? tracker.takenState(name, id);
      const stamp = { _meta: { ...doc._meta, lwt: now() }, _rev: createRevision(database.token, doc) };
      if (server) {
        tracker.markDiscarding(name, id);
        const serverState = { ...withoutStorageFields(server), _deleted: Boolean(server._deleted) };
        back.push({ previous: doc, document: { ...serverState, _attachments: doc._attachments ?? {}, ...stamp } });
      } else {
        context.discarded.add(syncStateId(name, id));
        gone.push({ previous: doc, document: { ...doc, _deleted: true, ...stamp } });
      }
    }
    const written = [
      // back to the server's state as a local write: pushed once, so the server answers with its newest state
      ...(back.length > 0 ? [await collection.storageInstance.bulkWrite(back, DISCARD_CONTEXT)] : []),
      // never on the server: removed as if the server had said so, so nothing is pushed
      ...(gone.length > 0
        ? [await collection.storageInstance.bulkWrite(gone, await internal.downstreamBulkWriteFlag)]
        : []),
    ];
    const failed = written.flatMap((result) => result.error.map((error) => error.documentId));
    if (gone.length > 0) {
      const removed = gone.map((row) => String(row.previous[primary])).filter((id) => !failed.includes(id));
      await tracker.forget(name, removed);
    }
    if (failed.length > 0) {
      throw new Error(`${failed.join(', ')} changed while discarding and kept the newer change; discard again.`);
    }
  }
}
