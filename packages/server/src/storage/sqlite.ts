// The default, embedded storage: one SQLite file through better-sqlite3, in WAL mode, behind Kysely.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselySyncStorage, type SyncDatabase } from './kysely-storage.js';
import type { SyncStorage } from './types.js';

/**
 * SQLite's `synchronous` setting, in WAL mode:
 * - `FULL` (default): every commit is fsynced before the push is answered, so an acknowledged push survives
 *   a process crash and a power loss or OS crash too.
 * - `NORMAL`: the WAL is fsynced only at checkpoints. An acknowledged push still survives a process crash
 *   (the WAL is in the OS's hands), but the last commits can roll back on power loss. Faster writes.
 */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

export interface SqliteStorageOptions {
  /** The database file (its folder is created), or `:memory:` for a throwaway database. */
  path: string;
  synchronous?: SqliteSynchronous;
  /** The wall clock, in milliseconds (tests). */
  now?: () => number;
}

export function createSqliteStorage({ path, synchronous = 'FULL', now }: SqliteStorageOptions): SyncStorage {
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    throw new Error(`SQLite synchronous must be "FULL" or "NORMAL", not "${String(synchronous)}".`);
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<SyncDatabase>({ dialect: new SqliteDialect({ database }) });
  return new KyselySyncStorage({ db, dialect: 'sqlite', ...(now ? { now } : {}) });
}
