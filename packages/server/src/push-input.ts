// Push rows arrive as GraphQL variables of RxDB's nested input types, and graphql-js coerces them value by value
// (tens of microseconds per order: the largest cost of a push). This plugin coerces a push's rows in one pass over
// a plan made once per type, then runs the operation on a twin of the schema in which the push-row types are
// opaque scalars, so nothing is coerced twice. The served schema stays exactly RxDB's.
//
// Only values whose coercion by graphql-js is certain take this path, and they get what graphql-js would give them
// (the same fields, in the same order). Anything else (a wrong type, a missing, unknown or
// null field, a lone value for a list, a default, a row written as a literal) runs on the real schema untouched,
// and gets graphql-js's own answer and errors.
//
// graphql's CommonJS and ESM builds may both be loaded (see server.ts), so nothing here relies on graphql's classes
// or on `instanceof`: types are told apart by their toStringTag, and the twin is made by Yoga from SDL.
import { type DocumentNode, getOperationAST, Kind, parse, type SelectionSetNode, type TypeNode } from 'graphql';
import { createSchema, type Plugin } from 'graphql-yoga';

/** The coercion of one value: the coerced value, or FAILED when graphql-js must judge it. */
type Coerce = (value: unknown) => unknown;

const FAILED = Symbol('left to graphql-js');

const MIN_INT = -2_147_483_648;
const MAX_INT = 2_147_483_647;

/**
 * What graphql-js's built-in scalars accept from a variable, each returned as it is. Every schema uses graphql's
 * own for these names; RxDB's SDL has no other scalar, and an enum or custom scalar is left to graphql-js.
 */
const builtInScalars: Record<string, (value: unknown) => boolean> = {
  String: (value) => typeof value === 'string',
  Boolean: (value) => typeof value === 'boolean',
  Float: (value) => typeof value === 'number' && Number.isFinite(value),
  Int: (value) => typeof value === 'number' && Number.isInteger(value) && value >= MIN_INT && value <= MAX_INT,
};

/** The parts of graphql-js's input types read here. */
interface InputType {
  readonly [Symbol.toStringTag]: string;
  readonly name?: string;
  readonly ofType?: InputType;
  readonly isOneOf?: boolean;
  getFields?(): Record<string, { name: string; type: InputType; defaultValue?: unknown }>;
}

interface FieldPlan {
  readonly name: string;
  readonly coerce: Coerce;
  readonly required: boolean;
}

type Plans = Map<InputType, Coerce | null>;

const nonNull = (inner: Coerce | null): Coerce | null =>
  inner && ((value) => (value === null || value === undefined ? FAILED : inner(value)));

// A nullable place keeps null; undefined (absent) is for the object holding the field to judge.
const nullable = (inner: Coerce | null): Coerce | null =>
  inner && ((value) => (value === null ? null : value === undefined ? FAILED : inner(value)));

// graphql-js takes a lone value as a list of one; that rare case is left to it.
const listOf = (item: Coerce | null): Coerce | null =>
  nullable(item && ((value) => (Array.isArray(value) ? coerceItems(value, item) : FAILED)));

/** The coercion of a schema type, or null when some value of it must always go through graphql-js. */
function planFor(type: InputType, plans: Plans): Coerce | null {
  const kind = type[Symbol.toStringTag];
  if (kind === 'GraphQLNonNull') return type.ofType ? nonNull(planFor(type.ofType, plans)) : null;
  if (kind === 'GraphQLList') return type.ofType ? listOf(planFor(type.ofType, plans)) : null;
  if (!plans.has(type)) plans.set(type, planNamed(type, plans));
  return nullable(plans.get(type) ?? null);
}

/** The same, for a variable's declared type. */
function planForTypeNode(node: TypeNode, getType: (name: string) => unknown, plans: Plans): Coerce | null {
  if (node.kind === Kind.NON_NULL_TYPE) return nonNull(planForTypeNode(node.type, getType, plans));
  if (node.kind === Kind.LIST_TYPE) return listOf(planForTypeNode(node.type, getType, plans));
  const type = getType(node.name.value) as InputType | undefined;
  return type ? planFor(type, plans) : null;
}

function planNamed(type: InputType, plans: Plans): Coerce | null {
  const kind = type[Symbol.toStringTag];
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
    fields.push({ name: field.name, coerce, required: field.type[Symbol.toStringTag] === 'GraphQLNonNull' });
  }
  complete = true;
  return (value) => coerceObject(value, fields);
}

function coerceItems(values: readonly unknown[], item: Coerce): unknown {
  const out = new Array<unknown>(values.length);
  for (let index = 0; index < values.length; index++) {
    const coerced = item(values[index]);
    if (coerced === FAILED) return FAILED;
    out[index] = coerced;
  }
  return out;
}

function coerceObject(value: unknown, fields: readonly FieldPlan[]): unknown {
  if (typeof value !== 'object' || value === null) return FAILED;
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return FAILED;
  const given = value as Record<string, unknown>;
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
export function coerceInputValueFast(type: InputType, value: unknown): { value: unknown } | null {
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

type SchemaResolvers = NonNullable<Parameters<typeof createSchema>[0]['resolvers']>;

export interface PushInputOptions {
  /** Finds a type of the served schema by name. */
  getType(name: string): unknown;
  /** The SDL the served schema was made from, and its resolvers, to make the twin. */
  typeDefs: string;
  resolvers: SchemaResolvers;
  /** Each collection's push-row input type (`<Name>InputPushRow`) and the argument that takes it. */
  rows: readonly { type: string; argument: string }[];
}

export function pushInputPlugin({ getType, typeDefs, resolvers, rows }: PushInputOptions): Plugin {
  const rowTypes = new Set(rows.map((row) => row.type));
  const rowArguments = new Set(rows.map((row) => row.argument));
  // The twin: the same SDL and resolvers, each push-row type an opaque scalar whose value arrives coerced. It only
  // ever runs operations whose rows all come in variables (rowsOnlyInVariables), so no literal reaches it.
  const ast = parse(typeDefs);
  const twinTypeDefs: DocumentNode = {
    ...ast,
    definitions: ast.definitions.map((definition) =>
      definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && rowTypes.has(definition.name.value)
        ? { kind: Kind.SCALAR_TYPE_DEFINITION, name: definition.name }
        : definition,
    ),
  };
  const scalars = Object.fromEntries(
    [...rowTypes].map((name) => [
      name,
      {
        __parseValue: (value: unknown) => value,
        __parseLiteral: () => {
          throw new Error(`A ${name} literal reached the push fast path.`);
        },
        __serialize: () => {
          throw new Error(`${name} is an input type.`);
        },
      },
    ]),
  );
  const twin = createSchema({ typeDefs: twinTypeDefs, resolvers: [resolvers, scalars].flat() });
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
