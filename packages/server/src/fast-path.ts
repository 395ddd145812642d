// What the push and pull fast paths (push-input.ts, pull-output.ts) share: the sentinel for "leave it to graphql-js",
// the built-in scalars' rules, graphql's types told apart without `instanceof`, and the twin schema they execute on.
//
// graphql's CommonJS and ESM builds may both be loaded (see server.ts), so nothing here relies on graphql's classes:
// types are told apart by their toStringTag, and the twin is made by Yoga from SDL, with the served schema's graphql.
import { type DefinitionNode, type DocumentNode, Kind, parse } from 'graphql';
import { createSchema } from 'graphql-yoga';

/** A value this module cannot be certain of: graphql-js must handle it. */
export const FAILED = Symbol('left to graphql-js');

const MIN_INT = -2_147_483_648;
const MAX_INT = 2_147_483_647;

/**
 * The values graphql-js's built-in scalars take as they are, in a variable (parseValue) and in an answer (serialize).
 * Every schema uses graphql's own for these names; RxDB's SDL has no other scalar, and an enum or a custom scalar is
 * left to graphql-js.
 */
export const builtInScalars: Readonly<Record<string, (value: unknown) => boolean>> = {
  String: (value) => typeof value === 'string',
  Boolean: (value) => typeof value === 'boolean',
  Float: (value) => typeof value === 'number' && Number.isFinite(value),
  Int: (value) => typeof value === 'number' && Number.isInteger(value) && value >= MIN_INT && value <= MAX_INT,
};

/** The parts of graphql-js's types read by the fast paths. */
export interface GraphQLTypeLike {
  readonly [Symbol.toStringTag]: string;
  readonly name?: string;
  readonly ofType?: GraphQLTypeLike;
  readonly isOneOf?: boolean;
  getFields?(): Record<string, { name: string; type: GraphQLTypeLike; defaultValue?: unknown }>;
}

export const typeTag = (type: GraphQLTypeLike) => type[Symbol.toStringTag];

/** A plain object (as JSON makes them, or graphql-js's null-prototype ones). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** `values` each through `item`, or FAILED as soon as one fails. */
export function mapOrFail(values: readonly unknown[], item: (value: unknown) => unknown): unknown {
  const out = new Array<unknown>(values.length);
  for (let index = 0; index < values.length; index++) {
    const mapped = item(values[index]);
    if (mapped === FAILED) return FAILED;
    out[index] = mapped;
  }
  return out;
}

type SchemaResolvers = NonNullable<Parameters<typeof createSchema>[0]['resolvers']>;
export type ResolverMap = Extract<SchemaResolvers, Record<string, unknown>>;

/**
 * The served schema's SDL and resolvers, with each type named in `scalars` made an opaque scalar (whose values the
 * fast path has coerced or shaped already) and `resolvers` added.
 */
export function createTwinSchema(
  typeDefs: string,
  resolvers: readonly ResolverMap[],
  scalars: Readonly<
    Record<string, { parseValue?: (value: unknown) => unknown; serialize?: (value: unknown) => unknown }>
  >,
) {
  const ast = parse(typeDefs);
  // a type made opaque is a scalar in the twin, and its extensions go with it (the fast path handles their fields)
  const opaqueName = (definition: DefinitionNode, kinds: readonly Kind[]) =>
    kinds.includes(definition.kind) &&
    'name' in definition &&
    definition.name &&
    Object.hasOwn(scalars, definition.name.value)
      ? definition.name
      : undefined;
  const twinTypeDefs: DocumentNode = {
    ...ast,
    definitions: ast.definitions
      .filter((definition) => !opaqueName(definition, [Kind.INPUT_OBJECT_TYPE_EXTENSION, Kind.OBJECT_TYPE_EXTENSION]))
      .map((definition) => {
        const name = opaqueName(definition, [Kind.INPUT_OBJECT_TYPE_DEFINITION, Kind.OBJECT_TYPE_DEFINITION]);
        return name ? { kind: Kind.SCALAR_TYPE_DEFINITION, name } : definition;
      }),
  };
  const unexpected = (what: string) => () => {
    throw new Error(`${what} reached a fast path's opaque type.`);
  };
  const scalarResolvers = Object.fromEntries(
    Object.entries(scalars).map(([name, { parseValue, serialize }]) => [
      name,
      {
        __parseValue: parseValue ?? unexpected(`A ${name} variable`),
        __parseLiteral: unexpected(`A ${name} literal`),
        __serialize: serialize ?? unexpected(`A ${name} answer`),
      },
    ]),
  );
  return createSchema({ typeDefs: twinTypeDefs, resolvers: [...resolvers, scalarResolvers] });
}
