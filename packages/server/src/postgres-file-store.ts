// Files kept in PostgreSQL, for server processes that share one database: any of them takes the next chunk of an
// upload another began, and serves a file another completed. A file is a row (what was declared, how many bytes are
// in, whether it is complete) and its chunks, one row each as they arrived; each PUT's work runs in one transaction
// holding an advisory lock on the file, so two processes never interleave bytes, and the bytes a PUT answered for
// survive a killed process. A file is served chunk by chunk, never loaded whole.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  FILE_HEAD_BYTES,
  type FileKey,
  type FileStatus,
  type FileStore,
  fileName,
  KeyedQueue,
  receivedProblem,
  type StaleFile,
  type StoredFile,
} from './file-store.js';
import { runMigrations } from './storage/migrations.js';
import { connectPostgres, type PostgresStorageOptions } from './storage/postgres.js';

interface FileDatabase {
  sync_files: {
    tenant: string;
    collection: string;
    id: string;
    type: string;
    size: number;
    sha256: string;
    received: number;
    complete: number;
    /** ms since the epoch: the last chunk, or completion */
    changed_at: number;
  };
  sync_file_chunks: {
    tenant: string;
    collection: string;
    id: string;
    /** the chunk's first byte in the file */
    position: number;
    bytes: Uint8Array;
  };
  sync_file_thumbnails: {
    tenant: string;
    collection: string;
    id: string;
    bytes: Uint8Array;
  };
}

const migrations = {
  '0001_files_and_chunks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sync_files')
        .addColumn('tenant', 'text', (col) => col.notNull())
        .addColumn('collection', 'text', (col) => col.notNull())
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        .addColumn('size', 'bigint', (col) => col.notNull())
        .addColumn('sha256', 'text', (col) => col.notNull())
        .addColumn('received', 'bigint', (col) => col.notNull())
        .addColumn('complete', 'integer', (col) => col.notNull())
        .addColumn('changed_at', 'bigint', (col) => col.notNull())
        .addPrimaryKeyConstraint('sync_files_pk', ['tenant', 'collection', 'id'])
        .execute();
      await db.schema
        .createTable('sync_file_chunks')
        .addColumn('tenant', 'text', (col) => col.notNull())
        .addColumn('collection', 'text', (col) => col.notNull())
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('position', 'bigint', (col) => col.notNull())
        .addColumn('bytes', 'bytea', (col) => col.notNull())
        .addPrimaryKeyConstraint('sync_file_chunks_pk', ['tenant', 'collection', 'id', 'position'])
        .addForeignKeyConstraint(
          'sync_file_chunks_file',
          ['tenant', 'collection', 'id'],
          'sync_files',
          ['tenant', 'collection', 'id'],
          (fk) => fk.onDelete('cascade'),
        )
        .execute();
    },
  },
  '0002_thumbnails': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('sync_file_thumbnails')
        .addColumn('tenant', 'text', (col) => col.notNull())
        .addColumn('collection', 'text', (col) => col.notNull())
        .addColumn('id', 'text', (col) => col.notNull())
        .addColumn('bytes', 'bytea', (col) => col.notNull())
        .addPrimaryKeyConstraint('sync_file_thumbnails_pk', ['tenant', 'collection', 'id'])
        .addForeignKeyConstraint(
          'sync_file_thumbnails_file',
          ['tenant', 'collection', 'id'],
          'sync_files',
          ['tenant', 'collection', 'id'],
          (fk) => fk.onDelete('cascade'),
        )
        .execute();
    },
  },
};

/** A file's key as its columns (a key object may carry more). */
const keyColumns = ({ tenant, collection, id }: FileKey) => ({ tenant, collection, id });

export type PostgresFileStoreOptions = Pick<
  PostgresStorageOptions,
  'connectionString' | 'maxConnections' | 'onConnectionError'
> & {
  /** The wall clock, in milliseconds (tests). */
  now?: () => number;
};

export class PostgresFileStore implements FileStore {
  readonly kind = 'postgres';
  readonly #db: Kysely<FileDatabase>;
  readonly #now: () => number;
  readonly #queue = new KeyedQueue();
  /** the transaction of the `exclusive` work running, which every query inside it goes through */
  readonly #session = new AsyncLocalStorage<Transaction<FileDatabase>>();

  constructor(options: PostgresFileStoreOptions) {
    this.#db = connectPostgres<FileDatabase>({ maxConnections: 5, ...options });
    this.#now = options.now ?? Date.now;
  }

  get #query(): Kysely<FileDatabase> {
    return this.#session.getStore() ?? this.#db;
  }

  #rows(table: keyof FileDatabase, key: FileKey) {
    return this.#query.selectFrom(table).where((eb) => eb.and(keyColumns(key)));
  }

  migrate(): Promise<void> {
    return runMigrations(this.#db, { dialect: 'postgres', migrations, table: 'sync_file_migrations' });
  }

  exclusive<T>(key: FileKey, work: () => Promise<T>): Promise<T> {
    const name = fileName(key);
    // in-process first, so waiting PUTs of this process hold no connection; then across processes
    return this.#queue.run(name, () =>
      this.#db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`.execute(trx);
        return this.#session.run(trx, work);
      }),
    );
  }

  async status(key: FileKey): Promise<FileStatus> {
    const row = await this.#rows('sync_files', key)
      .select(['type', 'size', 'sha256', 'received', 'complete'])
      .executeTakeFirst();
    if (!row) return { state: 'absent' };
    const file = { type: row.type, size: Number(row.size), sha256: row.sha256 };
    return Number(row.complete) === 1
      ? { state: 'complete', file }
      : { state: 'partial', file, received: Number(row.received) };
  }

  async begin(key: FileKey, file: StoredFile): Promise<void> {
    await this.#discard(key);
    await this.#query
      .insertInto('sync_files')
      .values({ ...keyColumns(key), ...file, received: 0, complete: 0, changed_at: this.#now() })
      .execute();
  }

  async append(key: FileKey, offset: number, bytes: Uint8Array): Promise<number> {
    const received = offset + bytes.length;
    await this.#query
      .insertInto('sync_file_chunks')
      .values({ ...keyColumns(key), position: offset, bytes })
      .execute();
    await this.#query
      .updateTable('sync_files')
      .set({ received, changed_at: this.#now() })
      .where((eb) => eb.and(keyColumns(key)))
      .execute();
    return received;
  }

  async complete(key: FileKey, file: StoredFile): Promise<void> {
    const hash = createHash('sha256');
    const head: number[] = [];
    for await (const chunk of this.#chunks(key)) {
      hash.update(chunk);
      if (head.length < FILE_HEAD_BYTES) head.push(...chunk.subarray(0, FILE_HEAD_BYTES - head.length));
    }
    const problem = receivedProblem(file, hash.digest('hex'), Uint8Array.from(head));
    if (problem) {
      await this.#discard(key);
      throw problem;
    }
    await this.#query
      .updateTable('sync_files')
      .set({ complete: 1, changed_at: this.#now() })
      .where((eb) => eb.and(keyColumns(key)))
      .execute();
  }

  read(key: FileKey): Readable {
    return Readable.from(this.#chunks(key));
  }

  async readThumbnail(key: FileKey): Promise<Uint8Array | undefined> {
    return (await this.#rows('sync_file_thumbnails', key).select('bytes').executeTakeFirst())?.bytes;
  }

  async putThumbnail(key: FileKey, bytes: Uint8Array): Promise<void> {
    await this.#query
      .insertInto('sync_file_thumbnails')
      .values({ ...keyColumns(key), bytes })
      .onConflict((oc) => oc.columns(['tenant', 'collection', 'id']).doUpdateSet({ bytes }))
      .execute();
  }

  async *unchangedSince(before: number): AsyncGenerator<StaleFile> {
    const rows = await this.#db
      .selectFrom('sync_files')
      .select(['tenant', 'collection', 'id', 'complete', 'changed_at'])
      .where('changed_at', '<', before)
      .execute();
    for (const { complete, changed_at, ...key } of rows) {
      yield { key, state: Number(complete) === 1 ? 'complete' : 'partial', changedAt: Number(changed_at) };
    }
  }

  async remove(key: FileKey, before: number): Promise<boolean> {
    const { numDeletedRows } = await this.#query
      .deleteFrom('sync_files')
      .where((eb) => eb.and(keyColumns(key)))
      .where('changed_at', '<', before)
      .executeTakeFirst();
    return Number(numDeletedRows) > 0;
  }

  /** The file's chunks in order, one query each: never more than one chunk in memory. */
  async *#chunks(key: FileKey): AsyncGenerator<Uint8Array> {
    let after = -1;
    for (;;) {
      const row = await this.#rows('sync_file_chunks', key)
        .select(['position', 'bytes'])
        .where('position', '>', after)
        .orderBy('position')
        .limit(1)
        .executeTakeFirst();
      if (!row) return;
      after = Number(row.position);
      yield row.bytes;
    }
  }

  async #discard(key: FileKey): Promise<void> {
    // the chunks and the thumbnail go with the file (on delete cascade)
    await this.#query
      .deleteFrom('sync_files')
      .where((eb) => eb.and(keyColumns(key)))
      .execute();
  }

  #closed: Promise<void> | undefined;

  close(): Promise<void> {
    this.#closed ??= this.#db.destroy();
    return this.#closed;
  }
}
