// Windows far down a long list, read from IndexedDB without reading the rows before them. RxDB's Dexie storage
// answers `skip: n` by loading and decoding the first n documents of the index and dropping them, so the window at
// row 99,975 of 100,000 (the newest orders, read from the far end; see live-window.ts) costs a whole pass over
// the collection. When both the selector and the sort are answered by one index, the skipped rows are passed over
// on the index alone (IDBCursor.advance) and only the window's documents are read.
import type {
  DexieStorageInternals,
  PreparedQuery,
  RxDocumentData,
  RxStorage,
  RxStorageInstance,
  RxStorageQueryResult,
} from 'rxdb';
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
} from 'rxdb/plugins/storage-dexie';

type AnyStorage = RxStorage<unknown, unknown>;
type AnyInstance = RxStorageInstance<unknown, DexieStorageInternals, unknown>;

/** A query the index answers alone, in order, with rows to skip: the only kind read here. */
function skipsByIndex(prepared: PreparedQuery<unknown>): boolean {
  const { queryPlan, query } = prepared;
  return queryPlan.sortSatisfiedByIndex && queryPlan.selectorSatisfiedByIndex && (query.skip ?? 0) > 0;
}

async function readWindow(instance: AnyInstance, prepared: PreparedQuery<unknown>) {
  const state = await instance.internals;
  const { query, queryPlan } = prepared;
  const skip = query.skip ?? 0;
  const limit = typeof query.limit === 'number' ? query.limit : Number.POSITIVE_INFINITY;
  let range: IDBKeyRange;
  try {
    const keyRange = (state.dexieDb as unknown as { _options: { IDBKeyRange?: unknown } })._options.IDBKeyRange;
    range = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, keyRange);
  } catch (error) {
    // an empty range (start after end): no match, as the storage itself answers
    if ((error as { name?: string }).name === 'DataError') return { documents: [] };
    throw error;
  }
  const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`;
  const documents: RxDocumentData<unknown>[] = [];
  await state.dexieDb.transaction('r', state.dexieTable, async (transaction: unknown) => {
    const store = (transaction as unknown as { idbtrans: IDBTransaction }).idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
    const request = store.index(indexName).openCursor(range);
    await new Promise<void>((resolve, reject) => {
      let skipped = false;
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor || documents.length >= limit) return resolve();
        if (!skipped) {
          skipped = true;
          cursor.advance(skip);
          return;
        }
        documents.push(fromDexieToStorage(state.booleanIndexes, cursor.value));
        if (documents.length >= limit) resolve();
        else cursor.continue();
      };
    });
  });
  return { documents };
}

/** A Dexie storage whose windows are read past their skipped rows on the index. */
export function indexedWindows(storage: AnyStorage): AnyStorage {
  return {
    ...storage,
    async createStorageInstance(params) {
      const instance = (await storage.createStorageInstance(params)) as unknown as AnyInstance;
      const query = instance.query.bind(instance);
      instance.query = (prepared) =>
        skipsByIndex(prepared)
          ? (readWindow(instance, prepared) as Promise<RxStorageQueryResult<unknown>>)
          : query(prepared);
      return instance;
    },
  } as AnyStorage;
}
