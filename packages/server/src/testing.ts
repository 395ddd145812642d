// @syncline/server/testing: a real sync server on a random loopback port, for any suite that needs one
// (data layer, sync, chaos, e2e). Known JWT secret, a SQLite file in a temp folder, restart on the same port.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from './auth.js';
import type { CollectionSchemas } from './collections.js';
import { createSyncServer, type SyncServer, type SyncServerOptions } from './server.js';
import { createSqliteStorage } from './storage/sqlite.js';

/** The secret every test server signs and verifies tokens with. */
export const TEST_JWT_SECRET = 'syncline-test-secret-do-not-use-in-production-0123456789';

export interface StartTestServerOptions {
  collections: CollectionSchemas;
  /** A SQLite file to use (kept on close). Default: a new file in a temp folder, removed on close. */
  dbPath?: string;
  /** Default 0: a free port, kept across `restart()`. */
  port?: number;
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
  readonly dbPath: string;
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

export async function startTestServer(options: StartTestServerOptions): Promise<TestServer> {
  const tempDir = options.dbPath ? null : mkdtempSync(join(tmpdir(), 'syncline-server-'));
  const dbPath = options.dbPath ?? join(tempDir as string, 'sync.sqlite');

  const start = async (port: number) => {
    const server = createSyncServer({
      logger: 'silent',
      ...options.serverOptions,
      collections: options.collections,
      storage: createSqliteStorage({ path: dbPath }),
      auth: { secret: TEST_JWT_SECRET },
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
    },
  };
}
