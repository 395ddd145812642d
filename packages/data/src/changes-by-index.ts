// What changed locally since a checkpoint, read straight off the (last write time, id) index. RxDB's push reads a
// collection's local changes a batch at a time with a query "lwt after the checkpoint's, or the same lwt and a
// greater id"; the memory and Dexie storages answer it by scanning every document from the checkpoint's lwt on
// and testing each. A bulk write gives thousands of documents one lwt, so each batch re-tested every document of
// that write before it: a push of 10,000 offline writes tested about half a million. Here each batch starts
// strictly after the previous one's (lwt, id) on the index and reads only its own documents.
import {
  getChangedDocumentsSinceQuery,
  getPrimaryFieldOfPrimaryKey,
  INDEX_MAX,
  INDEX_MIN,
  type PreparedQuery,
  type RxStorage,
  type RxStorageInstance,
} from 'rxdb';

type AnyStorage = RxStorage<unknown, unknown>;
type AnyInstance = RxStorageInstance<unknown, unknown, unknown>;

/** A position in the local changes: the last write time and id of the last document read. */
export interface LocalChangesCheckpoint {
  id: string;
  lwt: number;
}

/** The storages whose index ranges are read as the query plan says (RxDB's memory and Dexie storages). */
const READ_BY_PLAN = new Set(['memory', 'dexie']);

/**
 * Up to `limit` documents written after `checkpoint` (all from the first, when none), in (lwt, id) order, with the
 * checkpoint of the last one: what RxDB's `getChangedDocumentsSince` answers.
 */
export async function readChangesSince(
  instance: AnyInstance,
  limit: number,
  checkpoint: LocalChangesCheckpoint | undefined,
) {
  const primary = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string;
  const index = ['_meta.lwt', primary];
  const prepared = {
    // the storage reads only the plan below; the query says the same for any part that looks at it
    query: getChangedDocumentsSinceQuery(instance, limit, checkpoint),
    queryPlan: {
      index,
      startKeys: checkpoint ? [checkpoint.lwt, checkpoint.id] : [INDEX_MIN, INDEX_MIN],
      endKeys: [INDEX_MAX, INDEX_MAX],
      inclusiveStart: !checkpoint,
      inclusiveEnd: true,
      sortSatisfiedByIndex: true,
      selectorSatisfiedByIndex: true,
    },
  } as unknown as PreparedQuery<unknown>;
  const { documents } = await instance.query(prepared);
  const last = documents.at(-1) as Record<string, unknown> | undefined;
  return {
    documents,
    checkpoint: last
      ? { id: String(last[primary]), lwt: (last._meta as { lwt: number }).lwt }
      : (checkpoint ?? { id: '', lwt: 0 }),
  };
}

/** A storage whose instances read their local changes on the index (see the top of this file); others as they are. */
export function changesByIndex(storage: AnyStorage): AnyStorage {
  if (!READ_BY_PLAN.has(storage.name)) return storage;
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as AnyInstance;
      instance.getChangedDocumentsSince = (limit, checkpoint) =>
        readChangesSince(instance, limit, checkpoint as LocalChangesCheckpoint | undefined);
      return instance;
    },
  } as AnyStorage;
}
