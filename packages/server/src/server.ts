// createSyncServer: the HTTP + WebSocket server where every client's writes meet. GraphQL Yoga serves the
// replication API on /graphql (HTTP) and graphql-ws serves its stream on the same port and path, through
// Yoga's envelop so every plugin (auth, Armor, masking) runs on ws operations too.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLError } from 'graphql';
// Renamed: graphql-ws's `useServer` is no React hook.
import { useServer as attachGraphQLWs } from 'graphql-ws/use/ws';
import { createYoga, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import { type Logger, pino } from 'pino';
import { WebSocketServer } from 'ws';
import { type AuthOptions, createTokenVerifier, type Principal, tokenFromHeader } from './auth.js';
import { type CollectionSchemas, defineCollections, type SyncCollection } from './collections.js';
import { DEFAULT_DEV_ORIGINS, GRAPHQL_PATH, SCHEMAS_PATH } from './endpoints.js';
import { createReplicationSchema, type SyncContext } from './graphql-schema.js';
import { armorPlugin, noIntrospection, type ResolvedLimits, resolveLimits, type SyncServerLimits } from './limits.js';
import { createInMemoryPubSub, type SyncPubSub } from './pubsub.js';
import type { SyncStorage } from './storage/types.js';
import { createValidators } from './validation.js';

export interface SyncServerOptions {
  /** Collection name -> RxDB JSON schema (primary key `id`-like string, a number `updatedAt`). */
  collections: CollectionSchemas;
  /** Where documents live. The server owns it from now on and closes it in `close()`. */
  storage: SyncStorage;
  /** How tokens are verified. */
  auth: AuthOptions;
  /** Change fan-out. Default: in-memory (one process). Closed in `close()`. */
  pubsub?: SyncPubSub;
  /**
   * Origins allowed to call from a browser, besides the server's own origin. Default
   * `['http://localhost:5173']` (the control center in development); `[]` allows the server's origin only.
   */
  corsOrigins?: string[];
  limits?: SyncServerLimits;
  /** Masks unexpected errors, turns GraphiQL off. Default: `NODE_ENV === 'production'`. */
  production?: boolean;
  /** A pino logger, or a level for the built-in one. Default level `info` (`silent` to mute). */
  logger?: Logger | pino.Level | 'silent';
  /** How long `close()` waits for in-flight requests before cutting them off. Default 10 s. */
  shutdownTimeoutMs?: number;
  /**
   * Extra Yoga plugins, run after the server's own routes: an app served from the same origin, extra
   * endpoints. They see every request the server's routes did not answer.
   */
  plugins?: Plugin[];
}

export interface ListenAddress {
  /** The GraphQL HTTP endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** The GraphQL stream endpoint, e.g. `ws://127.0.0.1:4000/graphql`. */
  wsUrl: string;
  /** `http://127.0.0.1:4000`: where `/healthz`, `/readyz` and `/sync/schemas` live. */
  origin: string;
  host: string;
  port: number;
}

export interface SyncServer {
  /** Runs migrations, then listens. Port 0 picks a free port. Default host `127.0.0.1`. */
  listen(port?: number, host?: string): Promise<ListenAddress>;
  /** Set once listening. */
  readonly address: ListenAddress | null;
  /** Shorthand for `address.url`; throws before `listen()`. */
  readonly url: string;
  /** Shorthand for `address.wsUrl`; throws before `listen()`. */
  readonly wsUrl: string;
  /** The settings `GET /sync/schemas` answers with. */
  readonly syncSchemas: SyncSchemas;
  /** Closes every stream with a retryable code: clients reconnect and RESYNC. */
  resync(): void;
  /** Stops accepting, finishes in-flight requests, closes sockets, pub/sub and storage. Idempotent. */
  close(): Promise<void>;
  readonly logger: Logger;
  readonly httpServer: Server;
}

/** `GET /sync/schemas`: each collection's input for RxDB's `*QueryBuilderFromRxSchema` functions. */
export interface SyncSchemas {
  graphqlPath: string;
  collections: Record<string, SyncCollection['replication'] & { primaryKey: string }>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

interface WsTransport {
  token: string | undefined;
  requestId: string;
  closeConnection: (code: number, reason: string) => void;
}

function createLogger(option: SyncServerOptions['logger']): Logger {
  if (option && typeof option === 'object') return option;
  return pino({ name: 'syncline-server', level: option ?? 'info' });
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const collections = defineCollections(options.collections);
  const verify = createTokenVerifier(options.auth);
  const storage = options.storage;
  const pubsub = options.pubsub ?? createInMemoryPubSub();
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const limits: ResolvedLimits = resolveLimits(collections, options.limits, { production });
  const logger = createLogger(options.logger);
  const corsOrigins = options.corsOrigins ?? DEFAULT_DEV_ORIGINS;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;

  const syncSchemas: SyncSchemas = {
    graphqlPath: GRAPHQL_PATH,
    collections: Object.fromEntries(collections.map((c) => [c.name, { ...c.replication, primaryKey: c.primaryKey }])),
  };
  const { schema, plugins: schemaPlugins } = createReplicationSchema({
    collections,
    storage,
    pubsub,
    validators: createValidators(collections),
    maxPushBatch: limits.pushBatch,
    maxPullLimit: limits.pullLimit,
    streamBuffer: limits.streamBuffer,
  });

  let address: ListenAddress | null = null;
  let closing: Promise<void> | null = null;
  const requestIds = new WeakMap<Request, { id: string; started: number }>();

  /**
   * The operation's identity: a token in the stream's `headers` argument when given (RxDB shares one socket
   * per URL, so one connection may carry streams of several tenants), else the transport's token (the HTTP
   * Authorization header, or the ws `connectionParams.headers`), verified once per operation.
   */
  function authenticator(transportToken: string | undefined): SyncContext['authenticate'] {
    let transport: Promise<Principal> | undefined;
    return (headerToken) => {
      const fromHeaders = tokenFromHeader(headerToken);
      if (fromHeaders) return verify(fromHeaders);
      transport ??= verify(transportToken);
      return transport;
    };
  }

  const isAllowedOrigin = (origin: string, request: Request) =>
    corsOrigins.includes(origin) || origin === new URL(request.url).origin;

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });

  const routes: Plugin = {
    onRequest({ request, url, endResponse }) {
      const given = request.headers.get('x-request-id');
      requestIds.set(request, {
        id: given && REQUEST_ID.test(given) ? given : randomUUID(),
        started: performance.now(),
      });
      if (closing && url.pathname !== '/healthz') {
        endResponse(json({ error: 'The server is shutting down; retry shortly.' }, 503));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/healthz') endResponse(json({ status: 'ok' }));
      else if (url.pathname === SCHEMAS_PATH) endResponse(json(syncSchemas));
      else if (url.pathname === '/readyz') {
        return storage.ping().then(
          () => endResponse(json({ status: 'ready', storage: storage.dialect })),
          (error: unknown) => {
            logger.warn({ err: error }, 'readiness check failed: storage unavailable');
            endResponse(json({ status: 'unavailable', storage: storage.dialect }, 503));
          },
        );
      }
    },
    onResponse({ request, response }) {
      const meta = requestIds.get(request);
      if (!meta) return;
      response.headers.set('x-request-id', meta.id);
      const path = new URL(request.url).pathname;
      if (path === '/healthz' || path === '/readyz') return;
      logger.info(
        {
          requestId: meta.id,
          method: request.method,
          path,
          status: response.status,
          ms: Math.round(performance.now() - meta.started),
        },
        'request',
      );
    },
  };

  const yoga = createYoga<{ transport?: WsTransport }, SyncContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: !production,
    maskedErrors: { isDev: !production && process.env.NODE_ENV === 'development' },
    maxRequestBodySize: limits.bodyBytes,
    batching: false,
    logging: {
      debug: (...args: unknown[]) => logger.debug(args.map(String).join(' ')),
      info: (...args: unknown[]) => logger.info(args.map(String).join(' ')),
      warn: (...args: unknown[]) => logger.warn(args.map(String).join(' ')),
      error: (...args: unknown[]) =>
        logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !isAllowedOrigin(origin, request)) return false;
      return {
        origin: [origin],
        credentials: true,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
        exposedHeaders: ['X-Request-Id'],
        maxAge: 600,
      };
    },
    context: (initial: YogaInitialContext & { transport?: WsTransport }): SyncContext => {
      if (initial.transport) {
        const { token, requestId, closeConnection } = initial.transport;
        return { authenticate: authenticator(token), log: logger.child({ requestId }), closeConnection };
      }
      const { request } = initial;
      return {
        authenticate: authenticator(tokenFromHeader(request.headers.get('authorization'))),
        log: logger.child({ requestId: requestIds.get(request)?.id ?? randomUUID() }),
      };
    },
    plugins: [
      routes,
      ...(options.plugins ?? []),
      armorPlugin(limits),
      ...(production ? [noIntrospection] : []),
      ...schemaPlugins,
    ],
  });

  // In-flight HTTP requests, so close() can let pushes finish before the storage closes.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const httpServer = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    yoga(req, res);
  });

  const wss = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: limits.bodyBytes,
    // Browsers send Origin on WebSocket upgrades and CORS does not apply to them: check it here.
    // Non-browser clients (Node) send none.
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) =>
      !origin || corsOrigins.includes(origin) || origin === `http://${req.headers.host}`,
  });

  const connectionToken = (params: Readonly<Record<string, unknown>> | undefined) => {
    const headers = params?.headers as Record<string, unknown> | undefined;
    const value = headers?.Authorization ?? headers?.authorization ?? params?.Authorization;
    return tokenFromHeader(typeof value === 'string' ? value : undefined);
  };

  attachGraphQLWs<Record<string, unknown> | undefined, { request: IncomingMessage; socket: import('ws').WebSocket }>(
    {
      // A token given at connection time must be valid; one given only in the stream's `headers` is checked
      // when the subscription starts.
      onConnect: async (ctx) => {
        if (closing) return false;
        const token = connectionToken(ctx.connectionParams);
        if (!token) return true;
        try {
          await verify(token);
          return true;
        } catch (error) {
          logger.info({ reason: (error as Error).message }, 'ws connection refused');
          return false;
        }
      },
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const transport: WsTransport = {
          token: connectionToken(ctx.connectionParams),
          requestId: randomUUID(),
          closeConnection: (code, reason) => ctx.extra.socket.close(code, reason),
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          transport,
        });
        // Parse and validation failures (syntax, Armor's limits) are answers to the client, not server faults.
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
          const errors = validate(schema, document);
          if (errors.length) return errors;
        } catch (error) {
          // By name, not instanceof: graphql's CommonJS and ESM builds may both be loaded.
          if (error instanceof Error && error.name === 'GraphQLError') return [error as GraphQLError];
          throw error;
        }
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );

  const closeStreams = (code: number, reason: string) => {
    for (const socket of wss.clients) socket.close(code, reason);
  };
  const stopResync = pubsub.onResync(() => {
    logger.warn('pub/sub reconnected: closing streams so clients resync');
    closeStreams(1012, 'Resync');
  });

  const requireAddress = () => {
    if (!address) throw new Error('The server is not listening yet: await listen() first.');
    return address;
  };

  async function shutdown(): Promise<void> {
    stopResync();
    logger.info({ inFlight, streams: wss.clients.size }, 'shutting down');
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    closeStreams(1001, 'Server shutting down');
    wss.close();
    if (inFlight > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, shutdownTimeoutMs);
        drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    httpServer.closeAllConnections();
    for (const socket of wss.clients) socket.terminate();
    if (address) await stopped;
    await pubsub.close();
    await storage.close();
    address = null;
    logger.info('stopped');
  }

  return {
    async listen(port = 4000, host = '127.0.0.1') {
      if (closing) throw new Error('This server was closed; create a new one.');
      await storage.migrate();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      const bound = (httpServer.address() as AddressInfo).port;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      const origin = `http://${urlHost}:${bound}`;
      address = {
        url: `${origin}${GRAPHQL_PATH}`,
        wsUrl: `ws://${urlHost}:${bound}${GRAPHQL_PATH}`,
        origin,
        host,
        port: bound,
      };
      logger.info(
        { url: address.url, storage: storage.dialect, collections: Object.keys(options.collections) },
        'listening',
      );
      return address;
    },
    get address() {
      return address;
    },
    get url() {
      return requireAddress().url;
    },
    get wsUrl() {
      return requireAddress().wsUrl;
    },
    syncSchemas,
    resync: () => closeStreams(1012, 'Resync'),
    close() {
      closing ??= shutdown();
      return closing;
    },
    logger,
    httpServer,
  };
}
