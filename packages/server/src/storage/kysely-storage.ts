// SyncStorage over any Kysely dialect. Everything dialect-specific is a constructor option, so PostgreSQL is a
// new dialect plus `lockClockRow: true` (storage/postgres.ts), not a second implementation.

import type { AuditFieldChange, AuditOperation, PlainDocument } from '@syncline/protocol';
import { type Kysely, sql } from 'kysely';
import { migrationsFor, runMigrations } from './migrations.js';
import type {
  AuditRecord,
  AuditRequest,
  LookupQuery,
  PullRequest,
  StoredDocument,
  SyncStorage,
  SyncTransaction,
} from './types.js';

export interface SyncDatabase {
  sync_documents: {
    tenant: string;
    collection: string;
    id: string;
    updated_at: number;
    deleted: number;
    data: string;
  };
  sync_tenant_clocks: {
    tenant: string;
    last_updated_at: number;
  };
  sync_audit: {
    tenant: string;
    collection: string;
    document_id: string;
    updated_at: number;
    recorded_at: number;
    operation: string;
    subject: string | null;
    role: string;
    conflict_resolution: number;
    /** JSON: the changed fields, `[{ field, from, to }]` */
    changes: string;
  };
}

export interface KyselySyncStorageOptions {
  db: Kysely<SyncDatabase>;
  dialect: string;
  /**
   * Lock the tenant's clock row (`SELECT ... FOR UPDATE`) at the start of each write transaction. Needed where
   * transactions run concurrently (PostgreSQL), so allocation order is commit order; SQLite has one writer.
   */
  lockClockRow?: boolean;
  /** The wall clock, in milliseconds. Tests replace it to step time back. */
  now?: () => number;
}

// `updatedAt` values are milliseconds, far below this; a checkpoint at or past it has nothing after it.
const MAX_UPDATED_AT = Number.MAX_SAFE_INTEGER;

// Far below SQLite's (32,766) and PostgreSQL's (65,535) bound-parameter limits: 500 ids to read, or 500 rows of
// six columns to write, per statement.
const READ_CHUNK = 500;
const WRITE_CHUNK = 500;
// ten columns an entry
const AUDIT_CHUNK = 500;

type Row = Pick<SyncDatabase['sync_documents'], 'id' | 'updated_at' | 'deleted' | 'data'>;

function toStored(row: Row): StoredDocument {
  return {
    id: row.id,
    updatedAt: Number(row.updated_at),
    deleted: Number(row.deleted) === 1,
    data: JSON.parse(row.data) as PlainDocument,
  };
}

function toAuditRecord(row: Omit<SyncDatabase['sync_audit'], 'tenant'>): AuditRecord {
  return {
    collection: row.collection,
    documentId: row.document_id,
    operation: row.operation as AuditOperation,
    subject: row.subject,
    role: row.role,
    recordedAt: Number(row.recorded_at),
    updatedAt: Number(row.updated_at),
    conflictResolution: Number(row.conflict_resolution) === 1,
    changes: JSON.parse(row.changes) as AuditFieldChange[],
  };
}

export class KyselySyncStorage implements SyncStorage {
  readonly dialect: string;
  readonly #db: Kysely<SyncDatabase>;
  readonly #lockClockRow: boolean;
  readonly #now: () => number;

  constructor(options: KyselySyncStorageOptions) {
    this.#db = options.db;
    this.dialect = options.dialect;
    this.#lockClockRow = options.lockClockRow ?? false;
    this.#now = options.now ?? Date.now;
  }

  async migrate(): Promise<void> {
    await runMigrations(this.#db, {
      dialect: this.dialect,
      migrations: migrationsFor(this.dialect),
      table: 'sync_migrations',
    });
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.#db);
  }

  /** The rows of one tenant and collection after the checkpoint; null when no row can be after it. */
  #after({ tenant, collection, after }: Omit<PullRequest, 'limit'>) {
    const query = this.#db
      .selectFrom('sync_documents')
      .where('tenant', '=', tenant)
      .where('collection', '=', collection);
    // A checkpoint is whatever a client sends: past every stored value, nothing is after it; before zero,
    // everything is; a fraction has no equal row, so the rows after it are those after its integer part.
    // (PostgreSQL's bigint refuses all three as parameters.)
    if (after && !(after.updatedAt < MAX_UPDATED_AT)) return null;
    if (!after || after.updatedAt < 0) return query;
    const whole = Math.floor(after.updatedAt);
    // No stored id holds a NUL (pushes refuse them; PostgreSQL cannot store one), so the ids after "a\0…" are
    // exactly those after "a".
    const afterId = after.id.split('\u0000', 1)[0] ?? '';
    // The `>=` bound outside the OR lets the pull index seek to the checkpoint; with the OR alone SQLite scans
    // the tenant's rows from the start on every page, and an initial pull of 100,000 goes quadratic.
    return whole === after.updatedAt
      ? query
          .where('updated_at', '>=', whole)
          .where((eb) => eb.or([eb('updated_at', '>', whole), eb('id', '>', afterId)]))
      : query.where('updated_at', '>', whole);
  }

  async pull(request: PullRequest): Promise<StoredDocument[]> {
    const query = this.#after(request);
    if (!query) return [];
    const rows = await query
      .select(['id', 'updated_at', 'deleted', 'data'])
      .orderBy('updated_at')
      .orderBy('id')
      .limit(request.limit)
      .execute();
    return rows.map(toStored);
  }

  async countAfter(request: Omit<PullRequest, 'limit'>): Promise<number> {
    const query = this.#after(request);
    if (!query) return 0;
    const { count } = await query.select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
    return Number(count);
  }

  async clock(tenant: string): Promise<number> {
    const row = await this.#db
      .selectFrom('sync_tenant_clocks')
      .select('last_updated_at')
      .where('tenant', '=', tenant)
      .executeTakeFirst();
    return (row ? Number(row.last_updated_at) : 0) + 1;
  }

  async lookup({ tenant, collection, ids, field, prefix, limit }: LookupQuery): Promise<StoredDocument[]> {
    let query = this.#db
      .selectFrom('sync_documents')
      .select(['id', 'updated_at', 'deleted', 'data'])
      .where('tenant', '=', tenant)
      .where('collection', '=', collection)
      .where('deleted', '=', 0);
    if (ids) query = query.where('id', 'in', [...ids]);
    else if (field !== undefined && prefix !== undefined) {
      // the field's value as text (a number by its digits), compared in lower case; the prefix's own % _ \ are literal
      const value =
        this.dialect === 'postgres'
          ? sql<string>`(data::jsonb ->> ${field})`
          : sql<string>`cast(json_extract(data, ${`$."${field.replaceAll('"', '""')}"`}) as text)`;
      const pattern = `${prefix.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where(sql<boolean>`lower(${value}) like ${pattern} escape '\\'`);
    }
    const rows = await query.orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map(toStored);
  }

  async auditLog({ tenant, collection, documentId, before, limit }: AuditRequest): Promise<AuditRecord[]> {
    let query = this.#db
      .selectFrom('sync_audit')
      .select([
        'collection',
        'document_id',
        'updated_at',
        'recorded_at',
        'operation',
        'subject',
        'role',
        'conflict_resolution',
        'changes',
      ])
      .where('tenant', '=', tenant)
      .where('collection', '=', collection)
      .where('document_id', '=', documentId);
    if (before !== null) query = query.where('updated_at', '<', before);
    const rows = await query.orderBy('updated_at', 'desc').limit(limit).execute();
    return rows.map(toAuditRecord);
  }

  async pruneAudit(olderThanMs: number): Promise<number> {
    const cutoff = Math.floor(this.#now() - olderThanMs);
    const result = await this.#db.deleteFrom('sync_audit').where('recorded_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  transaction<T>(tenant: string, work: (tx: SyncTransaction) => Promise<T>): Promise<T> {
    return this.#db.transaction().execute(async (trx) => {
      let clockQuery = trx.selectFrom('sync_tenant_clocks').select('last_updated_at').where('tenant', '=', tenant);
      if (this.#lockClockRow) {
        await trx
          .insertInto('sync_tenant_clocks')
          .values({ tenant, last_updated_at: 0 })
          .onConflict((oc) => oc.column('tenant').doNothing())
          .execute();
        clockQuery = clockQuery.forUpdate();
      }
      const clock = await clockQuery.executeTakeFirst();
      const first = clock ? Number(clock.last_updated_at) : 0;
      let last = first;

      const tx: SyncTransaction = {
        read: async (collection, ids) => {
          const found = new Map<string, StoredDocument>();
          for (let start = 0; start < ids.length; start += READ_CHUNK) {
            const rows = await trx
              .selectFrom('sync_documents')
              .select(['id', 'updated_at', 'deleted', 'data'])
              .where('tenant', '=', tenant)
              .where('collection', '=', collection)
              .where('id', 'in', ids.slice(start, start + READ_CHUNK))
              .execute();
            for (const row of rows) found.set(row.id, toStored(row));
          }
          return found;
        },
        latest: async (collection) => {
          const row = await trx
            .selectFrom('sync_documents')
            .select(['id', 'updated_at'])
            .where('tenant', '=', tenant)
            .where('collection', '=', collection)
            .orderBy('updated_at', 'desc')
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst();
          return row ? { id: row.id, updatedAt: Number(row.updated_at) } : null;
        },
        nextUpdatedAt: () => {
          last = Math.max(Math.floor(this.#now()), last + 1);
          return last;
        },
        write: async (collection, docs) => {
          for (let start = 0; start < docs.length; start += WRITE_CHUNK) {
            const rows = docs.slice(start, start + WRITE_CHUNK).map((doc) => ({
              tenant,
              collection,
              id: doc.id,
              updated_at: doc.updatedAt,
              deleted: doc.deleted ? 1 : 0,
              data: JSON.stringify(doc.data),
            }));
            await trx
              .insertInto('sync_documents')
              .values(rows)
              .onConflict((oc) =>
                oc.columns(['tenant', 'collection', 'id']).doUpdateSet((eb) => ({
                  updated_at: eb.ref('excluded.updated_at'),
                  deleted: eb.ref('excluded.deleted'),
                  data: eb.ref('excluded.data'),
                })),
              )
              .execute();
          }
        },
        audit: async (entries) => {
          const recordedAt = Math.floor(this.#now());
          for (let start = 0; start < entries.length; start += AUDIT_CHUNK) {
            const rows = entries.slice(start, start + AUDIT_CHUNK).map((entry) => ({
              tenant,
              collection: entry.collection,
              document_id: entry.documentId,
              updated_at: entry.updatedAt,
              recorded_at: recordedAt,
              operation: entry.operation,
              subject: entry.subject,
              role: entry.role,
              conflict_resolution: entry.conflictResolution ? 1 : 0,
              changes: JSON.stringify(entry.changes),
            }));
            await trx.insertInto('sync_audit').values(rows).execute();
          }
        },
      };

      const result = await work(tx);
      if (last !== first) {
        await trx
          .insertInto('sync_tenant_clocks')
          .values({ tenant, last_updated_at: last })
          .onConflict((oc) => oc.column('tenant').doUpdateSet({ last_updated_at: last }))
          .execute();
      }
      return result;
    });
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}
