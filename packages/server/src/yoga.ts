// The GraphQL side of the server: Yoga serving the replication schema on /graphql with the CORS allowlist,
// limits and masking, and each operation's context (who is asking, a logger tagged with its request id), the
// same for HTTP requests and graphql-ws operations.
import { randomUUID } from 'node:crypto';
import { createYoga, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { Logger } from 'pino';
import { AuthError, type Principal, type TokenVerifier, tokenFromHeader } from './auth.js';
import type { SyncCollection } from './collections.js';
import { GRAPHQL_PATH, isAllowedOrigin } from './endpoints.js';
import { createReplicationSchema, type FreshPull, type SyncContext } from './graphql-schema.js';
import { armorPlugin, noIntrospection, type ResolvedLimits } from './limits.js';
import { yogaLogging } from './logger.js';
import type { SyncMonitor } from './monitoring.js';
import { ownOrigin } from './own-origin.js';
import type { SyncPubSub } from './pubsub.js';
import type { SyncStorage } from './storage/types.js';
import { createValidators } from './validation.js';

/** What a graphql-ws operation brings in place of an HTTP request. */
export interface WsTransport {
  /** The connection's token (from `connectionParams`), if it gave one. */
  token: string | undefined;
  /** the device id the connection gave (`connectionParams.device`), if any */
  device?: string | undefined;
  /** the schema versions the connection said it speaks (`connectionParams.schemas`), if it did */
  schemaVersions?: Readonly<Record<string, number>> | undefined;
  /** the connection asked each stream to announce when it listens (`connectionParams.streamReady`) */
  announceReady?: boolean;
  requestId: string;
  closeConnection: (code: number, reason: string) => void;
}

export interface SyncYogaOptions {
  collections: readonly SyncCollection[];
  storage: SyncStorage;
  pubsub: SyncPubSub;
  limits: ResolvedLimits;
  production: boolean;
  logger: Logger;
  verify: TokenVerifier;
  corsOrigins: readonly string[];
  /** Read the own origin from a proxy's forwarded headers (see own-origin.ts). */
  trustProxy: boolean;
  /** The server's own routes, run first. */
  routes: Plugin;
  /** The per-tenant rate limit, run after the routes; none when it is off. */
  rateLimit: Plugin | null;
  /** The caller's plugins, run after the routes. */
  plugins: readonly Plugin[];
  /** The id the routes gave an HTTP request. */
  requestIdOf: (request: Request) => string | undefined;
  monitor: SyncMonitor;
  monitorRoles: readonly string[];
}

/**
 * The schema versions a client speaks, as it sends them (`x-syncline-schemas: orders@2,customers@0`; a stock client
 * sends none): collection name -> version. Malformed parts are left out.
 */
export function schemaVersionsOf(value: unknown): Readonly<Record<string, number>> | undefined {
  if (typeof value !== 'string' || value === '' || value.length > 4_096) return undefined;
  const versions: Record<string, number> = {};
  for (const part of value.split(',')) {
    const match = /^([a-z][a-zA-Z0-9_]*)@(\d{1,6})$/.exec(part.trim());
    if (match?.[1] && match[2]) versions[match[1]] = Number(match[2]);
  }
  return versions;
}

/** A device id as a client sends it: short and plain, or none. */
const DEVICE = /^[A-Za-z0-9._:-]{1,64}$/;
export function deviceId(value: unknown): string | undefined {
  return typeof value === 'string' && DEVICE.test(value) ? value : undefined;
}

/**
 * A pull's `x-syncline-fresh`: `1` when the pull starts a pass from nothing (the pass begins now), or the
 * `serverTime` its first page answered; any other value is not a fresh pull.
 */
export function freshPullOf(value: unknown): FreshPull | undefined {
  if (value === '1') return 'now';
  return typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : undefined;
}

export type SyncYoga = ReturnType<typeof createSyncYoga>;

/**
 * The operation's identity: the transport's token (the HTTP Authorization header, or the ws connection's
 * `connectionParams`), verified again for every operation. On a connection that carries none, a stream's
 * `headers` token decides. On one that does, a different `headers` token must be valid and name the same
 * tenant, with one exception: graphql-ws re-sends a subscription's first payload on every reconnect, so the same
 * tenant's token there may have expired since; the connection's fresh one counts.
 */
function authenticator(verify: TokenVerifier, transportToken: string | undefined): SyncContext['authenticate'] {
  let transport: Promise<Principal> | undefined;
  return async (headerToken) => {
    const fromHeaders = tokenFromHeader(headerToken);
    if (fromHeaders && !transportToken) return verify(fromHeaders);
    transport ??= verify(transportToken);
    const connection = await transport;
    if (fromHeaders && fromHeaders !== transportToken) await checkStreamToken(verify, fromHeaders, connection);
    return connection;
  };
}

async function checkStreamToken(verify: TokenVerifier, token: string, connection: Principal): Promise<void> {
  let named: Principal;
  try {
    named = await verify(token);
  } catch (error) {
    if (!(error instanceof AuthError && error.expired)) throw error;
    // a stale first payload of this same tenant is fine; another tenant's expired token is refused as expired
    if ((await verify(token, { ignoreExpiry: true })).tenant !== connection.tenant) throw error;
    return;
  }
  if (named.tenant !== connection.tenant) {
    throw new AuthError(
      "The stream's token names another tenant than its connection's: open a connection with that tenant's token.",
      'FORBIDDEN',
    );
  }
}

export function createSyncYoga(options: SyncYogaOptions) {
  const { collections, limits, production, logger, verify, corsOrigins, trustProxy, requestIdOf } = options;
  const { schema, plugins: schemaPlugins } = createReplicationSchema({
    collections,
    storage: options.storage,
    pubsub: options.pubsub,
    validators: createValidators(collections),
    maxPushBatch: limits.pushBatch,
    maxPullLimit: limits.pullLimit,
    streamBuffer: limits.streamBuffer,
    monitor: options.monitor,
    monitorRoles: options.monitorRoles,
  });

  return createYoga<{ transport?: WsTransport }, SyncContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: !production,
    maskedErrors: { isDev: !production && process.env.NODE_ENV === 'development' },
    maxRequestBodySize: limits.bodyBytes,
    batching: false,
    logging: yogaLogging(logger),
    cors: (request) => {
      const origin = request.headers.get('origin');
      // the request's URL has the connection's scheme (https on a TLS socket) and its Host header
      const arrivedOn = {
        encrypted: request.url.startsWith('https:'),
        header: (name: string) => request.headers.get(name),
      };
      if (!origin || !isAllowedOrigin(origin, ownOrigin(arrivedOn, trustProxy), corsOrigins)) return false;
      return {
        origin: [origin],
        credentials: true,
        methods: ['GET', 'POST', 'PUT', 'OPTIONS'],
        allowedHeaders: [
          'Authorization',
          'Content-Type',
          'X-Request-Id',
          'X-Syncline-Device',
          'X-Syncline-Schemas',
          'X-Syncline-Fresh',
          'X-Syncline-Sha256',
          'Content-Range',
        ],
        // Retry-After: a browser client reads how long to wait after a 429
        exposedHeaders: ['X-Request-Id', 'Retry-After'],
        maxAge: 600,
      };
    },
    context: (initial: YogaInitialContext & { transport?: WsTransport }): SyncContext => {
      if (initial.transport) {
        const { token, device, schemaVersions, announceReady, requestId, closeConnection } = initial.transport;
        return {
          authenticate: authenticator(verify, token),
          log: logger.child({ requestId }),
          closeConnection,
          device,
          schemaVersions,
          announceReady,
        };
      }
      const { request } = initial;
      return {
        authenticate: authenticator(verify, tokenFromHeader(request.headers.get('authorization'))),
        log: logger.child({ requestId: requestIdOf(request) ?? randomUUID() }),
        device: deviceId(request.headers.get('x-syncline-device')),
        schemaVersions: schemaVersionsOf(request.headers.get('x-syncline-schemas')),
        freshPull: freshPullOf(request.headers.get('x-syncline-fresh')),
      };
    },
    plugins: [
      options.routes,
      ...(options.rateLimit ? [options.rateLimit] : []),
      ...options.plugins,
      armorPlugin(limits),
      ...(production ? [noIntrospection] : []),
      ...schemaPlugins,
    ],
  });
}
