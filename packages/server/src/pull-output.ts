// A pull answers up to a thousand documents, and graphql-js completes them value by value through every field's
// default resolver (tens of microseconds per order: most of a pull's cost on the server). This plugin shapes the
// pulled documents for the query's selection in one pass over a plan made once per selection, and runs the query
// on a twin of the schema in which the pulled document type is an opaque scalar, so graphql-js hands the shaped
// documents on as they are. The served schema stays exactly RxDB's.
//
// Only answers graphql-js would give as they are take this path, with the same JSON: the selection's keys in its
// order, null for an absent optional field. A selection other than plain fields (aliases allowed; no fragments,
// directives or __typename) runs on the real schema. A document holding any other value (one graphql-js would
// convert, or refuse with an error) makes the query run again on the real schema, for graphql-js's own answer.
import { getOperationAST, Kind, type SelectionSetNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  builtInScalars,
  createTwinSchema,
  FAILED,
  type GraphQLTypeLike,
  isPlainObject,
  mapOrFail,
  type ResolverMap,
  typeTag,
} from './fast-path.js';

/** One value shaped for its selection, or FAILED when graphql-js must answer. */
type Shape = (value: unknown) => unknown;

// An absent or null value answers null in a nullable place.
const nullable = (inner: Shape | null): Shape | null =>
  inner && ((value) => (value === null || value === undefined ? null : inner(value)));

/** The shaping of a value of `type` for `selectionSet`, or null when graphql-js must answer any such selection. */
function shapeFor(type: GraphQLTypeLike, selectionSet: SelectionSetNode | undefined): Shape | null {
  const kind = typeTag(type);
  if (kind === 'GraphQLNonNull') {
    const inner = type.ofType ? shapeFor(type.ofType, selectionSet) : null;
    return inner && ((value) => (value === null || value === undefined ? FAILED : inner(value)));
  }
  if (kind === 'GraphQLList') {
    const item = type.ofType ? shapeFor(type.ofType, selectionSet) : null;
    // graphql-js also takes other iterables; they are left to it.
    return nullable(item && ((value) => (Array.isArray(value) ? mapOrFail(value, item) : FAILED)));
  }
  if (kind === 'GraphQLScalarType') {
    // A built-in scalar answers these values as they are (serialize would convert any other, or refuse it).
    const answers = type.name ? builtInScalars[type.name] : undefined;
    return answers && !selectionSet ? nullable((value) => (answers(value) ? value : FAILED)) : null;
  }
  if (kind === 'GraphQLObjectType' && selectionSet && type.getFields) {
    return nullable(shapeObject(type.getFields(), selectionSet));
  }
  return null;
}

function shapeObject(
  fields: ReturnType<NonNullable<GraphQLTypeLike['getFields']>>,
  selectionSet: SelectionSetNode,
): Shape | null {
  const plan: { key: string; name: string; shape: Shape }[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return null;
    const name = selection.name.value;
    const key = selection.alias?.value ?? name;
    const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
    // `__typename` and other `__` names, and a key selected twice (graphql-js merges those), are left to graphql-js.
    if (!field || key.startsWith('__') || plan.some((entry) => entry.key === key)) return null;
    const shape = shapeFor(field.type, selection.selectionSet);
    if (!shape) return null;
    plan.push({ key, name, shape });
  }
  return (value) => {
    // graphql-js's default resolver reads `value[name]` (and calls a function there): plain data only, here.
    if (!isPlainObject(value)) return FAILED;
    const out: Record<string, unknown> = {};
    for (const { key, name, shape } of plan) {
      const shaped = shape(value[name]);
      if (shaped === FAILED) return FAILED;
      out[key] = shaped;
    }
    return out;
  };
}

/** Thrown inside the twin when a pulled document needs graphql-js: the query runs again on the real schema. */
const LEFT_TO_GRAPHQL = Symbol('left to graphql-js');

function leftToGraphQL(result: unknown): boolean {
  const errors = (result as { errors?: readonly { originalError?: unknown }[] } | null)?.errors;
  return Boolean(errors?.some((error) => (error.originalError as Record<symbol, unknown>)?.[LEFT_TO_GRAPHQL]));
}

export interface PullOutputOptions {
  /** Finds a type of the served schema by name. */
  getType(name: string): unknown;
  /** The SDL the served schema was made from, and its resolvers, to make the twin. */
  typeDefs: string;
  resolvers: ResolverMap;
  /** Each collection's pull query field (`pull<Name>`) and the type it answers (`<Name>PullBulk`). */
  pulls: readonly { field: string; bulkType: string }[];
}

export function pullOutputPlugin({ getType, typeDefs, resolvers, pulls }: PullOutputOptions): Plugin {
  const bulks = new Map<string, { bulkType: string; documents: GraphQLTypeLike }>();
  const documentTypes: string[] = [];
  for (const { field, bulkType } of pulls) {
    const documents = (getType(bulkType) as GraphQLTypeLike | undefined)?.getFields?.().documents?.type;
    if (!documents) throw new Error(`The schema has no ${bulkType}.documents.`);
    let named = documents;
    while (named.ofType) named = named.ofType;
    if (!named.name) throw new Error(`${bulkType}.documents has no named type.`);
    bulks.set(field, { bulkType, documents });
    documentTypes.push(named.name);
  }
  /** The shaping of each `documents` selection met, by its AST node (Yoga reuses parsed documents). */
  const shapes = new WeakMap<SelectionSetNode, Shape | null>();
  const shapeOf = (selectionSet: SelectionSetNode, documents: GraphQLTypeLike) => {
    if (!shapes.has(selectionSet)) shapes.set(selectionSet, shapeFor(documents, selectionSet));
    return shapes.get(selectionSet) ?? null;
  };

  const twinResolvers: ResolverMap = Object.fromEntries(
    [...bulks.values()].map(({ bulkType }) => [
      bulkType,
      {
        documents: (source: { documents?: unknown }, _args: unknown, context: LogContext, info: FieldInfo) => {
          const selectionSet = info.fieldNodes.length === 1 ? info.fieldNodes[0]?.selectionSet : undefined;
          const shape = selectionSet ? shapes.get(selectionSet) : undefined;
          const shaped = shape ? shape(source.documents) : FAILED;
          if (shaped === FAILED) {
            // Stored data that is not of its GraphQL type (written by hand, or before a schema change): worth a look.
            context.log?.warn({ type: bulkType }, 'a pulled document is not of its GraphQL type: graphql-js answers');
            throw Object.assign(new Error('Left to graphql-js.'), { [LEFT_TO_GRAPHQL]: true });
          }
          return shaped;
        },
      },
    ]),
  );
  const identity = (value: unknown) => value;
  const twin = createTwinSchema(
    typeDefs,
    [resolvers, twinResolvers],
    Object.fromEntries(documentTypes.map((name) => [name, { serialize: identity }])),
  );

  /** Whether every root field is a pull whose `documents` selections all have a shaping. */
  function shapeable(selectionSet: SelectionSetNode): boolean {
    return selectionSet.selections.every((root) => {
      if (root.kind !== Kind.FIELD || root.directives?.length) return false;
      const bulk = bulks.get(root.name.value);
      if (!bulk || !root.selectionSet) return false;
      return root.selectionSet.selections.every(
        (selection) =>
          selection.kind === Kind.FIELD &&
          !selection.directives?.length &&
          (selection.name.value !== 'documents' ||
            (selection.selectionSet !== undefined && shapeOf(selection.selectionSet, bulk.documents) !== null)),
      );
    });
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'query' || !shapeable(operation.selectionSet)) return;
      setExecuteFn(async (execution) => {
        const result = await executeFn({ ...execution, schema: twin });
        return leftToGraphQL(result) ? executeFn(execution) : result;
      });
    },
  };
}

/** The part of the server's context used here (SyncContext). */
interface LogContext {
  readonly log?: { warn(details: object, message: string): void };
}

/** The part of GraphQLResolveInfo read here. */
interface FieldInfo {
  readonly fieldNodes: readonly { readonly selectionSet?: SelectionSetNode }[];
}
