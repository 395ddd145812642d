// Request limits: GraphQL Armor's query limits sized from the collections' schemas (so RxDB's stock queries
// always fit and hand-made bombs never do), plus the body, batch, pull and per-tenant rate limits the server
// enforces itself.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { FieldNode, ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { SyncCollection } from './collections.js';

export interface SyncServerLimits {
  /** Largest request body, in bytes (HTTP) and largest ws message. Default 1 MiB. */
  bodyBytes?: number;
  /** Most rows in one push. Default 500. */
  pushBatch?: number;
  /** Largest `limit` a pull may ask for. Default 1000. */
  pullLimit?: number;
  /** GraphQL Armor: deepest selection. Default: the schemas' nesting plus the protocol's own levels. */
  depth?: number;
  /** GraphQL Armor: most aliases per operation. Default 5 (RxDB's queries use none). */
  aliases?: number;
  /** GraphQL Armor: most directives per operation. Default 10. */
  directives?: number;
  /** GraphQL Armor: most tokens in the query text (variables are not counted). Default from the schemas' size. */
  tokens?: number;
  /** GraphQL Armor: highest computed cost. Default 5000. */
  cost?: number;
  /** Events buffered for one stream before it is cut off and must resync. Default 1000. */
  streamBuffer?: number;
  /**
   * Requests one tenant may make per second, sustained: GraphQL requests over HTTP and stream subscriptions,
   * all of the tenant's devices together, per server process. Over it: 429 with Retry-After. 0 turns the limit
   * off. Default 50 in production, 0 (off) otherwise.
   */
  tenantRate?: number;
  /** Requests one tenant may make at once above its rate (the bucket's size). Default 10 × `tenantRate`. */
  tenantBurst?: number;
}

export type ResolvedLimits = Required<SyncServerLimits>;

interface SchemaShape {
  depth: number;
  fields: number;
}

function shapeOf(schema: unknown): SchemaShape {
  const node = schema as { type?: unknown; properties?: Record<string, unknown>; items?: unknown };
  if (node?.items) return shapeOf(node.items);
  if (!node?.properties) return { depth: 0, fields: 1 };
  let depth = 0;
  let fields = 0;
  for (const child of Object.values(node.properties)) {
    const inner = shapeOf(child);
    depth = Math.max(depth, inner.depth);
    fields += inner.fields + 1;
  }
  return { depth: depth + 1, fields };
}

/** GraphiQL's introspection query nests 16 levels deep: outside production the depth default leaves room for it. */
const INTROSPECTION_DEPTH = 16;

/** A tenant's sustained requests a second in production: a shop's devices syncing at once fit under it. */
const PRODUCTION_TENANT_RATE = 50;

export function resolveLimits(
  collections: readonly SyncCollection[],
  given: SyncServerLimits = {},
  { production }: { production: boolean },
): ResolvedLimits {
  const shapes = collections.map((collection) => shapeOf(collection.schema));
  const schemaDepth = Math.max(...shapes.map((shape) => shape.depth));
  const fields = Math.max(...shapes.map((shape) => shape.fields));
  const tenantRate = given.tenantRate ?? (production ? PRODUCTION_TENANT_RATE : 0);
  const limits: ResolvedLimits = {
    bodyBytes: given.bodyBytes ?? 1024 * 1024,
    pushBatch: given.pushBatch ?? 500,
    pullLimit: given.pullLimit ?? 1000,
    // pull -> documents -> fields: two protocol levels above the document's own nesting, plus slack. Depth
    // counts introspection too (its recursive types make exponential answers), which production turns off.
    depth: given.depth ?? (production ? schemaDepth + 4 : Math.max(schemaDepth + 4, INTROSPECTION_DEPTH)),
    aliases: given.aliases ?? 5,
    directives: given.directives ?? 10,
    // A stock query names each field about twice (name and braces); 300 covers the protocol's own text.
    tokens: given.tokens ?? Math.max(1000, fields * 3 + 300),
    cost: given.cost ?? 5000,
    streamBuffer: given.streamBuffer ?? 1000,
    tenantRate,
    tenantBurst: given.tenantBurst ?? Math.max(1, tenantRate * 10),
  };
  for (const [name, value] of Object.entries(limits)) {
    // the rate alone may be 0: no limit
    const least = name === 'tenantRate' ? 0 : 1;
    if (!Number.isInteger(value) || value < least) {
      throw new Error(`limits.${name} must be a ${least === 0 ? 'whole number (0: off)' : 'positive whole number'}.`);
    }
  }
  return limits;
}

// The limits themselves stay private (exposeLimits: false); the messages say what to change.
export function armorPlugin(limits: ResolvedLimits) {
  return EnvelopArmorPlugin({
    maxDepth: {
      n: limits.depth,
      exposeLimits: false,
      flattenFragments: true,
      ignoreIntrospection: false,
      errorMessage: 'Query rejected: it is nested too deeply.',
    },
    maxAliases: { n: limits.aliases, exposeLimits: false, errorMessage: 'Query rejected: it uses too many aliases.' },
    maxDirectives: {
      n: limits.directives,
      exposeLimits: false,
      errorMessage: 'Query rejected: it uses too many directives.',
    },
    maxTokens: { n: limits.tokens, exposeLimits: false, errorMessage: 'Query rejected: its text is too long.' },
    costLimit: {
      maxCost: limits.cost,
      exposeLimits: false,
      errorMessage: 'Query rejected: it would cost too much to run.',
    },
    blockFieldSuggestion: { enabled: true },
  });
}

/** Production answers no introspection: clients build themselves from `GET /sync/schemas` instead. */
export const noIntrospection: Plugin = {
  onValidate({ addValidationRule }) {
    addValidationRule((context: ValidationContext) => ({
      Field(node: FieldNode) {
        if (node.name.value === '__schema' || node.name.value === '__type') {
          context.reportError(
            createGraphQLError('Introspection is disabled on this server: GET /sync/schemas describes the API.', {
              nodes: [node],
            }),
          );
        }
      },
    }));
  },
};
