// PostgreSQL storage for running several server instances over one database: node-postgres (`pg`) behind
// Kysely's PostgresDialect, the same KyselySyncStorage and migrations as SQLite. Each write transaction locks its
// tenant's clock row first, so `updatedAt` allocation order is commit order and no pull can skip a late commit.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselySyncStorage, type SyncDatabase } from './kysely-storage.js';
import type { SyncStorage } from './types.js';

export interface PostgresStorageOptions {
  /** `postgres://user:password@host:5432/database` (any libpq-style URL node-postgres reads). */
  connectionString: string;
  /** Most connections this instance opens. Default 10. */
  maxConnections?: number;
  /**
   * Called when an idle pooled connection fails (the database restarted, a network cut). The pool drops it and
   * opens a new one when needed; this is only for the log. Default: a line on stderr.
   */
  onConnectionError?: (error: Error) => void;
  /** The wall clock, in milliseconds (tests). */
  now?: () => number;
  /**
   * Serialise `updatedAt` allocation per tenant (the default, and the only safe setting with concurrent
   * writers). Tests turn it off to show what it prevents.
   */
  lockClockRow?: boolean;
}

const INT8_OID = 20;

/** `bigint` columns come back as numbers: `updatedAt` values are milliseconds, well inside 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** A Kysely over a node-postgres pool, `bigint` read as numbers; `T` is the tables it queries. */
export function connectPostgres<T>(
  options: Pick<PostgresStorageOptions, 'connectionString' | 'maxConnections' | 'onConnectionError'>,
): Kysely<T> {
  const pool = new pg.Pool({ connectionString: options.connectionString, max: options.maxConnections ?? 10, types });
  // Without a listener, an idle connection's failure would be an uncaught 'error' event and end the process.
  const onConnectionError =
    options.onConnectionError ??
    ((error: Error) => process.stderr.write(`syncline-server: PostgreSQL connection lost: ${error.message}\n`));
  pool.on('error', onConnectionError);
  return new Kysely<T>({ dialect: new PostgresDialect({ pool }) });
}

export function createPostgresStorage(options: PostgresStorageOptions): SyncStorage {
  const db = connectPostgres<SyncDatabase>(options);
  return new KyselySyncStorage({
    db,
    dialect: 'postgres',
    lockClockRow: options.lockClockRow ?? true,
    ...(options.now ? { now: options.now } : {}),
  });
}
