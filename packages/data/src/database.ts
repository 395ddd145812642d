// Opens the local database: the app's collections plus Syncline's own local ones (conflicts, sync state),
// with the merge-aware conflict handler on every synced collection and pending tracking from the first write.
import {
  EDITED_AT,
  type MergeRules,
  permissionsOf,
  SETTLEMENTS_COLLECTION,
  type SettlementRecord,
  settlementSchema,
  syncOptionsOf,
  syncOptionsProblem,
  syncPriorityOf,
  syncReferencesProblem,
  syncScopeOf,
  withoutSynclineKeys,
} from '@syncline/protocol';
import {
  addRxPlugin,
  createRxDatabase,
  type MigrationStrategies,
  type RxCollection,
  type RxCollectionCreator,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import type { AnyRxDatabase } from './any-database';
import { changesByIndex } from './changes-by-index';
import {
  type ConflictRecord,
  conflictMigrations,
  conflictSchema,
  conflictsCollectionName,
  createConflictHandler,
} from './conflicts';
import { fieldTitlesOf, storedSchema } from './field-titles';
import { registerInternals } from './internals';
import { documentCheckLoader, guardLocalWrites, type LoadDocumentCheck } from './local-validation';
import type { DocumentOf, SchemaMap } from './schema';
import {
  type SyncStateRecord,
  SyncTracker,
  syncStateCollectionName,
  syncStateMigrations,
  syncStateSchema,
} from './sync-state';

/**
 * The collections Syncline adds to every database (they count toward RxDB's limit of 13): two local ones, and the
 * settled fields, which sync with the tenant's other devices.
 */
// a type alias, not an interface: so a database typed with its schemas is assignable to `SynclineDatabase`
export type SynclineLocalCollections = {
  conflicts: RxCollection<ConflictRecord>;
  syncstate: RxCollection<SyncStateRecord>;
  syncline_settlements: RxCollection<SettlementRecord>;
};

export type SynclineCollections<S extends SchemaMap> = {
  [K in keyof S]: RxCollection<DocumentOf<S[K]>>;
} & SynclineLocalCollections;

/**
 * A Syncline database typed with its schemas (`SynclineDatabase<typeof schemas>`). Without a type argument, or
 * with the wide `SchemaMap`, any Syncline database: every typed one is assignable to it.
 */
export type SynclineDatabase<S extends SchemaMap = SchemaMap> = string extends keyof S
  ? AnyRxDatabase
  : RxDatabase<SynclineCollections<S>>;

export interface CreateSynclineDatabaseOptions<S extends SchemaMap> {
  /** database name; with Dexie storage, the IndexedDB name */
  name: string;
  /** collection name -> schema; every one of them syncs (RxDB allows 13 collections, 3 are Syncline's own) */
  collections: S;
  /** collection name -> per-field merge rules; a collection without rules merges both-sided changes by `latest` */
  mergeRules?: Partial<Record<keyof S & string, MergeRules>>;
  /**
   * collection name -> RxDB migration strategies, one per schema version above 0: documents (and pending writes)
   * stored by an earlier version move up when the database opens. Any schema change needs a version, even only
   * an added index (then `{ 1: (doc) => doc }`).
   */
  migrationStrategies?: Partial<Record<keyof S & string, MigrationStrategies>>;
  /** defaults to Dexie (IndexedDB) where `indexedDB` exists, memory storage elsewhere */
  storage?: RxStorage<unknown, unknown>;
  /** RxDB dev-mode and schema validation; defaults to on in development and tests, off in production */
  devMode?: boolean;
  /** share the database between browser tabs (RxDB multiInstance); default true in browsers */
  multiInstance?: boolean;
}

/**
 * The stored schema of a collection that indexes `editedAt`, with that field required: every local write stamps
 * it (below), and RxDB's Dexie storage indexes required fields only. The served schema keeps it optional, so a
 * document a server holds without one (written before, or by another client) still syncs: it is stored without
 * one, and outside that index, until this device edits it.
 */
export function withEditClockRequired<T>(schema: RxJsonSchema<T>): RxJsonSchema<T> {
  const indexed = (schema.indexes ?? []).some((index) => (Array.isArray(index) ? index : [index]).includes(EDITED_AT));
  if (!indexed || schema.required?.includes(EDITED_AT as never)) return schema;
  return { ...schema, required: [...(schema.required ?? []), EDITED_AT] } as RxJsonSchema<T>;
}

function defaultDevMode(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.NODE_ENV;
  if (env) return env === 'development' || env === 'test';
  return Boolean((import.meta as { env?: { DEV?: boolean } }).env?.DEV);
}

async function defaultStorage(): Promise<RxStorage<unknown, unknown>> {
  if (typeof indexedDB !== 'undefined') {
    const { getRxStorageDexie } = await import('rxdb/plugins/storage-dexie');
    return getRxStorageDexie() as RxStorage<unknown, unknown>;
  }
  // Node (tests, scripts, a client in a service): Syncline's memory storage, loaded only there so a browser's bundle
  // does not carry it; its writes cost the same however many documents it holds (memory-storage.ts)
  const { getMemoryStorage } = await import('./memory-storage');
  return getMemoryStorage() as RxStorage<unknown, unknown>;
}

/** A Dexie storage (yours or the default) reads far windows on the index; see dexie-windows.ts. */
async function withIndexedWindows(storage: RxStorage<unknown, unknown>): Promise<RxStorage<unknown, unknown>> {
  if (storage.name !== 'dexie') return storage;
  const { indexedWindows } = await import('./dexie-windows');
  return indexedWindows(storage);
}

let devModeLoaded: Promise<void> | undefined;

function loadDevMode(): Promise<void> {
  devModeLoaded ??= import('rxdb/plugins/dev-mode').then(({ RxDBDevModePlugin, disableWarnings }) => {
    disableWarnings();
    addRxPlugin(RxDBDevModePlugin);
  });
  return devModeLoaded;
}

/** Opens (or reopens) a local database ready for `startReplication`. */
export async function createSynclineDatabase<S extends SchemaMap>(
  options: CreateSynclineDatabaseOptions<S>,
): Promise<SynclineDatabase<S>> {
  const names = Object.keys(options.collections);
  const own = [conflictsCollectionName, syncStateCollectionName, SETTLEMENTS_COLLECTION];
  for (const reserved of own) {
    if (names.includes(reserved)) throw new Error(`"${reserved}" is Syncline's own collection: rename yours.`);
  }
  for (const name of names) {
    const problem = syncOptionsProblem(options.collections[name] as object);
    if (problem) throw new Error(`The "${name}" schema: ${problem} Nothing was opened.`);
  }
  const references = syncReferencesProblem(options.collections as Record<string, object>, { someCollections: true });
  if (references) throw new Error(`${references} Nothing was opened.`);
  if (names.length + own.length > 13) {
    throw new Error(
      `RxDB opens at most 13 collections; ${names.length} of yours plus Syncline's ${own.length} is too many.`,
    );
  }
  // Syncline's own local collections carry schema versions (see syncStateMigrations, conflictMigrations), and so may
  // the app's (options.migrationStrategies): stored records move up.
  addRxPlugin(RxDBMigrationSchemaPlugin);
  // device-local records of the database itself (an import's progress): never replicated, and no collection of the 13
  addRxPlugin(RxDBLocalDocumentsPlugin);
  const devMode = options.devMode ?? defaultDevMode();
  // the push reads local changes off their index, however many share one write time (see changes-by-index.ts)
  let storage = changesByIndex(await withIndexedWindows(options.storage ?? (await defaultStorage())));
  if (devMode) {
    await loadDevMode();
    const { wrappedValidateAjvStorage } = await import('rxdb/plugins/validate-ajv');
    storage = wrappedValidateAjvStorage({ storage }) as RxStorage<unknown, unknown>;
  }
  const database = (await createRxDatabase({
    name: options.name,
    storage,
    multiInstance: options.multiInstance ?? typeof window !== 'undefined',
    closeDuplicates: true,
    localDocuments: true,
  })) as unknown as SynclineDatabase<S>;

  const creators: Record<string, RxCollectionCreator> = {
    [conflictsCollectionName]: { schema: conflictSchema, migrationStrategies: conflictMigrations },
    [syncStateCollectionName]: { schema: syncStateSchema, migrationStrategies: syncStateMigrations },
    // synced, but no person's change: not tracked as pending (see startReplication)
    [SETTLEMENTS_COLLECTION]: {
      schema: settlementSchema as unknown as RxJsonSchema<SettlementRecord>,
      conflictHandler: createConflictHandler(() => database as AnyRxDatabase, SETTLEMENTS_COLLECTION, undefined),
    },
  };
  for (const name of names) {
    creators[name] = {
      schema: withEditClockRequired(
        storedSchema(withoutSynclineKeys(options.collections[name] as RxJsonSchema<unknown>)),
      ),
      migrationStrategies: options.migrationStrategies?.[name],
      conflictHandler: createConflictHandler(() => database as AnyRxDatabase, name, options.mergeRules?.[name]),
    };
  }
  await database.addCollections(creators);

  /** each collection's local check, loading: the database is ready once they have (or could not) */
  const checksLoaded: Promise<void>[] = [];
  const documentChecks: Record<string, LoadDocumentCheck> = {};
  for (const name of names) {
    const collection = database.collections[name] as RxCollection;
    if (EDITED_AT in (collection.schema.jsonSchema.properties as object)) {
      // the `latest` rule compares this clock: every local edit stamps it
      collection.preInsert((data: Record<string, unknown>) => {
        data[EDITED_AT] = Date.now();
      }, false);
      collection.preSave((data: Record<string, unknown>) => {
        data[EDITED_AT] = Date.now();
      }, false);
    }
    const check = documentCheckLoader(name, withoutSynclineKeys(options.collections[name] as RxJsonSchema<unknown>));
    documentChecks[name] = check;
    checksLoaded.push(guardLocalWrites(collection, name, check));
  }

  const tracker = new SyncTracker(database as AnyRxDatabase, names);
  await Promise.all([tracker.load(), ...checksLoaded]);
  tracker.start();
  const fieldTitles = Object.fromEntries(
    names.map((name) => [name, fieldTitlesOf(options.collections[name] as RxJsonSchema<unknown>)]),
  );
  const device = await database.storageToken;
  const permissions = Object.fromEntries(
    names.map((name) => [name, permissionsOf(options.collections[name] as object)]),
  );
  const priorities = Object.fromEntries(
    names.map((name) => [name, syncPriorityOf(options.collections[name] as object)]),
  );
  registerInternals(database, {
    syncedCollections: names,
    tracker,
    fieldTitles,
    permissions,
    priorities,
    references: Object.fromEntries(
      names.map((name) => [name, syncOptionsOf(options.collections[name] as object)?.references ?? {}]),
    ),
    scopes: Object.fromEntries(names.map((name) => [name, syncScopeOf(options.collections[name] as object)])),
    device,
    documentChecks,
  });
  database.onClose.push(() => tracker.stop());
  return database;
}
