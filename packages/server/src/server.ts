// createSyncServer: the HTTP + WebSocket server where every client's writes meet. GraphQL Yoga serves the
// replication API on /graphql (HTTP) and graphql-ws serves its stream on the same port and path, through
// Yoga's envelop so every plugin (auth, Armor, masking) runs on ws operations too. This module puts the pieces
// together: routes (http-routes.ts), GraphQL (yoga.ts), streams (ws-streams.ts), start and stop (lifecycle.ts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, type ServerOptions as TlsOptions } from 'node:https';
import { STREAM_CLOSE } from '@syncline/protocol';
import type { Plugin } from 'graphql-yoga';
import type { Logger, pino } from 'pino';
import { type AuditOptions, auditRetention } from './audit-retention.js';
import { type AuthOptions, createTokenVerifier } from './auth.js';
import { type CollectionSchemas, defineCollections, type SyncCollection } from './collections.js';
import { DiskFileStore } from './disk-file-store.js';
import { defaultCorsOrigins, GRAPHQL_PATH } from './endpoints.js';
import { fileRoutes } from './file-routes.js';
import type { FileStore } from './file-store.js';
import { createHttpRoutes } from './http-routes.js';
import { type ListenAddress, ServerLifecycle, TrafficGate } from './lifecycle.js';
import { resolveLimits, type SyncServerLimits } from './limits.js';
import { createLogger } from './logger.js';
import { SyncMonitor } from './monitoring.js';
import { type OrphanFileOptions, orphanSweep } from './orphan-files.js';
import { createInMemoryPubSub, type SyncPubSub } from './pubsub.js';
import type { SyncStorage } from './storage/types.js';
import { createTenantRateLimit } from './tenant-rate-limit.js';
import { serveStreams } from './ws-streams.js';
import { createSyncYoga } from './yoga.js';

export type { ListenAddress } from './lifecycle.js';

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
   * Origins allowed to call from a browser, besides the server's own origin. Default outside production
   * `['http://localhost:5173']` (the control center in development); in production `[]`: the server's origin only.
   */
  corsOrigins?: string[];
  /**
   * The server runs behind a reverse proxy that sets `Forwarded` or `X-Forwarded-Proto` / `X-Forwarded-Host`:
   * the server's own origin (for CORS and the stream's Origin check) is read from them. Default false: those
   * headers are ignored, since any client can send them. Set it only when every request comes through a proxy
   * that overwrites them.
   */
  trustProxy?: boolean;
  /** Serve HTTPS and WSS: a certificate and its key (PEM), as `https.createServer` takes them. Default: plain HTTP. */
  tls?: Pick<TlsOptions, 'cert' | 'key' | 'ca' | 'passphrase'>;
  limits?: SyncServerLimits;
  /** Masks unexpected errors, turns GraphiQL off. Default: `NODE_ENV === 'production'`. */
  production?: boolean;
  /** A pino logger, or a level for the built-in one. Default level `info` (`silent` to mute). */
  logger?: Logger | pino.Level | 'silent';
  /** How long `close()` waits for in-flight requests before cutting them off. Default 10 s. */
  shutdownTimeoutMs?: number;
  /**
   * Where the files documents carry are kept (see file-store.ts): a folder on local disk (`directory`), or any
   * FileStore (`store`: a PostgresFileStore when several processes share one database; the server migrates and
   * closes it). Required when a collection declares `files`; the CLI gives `files/` beside the database, or
   * PostgreSQL with `--database-url`.
   */
  files?: ({ directory: string } | { store: FileStore }) & {
    /** Files no document names, and partial uploads, removed after a grace period (see orphan-files.ts). */
    orphans?: OrphanFileOptions;
  };
  /** The audit trail's retention (default: entries kept 365 days, old ones removed hourly). */
  audit?: AuditOptions;
  /** `GET /metrics` and the `syncMonitor` query (see monitoring.ts) */
  monitoring?: MonitoringOptions;
  /**
   * Extra Yoga plugins, run after the server's own routes: an app served from the same origin, extra
   * endpoints. They see every request the server's routes did not answer.
   */
  plugins?: Plugin[];
}

export interface MonitoringOptions {
  /**
   * When set, `GET /metrics` asks for `Authorization: Bearer <metricsToken>`. Without one it is open in development
   * and refused in production (tenant names are in its labels).
   */
  metricsToken?: string;
  /** label the metrics by tenant; default true (turn off for very many tenants) */
  perTenant?: boolean;
  /** the roles that may read their tenant's `syncMonitor` report; default `['owner', 'manager']` */
  roles?: string[];
}

export interface SyncServer {
  /**
   * Runs migrations, then listens, and removes audit entries past their retention. Port 0 picks a free port.
   * Default host `127.0.0.1`.
   */
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

/**
 * `GET /sync/schemas`: each collection's input for RxDB's `*QueryBuilderFromRxSchema` functions, and who may do what
 * (the schema's `permissions`) and how clients sync it (its `sync` options), beside it: a stock RxDB refuses those keys
 * inside a schema.
 */
export interface SyncSchemas {
  graphqlPath: string;
  collections: Record<
    string,
    SyncCollection['replication'] & {
      primaryKey: string;
      permissions?: SyncCollection['permissions'];
      sync?: SyncCollection['sync'];
      files?: SyncCollection['files'];
    }
  >;
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const collections = defineCollections(options.collections);
  const verify = createTokenVerifier(options.auth);
  const { storage } = options;
  const pubsub = options.pubsub ?? createInMemoryPubSub();
  const production = options.production ?? process.env.NODE_ENV === 'production';
  const limits = resolveLimits(collections, options.limits, { production });
  const logger = createLogger(options.logger);
  const corsOrigins = options.corsOrigins ?? defaultCorsOrigins(production);
  const trustProxy = options.trustProxy ?? false;
  const rateLimit =
    limits.tenantRate > 0
      ? createTenantRateLimit({ verify, perSecond: limits.tenantRate, burst: limits.tenantBurst })
      : null;

  const syncSchemas: SyncSchemas = {
    graphqlPath: GRAPHQL_PATH,
    collections: Object.fromEntries(
      collections.map((c) => [
        c.name,
        {
          ...c.replication,
          primaryKey: c.primaryKey,
          ...(c.permissions ? { permissions: c.permissions } : {}),
          ...(c.sync ? { sync: c.sync } : {}),
          ...(c.files ? { files: c.files } : {}),
        },
      ]),
    ),
  };
  const withFiles = collections.filter((c) => c.files).map((c) => c.name);
  if (withFiles.length > 0 && !options.files) {
    throw new Error(
      `Collections ${withFiles.join(', ')} take files: give the server a place to keep them (files: { directory } or { store }, or --files-dir).`,
    );
  }
  const fileStore = options.files
    ? 'store' in options.files
      ? options.files.store
      : new DiskFileStore(options.files.directory)
    : null;
  const files = fileStore ? fileRoutes({ collections, store: fileStore, verify, logger }) : null;
  const orphans = fileStore
    ? orphanSweep({ store: fileStore, storage, collections, logger }, options.files?.orphans)
    : null;
  const gate = new TrafficGate();
  const isClosing = () => gate.closing;
  const monitoring = options.monitoring ?? {};
  const monitor = new SyncMonitor({ perTenant: monitoring.perTenant });
  const routes = createHttpRoutes({
    syncSchemas,
    storage,
    logger,
    isClosing,
    metrics: { monitor, token: monitoring.metricsToken, production },
  });
  const yoga = createSyncYoga({
    collections,
    storage,
    pubsub,
    limits,
    production,
    logger,
    verify,
    corsOrigins,
    trustProxy,
    routes: routes.plugin,
    rateLimit: rateLimit?.plugin ?? null,
    plugins: [...(files ? [files] : []), ...(options.plugins ?? [])],
    requestIdOf: routes.requestIdOf,
    monitor,
    monitorRoles: monitoring.roles ?? ['owner', 'manager'],
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    gate.track(res);
    yoga(req, res);
  };
  // an HTTPS server is an HTTP server over TLS: every part below uses only what both have
  const httpServer = options.tls ? (createTlsServer(options.tls, handle) as unknown as Server) : createServer(handle);
  const streams = serveStreams({
    httpServer,
    yoga,
    verify,
    corsOrigins,
    trustProxy,
    rateLimit,
    maxPayload: limits.bodyBytes,
    logger,
    isClosing,
  });
  const lifecycle = new ServerLifecycle({
    httpServer,
    gate,
    streams,
    pubsub,
    storage,
    logger,
    shutdownTimeoutMs: options.shutdownTimeoutMs ?? 10_000,
    collectionNames: Object.keys(options.collections),
    secure: Boolean(options.tls),
  });

  const retention = auditRetention(storage, logger, options.audit);

  const requireAddress = () => {
    if (!lifecycle.address) throw new Error('The server is not listening yet: await listen() first.');
    return lifecycle.address;
  };

  return {
    listen: async (port = 4000, host = '127.0.0.1') => {
      await fileStore?.migrate();
      const address = await lifecycle.listen(port, host);
      await retention.start();
      await orphans?.start();
      return address;
    },
    get address() {
      return lifecycle.address;
    },
    get url() {
      return requireAddress().url;
    },
    get wsUrl() {
      return requireAddress().wsUrl;
    },
    syncSchemas,
    resync: () => streams.closeAll(STREAM_CLOSE.resync, 'Resync'),
    close: async () => {
      retention.stop();
      orphans?.stop();
      await lifecycle.close();
      await fileStore?.close();
    },
    logger,
    httpServer,
  };
}
