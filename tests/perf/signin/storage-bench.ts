// Runs inside the control center's page, after its first sign-in has synced: the limits of that sign-in, measured
// in the same page on the same documents. It pulls the documents a first sign-in brings over HTTP first (not timed;
// the sync scopes leave out orders finished long ago), and counts the whole shop's, then writes
// them straight into the storage the app uses (RxDB's Dexie storage, no replication, no Syncline bookkeeping) and
// into IndexedDB itself (one object store per collection, no indexes), in batches of the replication's size.

import { collectionOperations, withEditClockRequired } from '@syncline/data';
import { controlCenterMigrations, controlCenterSchemas } from '@syncline/domain';
import { addRxPlugin, createRxDatabase, type MigrationStrategies, type RxJsonSchema } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { pullPage } from './pull-page';

type Documents = Record<string, Record<string, unknown>[]>;

/**
 * What a first sign-in brings: every collection pulled from nothing as the replication pulls it (a pass marked
 * `x-syncline-fresh`, so a scoped collection sends only what a device keeps); and how many documents the shop has
 * in all (a counting pull outside such a pass counts every one).
 */
async function pullAll(url: string, token: string): Promise<{ documents: Documents; inShop: number }> {
  const documents: Documents = {};
  let inShop = 0;
  for (const [name, schema] of Object.entries(controlCenterSchemas)) {
    const operations = collectionOperations(name, schema as RxJsonSchema<unknown>);
    const counting = { query: operations.pullCounting, field: operations.pullField };
    const counted = await pullPage(url, token, counting, { checkpoint: null, limit: 1 });
    inShop += counted.documents.length + (counted.remaining ?? 0);
    const all: Record<string, unknown>[] = [];
    let checkpoint: unknown = null;
    let fresh = '1';
    for (;;) {
      const first = checkpoint === null;
      const query = first ? operations.pullCounting : operations.pull;
      const page = await pullPage(
        url,
        token,
        { query, field: operations.pullField },
        { checkpoint, limit: 1000 },
        fresh,
      );
      if (first && typeof page.serverTime === 'number') fresh = String(page.serverTime);
      if (page.documents.length === 0) break;
      // as the replication stores them: no nulls for absent optional fields
      for (const doc of page.documents) {
        all.push(Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== null)));
      }
      checkpoint = page.checkpoint;
    }
    documents[name] = all;
  }
  return { documents, inShop };
}

const count = (documents: Documents) => Object.values(documents).reduce((sum, list) => sum + list.length, 0);

async function intoRxStorage(documents: Documents, batch: number): Promise<number> {
  const database = await createRxDatabase({
    name: `bench-storage-${Date.now().toString(36)}`,
    storage: getRxStorageDexie(),
    multiInstance: false,
  });
  // the schemas carry versions (orders is at 1): RxDB wants their migrations, as the app gives them
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const migrations = controlCenterMigrations as Record<string, MigrationStrategies | undefined>;
  await database.addCollections(
    Object.fromEntries(
      Object.entries(controlCenterSchemas).map(([name, schema]) => [
        name,
        // stored as the app stores it (an indexed edit time is required there)
        {
          schema: withEditClockRequired(schema as RxJsonSchema<unknown>),
          ...(migrations[name] ? { migrationStrategies: migrations[name] } : {}),
        },
      ]),
    ),
  );
  const started = performance.now();
  for (const [name, list] of Object.entries(documents)) {
    const collection = database.collections[name];
    if (!collection) throw new Error(`No collection ${name}`);
    for (let at = 0; at < list.length; at += batch) {
      const { error } = await collection.bulkInsert(list.slice(at, at + batch));
      if (error.length > 0) throw new Error(`Storage refused ${error.length} of ${name}: ${error[0]?.status}`);
    }
  }
  const ms = performance.now() - started;
  await database.remove();
  return ms;
}

function request<T>(what: IDBRequest<T> | IDBTransaction): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    if (what instanceof IDBTransaction) {
      what.oncomplete = () => resolve(undefined);
      what.onerror = () => reject(what.error);
      return;
    }
    what.onsuccess = () => resolve(what.result);
    what.onerror = () => reject(what.error);
  });
}

async function intoIndexedDb(documents: Documents, batch: number): Promise<number> {
  const name = `bench-raw-${Date.now().toString(36)}`;
  const opening = indexedDB.open(name, 1);
  opening.onupgradeneeded = () => {
    for (const collection of Object.keys(documents)) opening.result.createObjectStore(collection, { keyPath: 'id' });
  };
  const db = (await request(opening)) as IDBDatabase;
  const started = performance.now();
  for (const [collection, list] of Object.entries(documents)) {
    for (let at = 0; at < list.length; at += batch) {
      const transaction = db.transaction(collection, 'readwrite');
      const store = transaction.objectStore(collection);
      for (const doc of list.slice(at, at + batch)) store.put(doc);
      await request(transaction);
    }
  }
  const ms = performance.now() - started;
  db.close();
  await request(indexedDB.deleteDatabase(name));
  return ms;
}

export interface StorageLimits {
  /** the documents a first sign-in brings (what the device keeps of the shop: its sync scopes) */
  documents: number;
  /** the documents of the whole shop */
  inShop: number;
  rxStorageMs: number;
  indexedDbMs: number;
}

export async function measureStorageLimits(url: string, token: string, batch: number): Promise<StorageLimits> {
  const { documents, inShop } = await pullAll(url, token);
  const rxStorageMs = await intoRxStorage(documents, batch);
  const indexedDbMs = await intoIndexedDb(documents, batch);
  return { documents: count(documents), inShop, rxStorageMs, indexedDbMs };
}
