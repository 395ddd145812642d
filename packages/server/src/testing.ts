// @syncline/server/testing: a real sync server on a random loopback port, for any suite that needs one
// (data layer, sync, chaos, e2e). Known JWT secret, a SQLite file in a temp folder (or a fresh PostgreSQL
// schema, and Redis fan-out, when asked), files on disk (or in PostgreSQL, or under a prefix of their own in an
// S3 bucket), restart on the same port.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import WebSocket from 'ws';
import { signToken } from './auth.js';
import type { CollectionSchemas } from './collections.js';
import type { SyncPubSub } from './pubsub.js';
import type { S3FileStoreOptions } from './s3-file-store.js';
import { createSyncServer, type SyncServer, type SyncServerOptions } from './server.js';
import { createSqliteStorage } from './storage/sqlite.js';
import type { SyncStorage } from './storage/types.js';

/** The secret every test server signs and verifies tokens with. */
export const TEST_JWT_SECRET = 'syncline-test-secret-do-not-use-in-production-0123456789';

export interface StartTestServerOptions {
  collections: CollectionSchemas;
  /** A SQLite file to use (kept on close). Default: a new file in a temp folder, removed on close. */
  dbPath?: string;
  /**
   * PostgreSQL instead of SQLite: a URL of a database this helper may create schemas in. The server gets a
   * schema of its own (`databaseUrl` points into it), dropped on close.
   */
  postgresUrl?: string;
  /**
   * Where files are kept: `disk` (default, a folder) or `postgres` (needs `postgresUrl`: the tables beside the
   * documents, in the server's schema).
   */
  fileStore?: 'disk' | 'postgres' | 's3';
  /**
   * With `fileStore: 's3'`: the bucket and its key. Without a `prefix`, the server's files go under one of their
   * own (`syncline-<random>`), so servers can share a bucket without seeing each other's files.
   */
  s3?: S3FileStoreOptions;
  /** Redis fan-out (`redis://…`) instead of the in-memory bus. */
  redisUrl?: string;
  /** Default 0: a free port, kept across `restart()`. */
  port?: number;
  /** Seconds of clock skew tolerated on a token's expiry. Default 5, as in production. */
  clockToleranceSeconds?: number;
  /** Anything else `createSyncServer` takes (limits, corsOrigins, pubsub, logger...). Default logger: silent. */
  serverOptions?: Partial<Omit<SyncServerOptions, 'collections' | 'storage' | 'auth'>>;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT/graphql` */
  readonly url: string;
  /** `ws://127.0.0.1:PORT/graphql` */
  readonly wsUrl: string;
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  /** The SQLite file (empty with `postgresUrl`). */
  readonly dbPath: string;
  /** The folder the server keeps files in (unused with `fileStore: 'postgres'`). */
  readonly filesDir: string;
  /** With `fileStore: 's3'`: where its files are, prefix included (another process can serve them too). */
  readonly s3: S3FileStoreOptions | null;
  /** `sqlite` or `postgres`. */
  readonly engine: 'sqlite' | 'postgres';
  /** With `postgresUrl`: the URL of this server's own schema (another process can serve it too). */
  readonly databaseUrl: string | null;
  /**
   * A second storage handle on the same database, as another process would have (writes through it publish
   * nothing). The caller closes it.
   */
  openStorage(): Promise<SyncStorage>;
  /** The running server (replaced by `restart()`). */
  readonly server: SyncServer;
  /** A valid token (no `Bearer ` prefix) for `tenant`. Default lifetime 1 h. */
  token(tenant: string, sub?: string, ttl?: string | number): Promise<string>;
  /** `{ Authorization: 'Bearer …' }` for `tenant`. */
  headers(tenant: string, sub?: string): Promise<{ Authorization: string }>;
  /**
   * Closes the server (as in a graceful shutdown) and starts a new one on the same port and file;
   * `whileStopped` runs in between (to change the database behind the server's back, say).
   */
  restart(options?: { whileStopped?: () => Promise<void> }): Promise<void>;
  /** Stops it for good and removes the temp folder it made. */
  close(): Promise<void>;
}

/** A URL whose connections use `schema` (node-postgres passes `options` on to the server). */
export function postgresSchemaUrl(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/**
 * A new, empty schema in the PostgreSQL database at `adminUrl` (the role needs CREATE there): `url` reaches it,
 * `drop()` removes it and everything in it.
 */
export async function createPostgresSchema(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const schema = `syncline_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  return { url: postgresSchemaUrl(adminUrl, schema), drop: () => run(`drop schema if exists ${schema} cascade`) };
}

export async function startTestServer(options: StartTestServerOptions): Promise<TestServer> {
  const postgres = options.postgresUrl ? await createPostgresSchema(options.postgresUrl) : null;
  const tempDir = options.dbPath || postgres ? null : mkdtempSync(join(tmpdir(), 'syncline-server-'));
  const dbPath = postgres ? '' : (options.dbPath ?? join(tempDir as string, 'sync.sqlite'));
  // files beside the SQLite file; on PostgreSQL in a folder of their own, removed on close
  const givenFiles = options.serverOptions?.files;
  const filesTemp = givenFiles || !postgres ? null : mkdtempSync(join(tmpdir(), 'syncline-files-'));
  const filesDir =
    (givenFiles && 'directory' in givenFiles ? givenFiles.directory : undefined) ??
    filesTemp ??
    join(dirname(dbPath), 'files');

  const openStorage = async (): Promise<SyncStorage> => {
    if (!postgres) return createSqliteStorage({ path: dbPath });
    const { createPostgresStorage } = await import('./storage/postgres.js');
    return createPostgresStorage({ connectionString: postgres.url, maxConnections: 4 });
  };
  const openPubSub = async (): Promise<SyncPubSub | undefined> => {
    if (!options.redisUrl) return options.serverOptions?.pubsub;
    const { createRedisPubSub } = await import('./redis-pubsub.js');
    const { pino } = await import('pino');
    const pubsub = createRedisPubSub({
      url: options.redisUrl,
      logger: pino({ level: 'silent' }),
      connectionName: `syncline-test:${randomUUID()}`,
    });
    await pubsub.ready();
    return pubsub;
  };

  if (options.fileStore === 'postgres' && !postgres) {
    throw new Error("fileStore: 'postgres' keeps files beside the documents: give postgresUrl too.");
  }
  if (options.fileStore === 's3' && !options.s3) throw new Error("fileStore: 's3' needs s3: { endpoint, bucket, … }.");
  const s3 =
    options.fileStore === 's3' && options.s3
      ? { ...options.s3, prefix: options.s3.prefix ?? `syncline-${randomUUID().slice(0, 8)}` }
      : null;
  const openFiles = async (): Promise<NonNullable<SyncServerOptions['files']>> => {
    if (givenFiles && 'store' in givenFiles) return givenFiles;
    if (s3) {
      const { S3FileStore } = await import('./s3-file-store.js');
      return { store: new S3FileStore(s3) };
    }
    if (options.fileStore !== 'postgres' || !postgres) return { directory: filesDir };
    const { PostgresFileStore } = await import('./postgres-file-store.js');
    return { store: new PostgresFileStore({ connectionString: postgres.url, maxConnections: 4 }) };
  };

  const start = async (port: number) => {
    const pubsub = await openPubSub();
    const server = createSyncServer({
      logger: 'silent',
      ...options.serverOptions,
      ...(pubsub ? { pubsub } : {}),
      collections: options.collections,
      storage: await openStorage(),
      files: { ...(await openFiles()), ...(givenFiles?.orphans ? { orphans: givenFiles.orphans } : {}) },
      auth: {
        secret: TEST_JWT_SECRET,
        ...(options.clockToleranceSeconds === undefined
          ? {}
          : { clockToleranceSeconds: options.clockToleranceSeconds }),
      },
    });
    const address = await server.listen(port, '127.0.0.1');
    return { server, address };
  };

  let current = await start(options.port ?? 0);
  const port = current.address.port;
  const token = (tenant: string, sub?: string, ttl: string | number = '1h') =>
    signToken({ secret: TEST_JWT_SECRET, tenant, ttl, ...(sub ? { sub } : {}) });

  return {
    get url() {
      return current.address.url;
    },
    get wsUrl() {
      return current.address.wsUrl;
    },
    get origin() {
      return current.address.origin;
    },
    port,
    dbPath,
    filesDir,
    engine: postgres ? 'postgres' : 'sqlite',
    databaseUrl: postgres?.url ?? null,
    s3,
    openStorage,
    get server() {
      return current.server;
    },
    token,
    headers: async (tenant, sub) => ({ Authorization: `Bearer ${await token(tenant, sub)}` }),
    async restart({ whileStopped } = {}) {
      await current.server.close();
      await whileStopped?.();
      current = await start(port);
    },
    async close() {
      await current.server.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      if (filesTemp) rmSync(filesTemp, { recursive: true, force: true });
      await postgres?.drop();
    },
  };
}

/**
 * Opens a stream socket to `wsUrl` as a page at `origin` would (plus `headers`, as a proxy or a forger adds them;
 * `ca` trusts a test certificate): 'open', or the HTTP status of the refusal.
 */
export function upgradeFrom(
  wsUrl: string,
  origin: string,
  { headers = {}, ca }: { headers?: Record<string, string>; ca?: string } = {},
): Promise<string> {
  return new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws', { origin, headers, ...(ca ? { ca } : {}) });
    ws.on('error', (error) => resolve(`error: ${error.message}`));
    ws.on('unexpected-response', (request, response) => {
      request.destroy();
      resolve(String(response.statusCode));
    });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
  });
}
