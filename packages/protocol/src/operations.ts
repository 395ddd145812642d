// The GraphQL operations of the replication contract, named as RxDB's `graphQLSchemaFromRxSchema` names them
// (checkpoint `[primaryKey, 'updatedAt']`, header field `Authorization`), with selection sets written from the
// collection's JSON schema. RxDB 17.6's own query builders emit an invalid selection for array properties, so
// Syncline writes the selection sets itself; the server's resolvers use the same names.
import { checkpointFields, DELETED } from './fields.js';

/** The part of a JSON schema the operations are written from. */
export interface JsonSchemaNode {
  type?: string | readonly string[];
  properties?: Record<string, JsonSchemaNode>;
  /** one schema for every item; a tuple form (an array of schemas) is read as untyped items */
  items?: JsonSchemaNode | readonly JsonSchemaNode[];
}

/** An RxDB collection schema as far as the contract reads it. */
export interface CollectionSchemaLike extends JsonSchemaNode {
  primaryKey: string | { key: string };
}

/** The GraphQL names of one collection's fields, types and arguments. */
export interface OperationNames {
  /** `pullOrders`, `pushOrders`, `streamOrders`: the top-level fields of the answers */
  pullField: string;
  pushField: string;
  streamField: string;
  /** `ordersPushRow`: the push mutation's argument */
  pushVariable: string;
  /** `OrdersPullBulk`: the type of a pull's and a stream event's answer */
  pullBulkType: string;
  /** `OrdersCheckpoint`: a checkpoint in an answer */
  checkpointType: string;
  /** `OrdersInputCheckpoint`, `OrdersInputPushRow`, `OrdersInputHeaders` */
  checkpointInputType: string;
  pushRowInputType: string;
  headersInputType: string;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function operationNames(collectionName: string): OperationNames {
  const name = upperFirst(collectionName);
  return {
    pullField: `pull${name}`,
    pushField: `push${name}`,
    streamField: `stream${name}`,
    pushVariable: `${collectionName}PushRow`,
    pullBulkType: `${name}PullBulk`,
    checkpointType: `${name}Checkpoint`,
    checkpointInputType: `${name}InputCheckpoint`,
    pushRowInputType: `${name}InputPushRow`,
    headersInputType: `${name}InputHeaders`,
  };
}

export function primaryKeyOf(schema: CollectionSchemaLike): string {
  return typeof schema.primaryKey === 'string' ? schema.primaryKey : schema.primaryKey.key;
}

function itemSchema(node: JsonSchemaNode): JsonSchemaNode | undefined {
  const items = node.items as JsonSchemaNode | readonly JsonSchemaNode[] | undefined;
  return Array.isArray(items) ? undefined : (items as JsonSchemaNode | undefined);
}

/** `{ a b { c } d }` for an object schema: scalars and arrays of scalars bare, objects (and arrays of them) nested. */
export function selectionSet(node: JsonSchemaNode): string {
  const fields = Object.entries(node.properties ?? {})
    .filter(([name]) => !name.startsWith('_'))
    .map(([name, child]) => {
      const target = child.type === 'array' ? itemSchema(child) : child;
      return target?.type === 'object' && target.properties ? `${name} ${selectionSet(target)}` : name;
    });
  return `{ ${fields.join(' ')} }`;
}

/** The selection of a document in every answer: its schema's fields plus `_deleted`. */
export function documentSelection(schema: JsonSchemaNode): string {
  return selectionSet(schema).replace(/ }$/, ` ${DELETED} }`);
}

export interface CollectionOperations extends OperationNames {
  pull: string;
  /**
   * the pull, also asking how many documents come after the page (`remaining`) and the server's clock before it
   * (`serverTime`, which dates a pass of pulls from nothing): not a stock client's query
   */
  pullCounting: string;
  push: string;
  stream: string;
  checkpointFields: readonly string[];
}

/** The pull query, push mutation and stream subscription for one collection. */
export function collectionOperations(collectionName: string, schema: CollectionSchemaLike): CollectionOperations {
  const names = operationNames(collectionName);
  const checkpoint = checkpointFields(primaryKeyOf(schema));
  const documents = documentSelection(schema);
  const checkpointSelection = `{ ${checkpoint.join(' ')} }`;
  const bulk = `{ documents ${documents} checkpoint ${checkpointSelection} }`;
  // a stream event also says which commit it follows, so a client can tell when it missed one
  const event = `{ documents ${documents} checkpoint ${checkpointSelection} previousCheckpoint ${checkpointSelection} }`;
  const name = upperFirst(collectionName);
  const { pushVariable } = names;
  return {
    ...names,
    pull: `query Pull${name}($checkpoint: ${names.checkpointInputType}, $limit: Int!) { ${names.pullField}(checkpoint: $checkpoint, limit: $limit) ${bulk} }`,
    // the first pull of a session also asks how many documents come after its page (an initial sync's total), and
    // the server's clock, which the later pages of a pass from nothing carry (`x-syncline-fresh`)
    pullCounting: `query Pull${name}Counting($checkpoint: ${names.checkpointInputType}, $limit: Int!) { ${names.pullField}(checkpoint: $checkpoint, limit: $limit) { documents ${documents} checkpoint ${checkpointSelection} remaining serverTime } }`,
    push: `mutation Push${name}($${pushVariable}: [${names.pushRowInputType}!]) { ${names.pushField}(${pushVariable}: $${pushVariable}) ${documents} }`,
    stream: `subscription Stream${name}($headers: ${names.headersInputType}) { ${names.streamField}(headers: $headers) ${event} }`,
    checkpointFields: checkpoint,
  };
}

/** Keeps only the properties the schema declares (plus `_deleted`): what the server's input type accepts. */
export function toInputDocument(schema: JsonSchemaNode, doc: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.properties ?? {})) {
    if (key in doc && doc[key] !== undefined && !key.startsWith('_')) out[key] = doc[key];
  }
  out[DELETED] = Boolean(doc[DELETED]);
  return out;
}
