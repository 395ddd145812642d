// A pull answers up to a thousand documents, and graphql-js completes them value by value through every field's
// default resolver (tens of microseconds per order: most of a pull's cost on the server). This plugin shapes the
// pulled documents for the query's selection in one pass over a plan made once per selection, and runs the query
// on a twin of the schema in which the pulled document type is an opaque scalar, so graphql-js hands the shaped
// documents on as they are. The served schema stays exactly RxDB's.
//
// A stream event goes the same way, and is shaped once for all its subscribers: a hundred connected devices
// selecting the same fields (every stock client sends the same query, which Yoga parses once) share one shaping of
// the event's documents instead of graphql-js completing them a hundred times.
//
// Only answers graphql-js would give as they are take this path, with the same JSON: the selection's keys in its
// order, null for an absent optional field. A selection other than plain fields (aliases allowed; no fragments,
// directives or __typename) runs on the real schema. A document holding any other value (one graphql-js would
// convert, or refuse with an error) makes the query run again on the real schema, for graphql-js's own answer.
// Yoga's own executor, not graphql-js's `execute`: the schema was made with the graphql build Yoga loaded, which
// may not be the build this module would import (graphql ships CommonJS and ESM)
import { execute } from '@graphql-tools/executor';
import { type ExecutionResult, getOperationAST, Kind, type SelectionSetNode } from 'graphql';
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

/**
 * Thrown inside the twin when a document needs graphql-js: a query runs again on the real schema, and so does the
 * stream event it carries (`event`, for a subscription).
 */
const LEFT_TO_GRAPHQL = Symbol('left to graphql-js');

/** Whether graphql-js must answer; for a stream event, the event to run again on the real schema. */
function leftToGraphQL(result: unknown): { event?: unknown } | null {
  const errors = (result as { errors?: readonly { originalError?: unknown }[] } | null)?.errors;
  const left = errors
    ?.map((error) => error.originalError as Record<symbol, unknown> | undefined)
    .find((original) => original?.[LEFT_TO_GRAPHQL]);
  return left ? { event: left[LEFT_TO_GRAPHQL] } : null;
}

/** The stream event a stream's answer was made from, kept on the answer for a run on the real schema. */
const EVENT = Symbol('stream event');

export interface PullOutputOptions {
  /** Finds a type of the served schema by name. */
  getType(name: string): unknown;
  /** The SDL the served schema was made from, and its resolvers, to make the twin. */
  typeDefs: string;
  resolvers: ResolverMap;
  /** Each collection's pull query field (`pull<Name>`) and the type it answers (`<Name>PullBulk`). */
  pulls: readonly { field: string; bulkType: string }[];
  /** Each collection's stream subscription field (`stream<Name>`), which answers the same type. */
  streams: readonly { field: string; bulkType: string }[];
}

type StreamField = { subscribe: unknown; resolve: (event: unknown, ...rest: unknown[]) => unknown };

export function pullOutputPlugin({ getType, typeDefs, resolvers, pulls, streams }: PullOutputOptions): Plugin {
  const bulks = new Map<string, { bulkType: string; documents: GraphQLTypeLike }>();
  const documentTypes: string[] = [];
  for (const { field, bulkType } of [...pulls, ...streams]) {
    const documents = (getType(bulkType) as GraphQLTypeLike | undefined)?.getFields?.().documents?.type;
    if (!documents) throw new Error(`The schema has no ${bulkType}.documents.`);
    let named = documents;
    while (named.ofType) named = named.ofType;
    if (!named.name) throw new Error(`${bulkType}.documents has no named type.`);
    bulks.set(field, { bulkType, documents });
    if (!documentTypes.includes(named.name)) documentTypes.push(named.name);
  }
  /** The shaping of each `documents` selection met, by its AST node (Yoga reuses parsed documents). */
  const shapes = new WeakMap<SelectionSetNode, Shape | null>();
  const shapeOf = (selectionSet: SelectionSetNode, documents: GraphQLTypeLike) => {
    if (!shapes.has(selectionSet)) shapes.set(selectionSet, shapeFor(documents, selectionSet));
    return shapes.get(selectionSet) ?? null;
  };

  /** Each stream event's documents shaped once per selection, for all the event's subscribers. */
  const shapedEvents = new WeakMap<object, Map<SelectionSetNode, unknown>>();
  const shaped = (documents: unknown, selectionSet: SelectionSetNode, shape: Shape) => {
    if (!documents || typeof documents !== 'object') return shape(documents);
    const bySelection = shapedEvents.get(documents) ?? new Map<SelectionSetNode, unknown>();
    shapedEvents.set(documents, bySelection);
    if (!bySelection.has(selectionSet)) bySelection.set(selectionSet, shape(documents));
    return bySelection.get(selectionSet);
  };

  const bulkTypes = [...new Set([...bulks.values()].map(({ bulkType }) => bulkType))];
  const realStreams = (resolvers.Subscription ?? {}) as Record<string, StreamField>;
  const twinResolvers: ResolverMap = {
    ...Object.fromEntries(
      bulkTypes.map((bulkType) => [
        bulkType,
        {
          documents: (
            source: { documents?: unknown; [EVENT]?: unknown },
            _args: unknown,
            context: LogContext,
            info: FieldInfo,
          ) => {
            const selectionSet = info.fieldNodes.length === 1 ? info.fieldNodes[0]?.selectionSet : undefined;
            const shape = selectionSet ? shapes.get(selectionSet) : undefined;
            const answer =
              shape && selectionSet
                ? EVENT in source
                  ? shaped(source.documents, selectionSet, shape)
                  : shape(source.documents)
                : FAILED;
            if (answer === FAILED) {
              // Stored data that is not of its GraphQL type (written by hand, or before a schema change): worth a look.
              context.log?.warn({ type: bulkType }, 'a pulled document is not of its GraphQL type: graphql-js answers');
              throw Object.assign(new Error('Left to graphql-js.'), { [LEFT_TO_GRAPHQL]: source[EVENT] ?? true });
            }
            return answer;
          },
        },
      ]),
    ),
    // the stream's answer keeps its event: an event left to graphql-js runs again on the real schema
    Subscription: Object.fromEntries(
      streams.map(({ field }) => {
        const real = realStreams[field] as StreamField;
        return [
          field,
          {
            subscribe: real.subscribe,
            resolve: (event: unknown, ...rest: unknown[]) => ({
              ...(real.resolve(event, ...rest) as object),
              [EVENT]: event,
            }),
          },
        ];
      }),
    ),
  };
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
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'subscription' || !shapeable(operation.selectionSet)) return;
      setSubscribeFn(async (subscription) => {
        const answers = await subscribeFn({ ...subscription, schema: twin });
        if (!isAsyncIterator(answers)) return answers;
        // graphql-js answers each event as its own subscribe would: the operation run with the event as root
        return mapAnswers(answers, (answer) => {
          const left = leftToGraphQL(answer);
          if (!left) return answer;
          // one answer per event: the contract's operations have no @defer or @stream
          return execute({ ...subscription, rootValue: left.event }) as ExecutionResult | Promise<ExecutionResult>;
        });
      });
    },
  };
}

function isAsyncIterator(value: unknown): value is AsyncIterator<ExecutionResult> {
  return typeof (value as AsyncIterator<unknown> | null)?.next === 'function';
}

/** `source` with each answer mapped; ending it (the client unsubscribes) ends the source at once. */
function mapAnswers(
  source: AsyncIterator<ExecutionResult>,
  map: (answer: ExecutionResult) => ExecutionResult | Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const done = { value: undefined, done: true } as const;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      const step = await source.next();
      return step.done ? step : { value: await map(step.value), done: false };
    },
    return: async () => (source.return ? source.return() : done),
    throw: async (error?: unknown) => (source.throw ? source.throw(error) : Promise.reject(error)),
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
