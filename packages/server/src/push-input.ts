// Push rows arrive as GraphQL variables of RxDB's nested input types, and graphql-js coerces them value by value
// (tens of microseconds per order: the largest cost of a push). This plugin coerces a push's rows in one pass over
// a plan made once per type, then runs the operation on a twin of the schema in which the push-row types are
// opaque scalars, so nothing is coerced twice. The served schema stays exactly RxDB's.
//
// Only values whose coercion by graphql-js is certain take this path, and they get what graphql-js would give them
// (the same fields, in the same order). Anything else (a wrong type, a missing, unknown or
// null field, a lone value for a list, a default, a row written as a literal) runs on the real schema untouched,
// and gets graphql-js's own answer and errors.
import { type DocumentNode, getOperationAST, Kind, type SelectionSetNode, type TypeNode } from 'graphql';
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

/** The coercion of one value: the coerced value, or FAILED when graphql-js must judge it. */
type Coerce = (value: unknown) => unknown;

interface FieldPlan {
  readonly name: string;
  readonly coerce: Coerce;
  readonly required: boolean;
}

type Plans = Map<GraphQLTypeLike, Coerce | null>;

const nonNull = (inner: Coerce | null): Coerce | null =>
  inner && ((value) => (value === null || value === undefined ? FAILED : inner(value)));

// A nullable place keeps null; undefined (absent) is for the object holding the field to judge.
const nullable = (inner: Coerce | null): Coerce | null =>
  inner && ((value) => (value === null ? null : value === undefined ? FAILED : inner(value)));

// graphql-js takes a lone value as a list of one; that rare case is left to it.
const listOf = (item: Coerce | null): Coerce | null =>
  nullable(item && ((value) => (Array.isArray(value) ? mapOrFail(value, item) : FAILED)));

/** The coercion of a schema type, or null when some value of it must always go through graphql-js. */
function planFor(type: GraphQLTypeLike, plans: Plans): Coerce | null {
  const kind = typeTag(type);
  if (kind === 'GraphQLNonNull') return type.ofType ? nonNull(planFor(type.ofType, plans)) : null;
  if (kind === 'GraphQLList') return type.ofType ? listOf(planFor(type.ofType, plans)) : null;
  if (!plans.has(type)) plans.set(type, planNamed(type, plans));
  return nullable(plans.get(type) ?? null);
}

/** The same, for a variable's declared type. */
function planForTypeNode(node: TypeNode, getType: (name: string) => unknown, plans: Plans): Coerce | null {
  if (node.kind === Kind.NON_NULL_TYPE) return nonNull(planForTypeNode(node.type, getType, plans));
  if (node.kind === Kind.LIST_TYPE) return listOf(planForTypeNode(node.type, getType, plans));
  const type = getType(node.name.value) as GraphQLTypeLike | undefined;
  return type ? planFor(type, plans) : null;
}

function planNamed(type: GraphQLTypeLike, plans: Plans): Coerce | null {
  const kind = typeTag(type);
  if (kind === 'GraphQLScalarType') {
    const accepts = type.name ? builtInScalars[type.name] : undefined;
    return accepts ? (value) => (accepts(value) ? value : FAILED) : null;
  }
  if (kind !== 'GraphQLInputObjectType' || type.isOneOf || !type.getFields) return null;
  // Placed before the fields are planned, so a type that holds itself plans too.
  const fields: FieldPlan[] = [];
  let complete = false;
  plans.set(type, (value) => (complete ? coerceObject(value, fields) : FAILED));
  for (const field of Object.values(type.getFields())) {
    const coerce = field.defaultValue === undefined ? planFor(field.type, plans) : null;
    if (!coerce) return null;
    fields.push({ name: field.name, coerce, required: typeTag(field.type) === 'GraphQLNonNull' });
  }
  complete = true;
  return (value) => coerceObject(value, fields);
}

function coerceObject(given: unknown, fields: readonly FieldPlan[]): unknown {
  if (!isPlainObject(given)) return FAILED;
  // Read as graphql-js reads, through the prototype chain: a field named like an Object.prototype member fails
  // here as it fails there. (No GraphQL field is named `__proto__`: names starting with `__` are reserved.)
  const out: Record<string, unknown> = {};
  let seen = 0;
  for (const field of fields) {
    const item = given[field.name];
    if (item === undefined) {
      if (field.required) return FAILED;
      continue;
    }
    if (Object.prototype.propertyIsEnumerable.call(given, field.name)) seen += 1;
    const coerced = field.coerce(item);
    if (coerced === FAILED) return FAILED;
    out[field.name] = coerced;
  }
  // Every key given is a field of the type: graphql-js refuses any other.
  return Object.keys(given).length === seen ? out : FAILED;
}

/** This module's coercion of `value` as `type`: `{ value }`, or null where it leaves the value to graphql-js. */
export function coerceInputValueFast(type: GraphQLTypeLike, value: unknown): { value: unknown } | null {
  const plan = planFor(type, new Map());
  const coerced = plan ? plan(value) : FAILED;
  return coerced === FAILED ? null : { value: coerced };
}

/** Whether every argument of a push-row type in `selections` (fragments included) is a bare variable. */
function rowsOnlyInVariables(document: DocumentNode, rowArguments: ReadonlySet<string>): boolean {
  const check = (selectionSet: SelectionSetNode | undefined): boolean =>
    !selectionSet ||
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FRAGMENT_SPREAD) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT) return check(selection.selectionSet);
      const literal = selection.arguments?.some(
        (argument) => rowArguments.has(argument.name.value) && argument.value.kind !== Kind.VARIABLE,
      );
      return !literal && check(selection.selectionSet);
    });
  return document.definitions.every(
    (definition) =>
      (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) ||
      check(definition.selectionSet),
  );
}

export interface PushInputOptions {
  /** Finds a type of the served schema by name. */
  getType(name: string): unknown;
  /** The SDL the served schema was made from, and its resolvers, to make the twin. */
  typeDefs: string;
  resolvers: ResolverMap;
  /** Each collection's push-row input type (`<Name>InputPushRow`) and the argument that takes it. */
  rows: readonly { type: string; argument: string }[];
}

export function pushInputPlugin({ getType, typeDefs, resolvers, rows }: PushInputOptions): Plugin {
  const rowTypes = new Set(rows.map((row) => row.type));
  const rowArguments = new Set(rows.map((row) => row.argument));
  // The twin: each push-row type an opaque scalar whose value arrives coerced. It only ever runs operations whose
  // rows all come in variables (rowsOnlyInVariables), so no literal reaches it.
  const identity = (value: unknown) => value;
  const twin = createTwinSchema(
    typeDefs,
    [resolvers],
    Object.fromEntries([...rowTypes].map((name) => [name, { parseValue: identity }])),
  );
  const plans: Plans = new Map();

  /** The operation's variables with every push-row variable coerced, or null when graphql-js must coerce them. */
  function coerceRows(document: DocumentNode, operationName: string | null | undefined, given: unknown) {
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'mutation' || !operation.variableDefinitions?.length) return null;
    const variables = (given ?? {}) as Record<string, unknown>;
    let coerced: Record<string, unknown> | null = null;
    for (const definition of operation.variableDefinitions) {
      let named = definition.type;
      while (named.kind !== Kind.NAMED_TYPE) named = named.type;
      if (!rowTypes.has(named.name.value)) continue;
      const name = definition.variable.name.value;
      if (definition.defaultValue || !Object.hasOwn(variables, name)) return null;
      const plan = planForTypeNode(definition.type, getType, plans);
      const value = plan ? plan(variables[name]) : FAILED;
      if (value === FAILED) return null;
      coerced ??= { ...variables };
      coerced[name] = value;
    }
    return coerced && rowsOnlyInVariables(document, rowArguments) ? coerced : null;
  }

  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const variableValues = coerceRows(args.document, args.operationName, args.variableValues);
      if (variableValues) setExecuteFn((execution) => executeFn({ ...execution, schema: twin, variableValues }));
    },
  };
}
