// The one registry of what Syncline keeps about each database it opened (its synced collections and its sync
// tracker). Nothing here imports the modules that register, so every module may read it.
import type { CollectionPermissions, SyncPriority, SyncScope } from '@syncline/protocol';
import type { LoadDocumentCheck } from './local-validation';
import type { SyncTracker } from './sync-state';

/** What Syncline keeps about a database it opened. */
export interface SynclineInternals {
  syncedCollections: string[];
  tracker: SyncTracker;
  /** collection name -> its fields' titles, from the schemas the app gave */
  fieldTitles: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** collection name -> who may do what (the schemas' `permissions`), for `useCan` */
  permissions: Readonly<Record<string, CollectionPermissions | undefined>>;
  /** collection name -> the class it syncs in after a (re)connection (the schemas' `sync.priority`) */
  priorities: Readonly<Record<string, SyncPriority>>;
  /** collection name -> its fields that name another collection's documents (the schemas' `sync.references`) */
  references: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** collection name -> what a device keeps of it (the schemas' `sync.scope`), when less than every document */
  scopes: Readonly<Record<string, SyncScope | undefined>>;
  /** this device's id (the stored database's token): where a settlement says which device merged */
  device: string;
  /** collection name -> its schema check as it loads (the one every local write passes), for the importer */
  documentChecks: Readonly<Record<string, LoadDocumentCheck>>;
}

const registry = new WeakMap<object, SynclineInternals>();

export function registerInternals(database: object, internals: SynclineInternals): void {
  registry.set(database, internals);
}

/** What Syncline keeps about `database`, or undefined while it is still being opened. */
export function findInternals(database: object): SynclineInternals | undefined {
  return registry.get(database);
}

export function synclineInternals(database: object): SynclineInternals {
  const found = registry.get(database);
  if (!found) throw new Error('This database was not opened with createSynclineDatabase(); open it there to sync it.');
  return found;
}
