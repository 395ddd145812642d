// The GraphQL operations of the replication contract, written from a collection's schema. RxDB 17.6's own
// query builders emit an invalid selection for array properties, so Syncline writes the selection sets itself.
import type { RxJsonSchema } from 'rxdb';

interface JsonSchemaNode {
  type?: string | readonly string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `{ a b { c } d }` for an object schema: scalars and arrays of scalars bare, objects (and arrays of them) nested. */
export function selectionSet(node: JsonSchemaNode): string {
  const fields = Object.entries(node.properties ?? {})
    .filter(([name]) => !name.startsWith('_'))
    .map(([name, child]) => {
      const target = child.type === 'array' ? child.items : child;
      return target?.type === 'object' && target.properties ? `${name} ${selectionSet(target)}` : name;
    });
  return `{ ${fields.join(' ')} }`;
}

export interface CollectionOperations {
  pull: string;
  push: string;
  stream: string;
  /** name of the push mutation's argument */
  pushVariable: string;
  /** top-level field names of the answers */
  pullField: string;
  pushField: string;
  streamField: string;
  checkpointFields: readonly string[];
}

/**
 * The pull query, push mutation and stream subscription for one collection, named as RxDB's
 * `graphQLSchemaFromRxSchema` names them (checkpoint `[primaryKey, 'updatedAt']`, header field `Authorization`).
 */
export function collectionOperations(collectionName: string, schema: RxJsonSchema<unknown>): CollectionOperations {
  const name = upperFirst(collectionName);
  const primary = typeof schema.primaryKey === 'string' ? schema.primaryKey : schema.primaryKey.key;
  const checkpointFields = [primary as string, 'updatedAt'];
  const documents = selectionSet(schema as JsonSchemaNode).replace(/ }$/, ' _deleted }');
  const bulk = `{ documents ${documents} checkpoint { ${checkpointFields.join(' ')} } }`;
  const pushVariable = `${collectionName}PushRow`;
  return {
    pull: `query Pull${name}($checkpoint: ${name}InputCheckpoint, $limit: Int!) { pull${name}(checkpoint: $checkpoint, limit: $limit) ${bulk} }`,
    push: `mutation Push${name}($${pushVariable}: [${name}InputPushRow!]) { push${name}(${pushVariable}: $${pushVariable}) ${documents} }`,
    stream: `subscription Stream${name}($headers: ${name}InputHeaders) { stream${name}(headers: $headers) ${bulk} }`,
    pushVariable,
    pullField: `pull${name}`,
    pushField: `push${name}`,
    streamField: `stream${name}`,
    checkpointFields,
  };
}

/** Keeps only the properties the schema declares (plus `_deleted`): what the server's input type accepts. */
export function toInputDocument(schema: RxJsonSchema<unknown>, doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties as object)) {
    if (key in doc && doc[key] !== undefined && !key.startsWith('_')) out[key] = doc[key];
  }
  out._deleted = Boolean(doc._deleted);
  return out;
}
