// A page that uses @syncline/data the way an app does (default storage: Dexie on IndexedDB, the browser's own
// fetch and WebSocket), driven from the Node test through `window.syncline`. It runs as one of a few apps: the
// control center's collections, or the test's own tasks before (v0) and after (v1) an update of the app.
import { controlCenterMergeRules, controlCenterMigrations, controlCenterSchemas } from '@syncline/domain';
import {
  type CreateSynclineDatabaseOptions,
  createSynclineDatabase,
  type SchemaMap,
  type SynclineDatabase,
  type SynclineReplication,
  type SyncStatus,
  startReplication,
  syncStateCollectionName,
} from '../../src/index';
import { synclineInternals } from '../../src/internals';
import { syncStateId } from '../../src/sync-state';
import { taskMigrationsV1, taskSchema, taskSchemaV1 } from '../task-schemas';

type App = Omit<CreateSynclineDatabaseOptions<SchemaMap>, 'name'>;

const apps = {
  'control-center': {
    collections: controlCenterSchemas,
    mergeRules: controlCenterMergeRules,
    migrationStrategies: controlCenterMigrations,
  },
  'tasks-v0': { collections: { tasks: taskSchema } },
  'tasks-v1': { collections: { tasks: taskSchemaV1 }, migrationStrategies: { tasks: taskMigrationsV1 } },
} satisfies Record<string, App>;

export type PageApp = keyof typeof apps;

export interface OpenOptions {
  /** the IndexedDB database; default `browser-client` */
  name?: string;
  /** default `control-center` */
  app?: PageApp;
}

let database: SynclineDatabase | undefined;
let replication: SynclineReplication | undefined;

function openedDatabase() {
  if (!database) throw new Error('call syncline.open() first');
  return database;
}

function openedReplication() {
  if (!replication) throw new Error('call syncline.replicate() first');
  return replication;
}

function collection(name: string) {
  const found = openedDatabase().collections[name];
  if (!found) throw new Error(`this app has no collection "${name}"`);
  return found;
}

const api = {
  /** Opens the app's database (a database of an older version moves up here); returns the storage's name. */
  async open({ name = 'browser-client', app = 'control-center' }: OpenOptions = {}) {
    database = await createSynclineDatabase({ name, ...(apps[app] as App) });
    return database.storage.name;
  },
  /** Starts syncing the opened database with the server at `url`. */
  replicate(url: string, token: string) {
    replication = startReplication({ database: openedDatabase(), url, token, backoff: { initialMs: 50, maxMs: 400 } });
  },
  status(): SyncStatus {
    return openedReplication().store.getState();
  },
  /** Resolves once every pending write is pushed and everything new is pulled. */
  inSync() {
    return openedReplication().awaitInSync();
  },
  async insert(collectionName: string, document: object) {
    await collection(collectionName).insert(document);
  },
  async patch(collectionName: string, id: string, fields: object) {
    const found = await collection(collectionName).findOne(id).exec();
    if (!found) throw new Error(`no ${collectionName} "${id}" on this device`);
    await found.patch(fields);
  },
  /** One document as the device holds it; `null` when it has none. */
  async find(collectionName: string, id: string): Promise<Record<string, unknown> | null> {
    return (await collection(collectionName).findOne(id).exec())?.toJSON() ?? null;
  },
  /**
   * What a screen shows (useDocSyncState, conflicts aside): `pending` or `failed` while the device keeps a record of
   * an unacknowledged write, `pending` while this tab holds one whose record is on its way, else `synced`.
   */
  async syncState(collectionName: string, id: string) {
    const record = await collection(syncStateCollectionName).findOne(syncStateId(collectionName, id)).exec();
    if (record) return record.state as 'pending' | 'failed';
    return synclineInternals(openedDatabase()).tracker.holds(collectionName, id) ? 'pending' : 'synced';
  },
  /** whether this tab is the one replicating */
  leading() {
    return openedDatabase().isLeader();
  },
  /** Looks a document up on the server and keeps it on the device, as a page showing it does, until `letGo`. */
  async keepFromServer(collectionName: string, id: string) {
    const found = await openedReplication().lookup(collectionName, { ids: [id] });
    if (found.status !== 'ok') throw new Error(found.message);
    kept.set(`${collectionName}/${id}`, await openedReplication().keep(collectionName, [id], found.documents));
  },
  letGo(collectionName: string, id: string) {
    kept.get(`${collectionName}/${id}`)?.();
    kept.delete(`${collectionName}/${id}`);
  },
  /** Lets go now of what time or the server took out of the sync scopes; how many documents left. */
  sweepScopes() {
    return openedReplication().sweepScopes();
  },
};

/** what keepFromServer keeps, with the letting go */
const kept = new Map<string, () => void>();

declare global {
  interface Window {
    syncline: typeof api;
  }
}

window.syncline = api;
