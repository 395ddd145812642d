// The collections a server replicates: checks each RxDB schema once at start-up and derives the replication
// settings (the contract's checkpoint, deleted and header fields) that both the GraphQL schema and
// `GET /sync/schemas` are built from.

import {
  type CollectionFiles,
  type CollectionPermissions,
  type CollectionSyncOptions,
  checkpointFields,
  DELETED,
  filesOf,
  filesProblem,
  HEADER_FIELDS,
  PERMISSIONS_KEY,
  permissionsOf,
  type Roles,
  SETTLEMENTS_COLLECTION,
  settlementSchema,
  syncOptionsOf,
  syncOptionsProblem,
  syncReferencesProblem,
  UPDATED_AT,
  withoutSynclineKeys,
} from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import type { GraphQLSchemaFromRxSchemaInputSingleCollection } from 'rxdb/plugins/replication-graphql';

export { DELETED, UPDATED_AT } from '@syncline/protocol';

// biome-ignore lint/suspicious/noExplicitAny: an RxDB schema of any document type is accepted here.
export type CollectionSchemas = Record<string, RxJsonSchema<any>>;

/** What the server knows about one collection, derived once. */
export interface SyncCollection {
  readonly name: string;
  readonly primaryKey: string;
  // biome-ignore lint/suspicious/noExplicitAny: see CollectionSchemas.
  readonly schema: RxJsonSchema<any>;
  /** Who may read, create, update and delete, and see or change each field; absent: every role everything */
  readonly permissions: CollectionPermissions | undefined;
  /** How clients sync it (its priority class), published with the schema; absent: the default */
  readonly sync: CollectionSyncOptions | undefined;
  /** The files its documents carry (types, size limit), published with the schema; absent: none */
  readonly files: CollectionFiles | undefined;
  /** Exactly the input RxDB's `graphQLSchemaFromRxSchema` and query builders take for this collection. */
  readonly replication: GraphQLSchemaFromRxSchemaInputSingleCollection;
}

// GraphQL type names are built from the collection name (`pull${Name}`, `${Name}InputPushRow`...),
// so it must be a GraphQL name as well as an RxDB collection name.
const COLLECTION_NAME = /^[a-z][a-zA-Z0-9_]*$/;

export class CollectionConfigError extends Error {
  override name = 'CollectionConfigError';
}

/** Reads the primary key of an RxDB schema, whether plain (`'id'`) or composite (`{ key: 'id', ... }`). */
// biome-ignore lint/suspicious/noExplicitAny: see CollectionSchemas.
export function primaryKeyOf(schema: RxJsonSchema<any>): string {
  const key = schema.primaryKey as unknown;
  if (typeof key === 'string') return key;
  if (key && typeof key === 'object' && typeof (key as { key?: unknown }).key === 'string') {
    return (key as { key: string }).key;
  }
  throw new CollectionConfigError('the schema has no primaryKey');
}

/**
 * The app's collections, checked, followed by Syncline's own synced one (the fields merge rules settled, shared
 * between a tenant's devices), which an app's collection cannot be named like.
 */
export function defineCollections(schemas: CollectionSchemas): SyncCollection[] {
  const entries = Object.entries(schemas);
  if (entries.length === 0) throw new CollectionConfigError('No collections given: pass at least one RxDB schema.');
  if (SETTLEMENTS_COLLECTION in schemas) {
    throw new CollectionConfigError(
      `Collection "${SETTLEMENTS_COLLECTION}": the name is Syncline's own synced collection; rename yours.`,
    );
  }
  entries.push([SETTLEMENTS_COLLECTION, settlementSchema as CollectionSchemas[string]]);
  const defined = entries.map(([name, schema]) => {
    const where = `Collection "${name}"`;
    if (!COLLECTION_NAME.test(name)) {
      throw new CollectionConfigError(
        `${where}: the name must start with a lower-case letter and hold only letters, digits and "_" ` +
          '(it becomes part of GraphQL type names).',
      );
    }
    if (!schema || typeof schema !== 'object' || schema.type !== 'object' || typeof schema.properties !== 'object') {
      throw new CollectionConfigError(`${where}: expected an RxDB JSON schema with type "object" and properties.`);
    }
    let primaryKey: string;
    try {
      primaryKey = primaryKeyOf(schema);
    } catch (error) {
      throw new CollectionConfigError(`${where}: ${(error as Error).message}.`);
    }
    const properties = schema.properties as Record<string, { type?: unknown }>;
    if (properties[primaryKey]?.type !== 'string') {
      throw new CollectionConfigError(`${where}: the primary key "${primaryKey}" must be a string property.`);
    }
    const updatedAtType = properties[UPDATED_AT]?.type;
    if (updatedAtType !== 'number' && updatedAtType !== 'integer') {
      throw new CollectionConfigError(
        `${where}: needs a number property "${UPDATED_AT}"; the server assigns it on every write and uses it as the checkpoint.`,
      );
    }
    const permissions = checkedPermissions(where, schema, primaryKey);
    const syncProblem = syncOptionsProblem(schema);
    if (syncProblem) throw new CollectionConfigError(`${where}: ${syncProblem}`);
    const filesProblemText = filesProblem(schema);
    if (filesProblemText) throw new CollectionConfigError(`${where}: ${filesProblemText}`);
    // the RxDB schema as a storage or a stock client takes it (RxDB's ajv refuses an unknown top-level key)
    const rxSchema = withoutSynclineKeys(schema);
    return {
      name,
      primaryKey,
      schema: rxSchema,
      permissions,
      sync: syncOptionsOf(schema),
      files: filesOf(schema),
      replication: {
        schema: rxSchema,
        checkpointFields: [...checkpointFields(primaryKey)],
        deletedField: DELETED,
        headerFields: [...HEADER_FIELDS],
      },
    };
  });
  // a server may serve some of an app's collections (its own schema file): a parent it does not serve is not ordered
  const references = syncReferencesProblem(schemas, { someCollections: true });
  if (references) throw new CollectionConfigError(references);
  return defined;
}

const ACTIONS = ['read', 'create', 'update', 'delete'] as const;

function checkedRoles(where: string, value: unknown): Roles | undefined {
  if (value === undefined || value === '*') return value;
  if (Array.isArray(value) && value.every((role) => typeof role === 'string' && role !== '')) return value;
  throw new CollectionConfigError(`${where} must be "*" or a list of role names; it is ${JSON.stringify(value)}.`);
}

/** The schema's `permissions`, checked: known actions, role lists, and fields the schema has. */
// biome-ignore lint/suspicious/noExplicitAny: see CollectionSchemas.
function checkedPermissions(where: string, schema: RxJsonSchema<any>, primaryKey: string) {
  const permissions = permissionsOf(schema) as Record<string, unknown> | undefined;
  if (permissions === undefined) return undefined;
  const at = `${where}: "${PERMISSIONS_KEY}"`;
  if (!permissions || typeof permissions !== 'object' || Array.isArray(permissions)) {
    throw new CollectionConfigError(`${at} must be an object (read, create, update, delete, fields, owner).`);
  }
  for (const key of Object.keys(permissions)) {
    if (key !== 'fields' && key !== 'owner' && !(ACTIONS as readonly string[]).includes(key)) {
      throw new CollectionConfigError(`${at} has "${key}"; it takes read, create, update, delete, fields and owner.`);
    }
  }
  const owner = permissions.owner;
  if (owner !== undefined) {
    const type = (schema.properties as Record<string, { type?: unknown }>)[owner as string]?.type;
    if (typeof owner !== 'string' || type !== 'string' || !(schema.required ?? []).includes(owner)) {
      throw new CollectionConfigError(
        `${at}.owner must name a required string property holding each document's owner; it is ${JSON.stringify(owner)}.`,
      );
    }
  }
  for (const action of ACTIONS) checkedRoles(`${at}.${action}`, permissions[action]);
  const fields = (permissions.fields ?? {}) as Record<string, Record<string, unknown>>;
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  for (const [field, rules] of Object.entries(fields)) {
    const fieldAt = `${at}.fields.${field}`;
    if (!Object.hasOwn(schema.properties, field)) {
      throw new CollectionConfigError(`${fieldAt}: the schema has no top-level property "${field}".`);
    }
    if (field === primaryKey || field === UPDATED_AT || field === DELETED) {
      throw new CollectionConfigError(`${fieldAt}: "${field}" belongs to every document; it cannot be limited.`);
    }
    for (const key of Object.keys(rules ?? {})) {
      if (key !== 'read' && key !== 'write') {
        throw new CollectionConfigError(`${fieldAt} has "${key}"; a field takes read and write.`);
      }
    }
    const read = checkedRoles(`${fieldAt}.read`, rules?.read);
    checkedRoles(`${fieldAt}.write`, rules?.write);
    if (read !== undefined && read !== '*' && required.has(field)) {
      throw new CollectionConfigError(
        `${fieldAt}: some roles cannot see "${field}", so their documents come without it; remove it from "required".`,
      );
    }
  }
  return permissions as CollectionPermissions;
}
