// How a collection syncs, declared beside its schema (a `sync` key at the schema's top level, as `permissions`
// is): its priority class. After a device connects or comes back, the classes sync in order: everything of class
// 0 (operators' commands, alarms) is pushed and pulled before class 1 starts, and so on, so critical data is in
// place before bulk history. The server publishes the options with the schemas, so a stock client can follow them.
import { FILES_KEY } from './attachments.js';
import { PERMISSIONS_KEY } from './permissions.js';
import { type SyncScope, syncScopeProblem } from './sync-scope.js';

/** 0 syncs first, 3 last. */
export type SyncPriority = 0 | 1 | 2 | 3;

export const SYNC_PRIORITIES: readonly SyncPriority[] = [0, 1, 2, 3];

export interface CollectionSyncOptions {
  /** the class it syncs in after a (re)connection; default 2 (see DEFAULT_SYNC_PRIORITY) */
  priority?: SyncPriority;
  /**
   * top-level field -> the collection whose document it names (an order's `customerId` -> `customers`): a document
   * new on a device is pushed before the documents that point to it. The parent syncs in the same class or earlier.
   */
  references?: Record<string, string>;
  /** what a device keeps of the collection (see sync-scope.ts); absent: every document */
  scope?: SyncScope;
}

/** The key of a collection's schema that holds its sync options. */
export const SYNC_KEY = 'sync';

/** A collection that declares no priority: after the critical classes, before history. */
export const DEFAULT_SYNC_PRIORITY: SyncPriority = 2;

/** A collection schema's sync options, if it declares any. */
export function syncOptionsOf(schema: object): CollectionSyncOptions | undefined {
  return (schema as { [SYNC_KEY]?: CollectionSyncOptions })[SYNC_KEY];
}

/** What a device keeps of a collection, if it keeps less than every document. */
export function syncScopeOf(schema: object): SyncScope | undefined {
  return syncOptionsOf(schema)?.scope;
}

/** The class a collection syncs in. */
export function syncPriorityOf(schema: object): SyncPriority {
  return syncOptionsOf(schema)?.priority ?? DEFAULT_SYNC_PRIORITY;
}

/** What is wrong with a schema's sync options, in words; undefined when they are fine or absent. */
export function syncOptionsProblem(schema: object): string | undefined {
  const options = syncOptionsOf(schema) as unknown;
  if (options === undefined) return undefined;
  if (!options || typeof options !== 'object' || Array.isArray(options)) {
    return `"${SYNC_KEY}" must be an object such as { "priority": 1 }; it is ${JSON.stringify(options)}.`;
  }
  for (const [key, value] of Object.entries(options)) {
    if (key === 'priority') {
      if (!(SYNC_PRIORITIES as readonly unknown[]).includes(value)) {
        return `"${SYNC_KEY}.priority" must be 0, 1, 2 or 3 (0 syncs first); it is ${JSON.stringify(value)}.`;
      }
    } else if (key === 'references') {
      const named = value && typeof value === 'object' && !Array.isArray(value) ? Object.values(value) : [null];
      if (!named.every((collection) => typeof collection === 'string' && collection !== '')) {
        return `"${SYNC_KEY}.references" must map fields to collection names, such as { "customerId": "customers" }; it is ${JSON.stringify(value)}.`;
      }
    } else if (key === 'scope') {
      const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
      const problem = syncScopeProblem(value, properties);
      if (problem) return problem;
    } else return `"${SYNC_KEY}" has "${key}"; it takes priority, references and scope.`;
  }
  return undefined;
}

/**
 * What is wrong with the references of a set of collections (collection name -> schema), in words: a field the
 * schema lacks, a collection that is not there, a parent that syncs in a later class than its children.
 */
export function syncReferencesProblem(
  schemas: Readonly<Record<string, object>>,
  /** a device may open some of the collections only: a parent it has not opened is then not ordered */
  { someCollections = false }: { someCollections?: boolean } = {},
): string | undefined {
  for (const [name, schema] of Object.entries(schemas)) {
    const properties = (schema as { properties?: Record<string, unknown> }).properties ?? {};
    for (const [field, parent] of Object.entries(syncOptionsOf(schema)?.references ?? {})) {
      const where = `The "${name}" schema's "${SYNC_KEY}.references"`;
      if (!(field in properties)) return `${where} names "${field}", which is not one of its fields.`;
      const parentSchema = schemas[parent];
      if (!parentSchema) {
        if (someCollections) continue;
        return `${where} points "${field}" to "${parent}", which is not a collection here.`;
      }
      if (syncPriorityOf(parentSchema) > syncPriorityOf(schema)) {
        return `${where} points "${field}" to "${parent}", which syncs in a later class (${syncPriorityOf(parentSchema)}) than "${name}" (${syncPriorityOf(schema)}): a parent syncs in the same class or earlier.`;
      }
    }
  }
  return undefined;
}

/** The schema without Syncline's own keys (permissions, sync options, file rules): what a storage (RxDB) keeps. */
export function withoutSynclineKeys<T extends object>(schema: T): T {
  const {
    [PERMISSIONS_KEY]: _permissions,
    [SYNC_KEY]: _sync,
    [FILES_KEY]: _files,
    ...rest
  } = schema as T & { [PERMISSIONS_KEY]?: unknown; [SYNC_KEY]?: unknown; [FILES_KEY]?: unknown };
  return rest as T;
}
