// Versioned schema migrations, run by Kysely's Migrator in name order. Written with Kysely's portable
// schema builder so the same list serves SQLite and PostgreSQL; where the engines differ, the dialect says so.
// Never edit a released migration: add the next one.
import { type Kysely, type Migration, Migrator, sql } from 'kysely';

export function migrationsFor(dialect: string): Record<string, Migration> {
  // Document ids order byte-wise on every engine (SQLite's default), so a checkpoint means the same everywhere
  // and no locale can reorder a pull.
  const idType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    '0001_documents_and_clocks': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sync_documents')
          .addColumn('tenant', 'text', (col) => col.notNull())
          .addColumn('collection', 'text', (col) => col.notNull())
          .addColumn('id', idType, (col) => col.notNull())
          .addColumn('updated_at', 'bigint', (col) => col.notNull())
          .addColumn('deleted', 'integer', (col) => col.notNull())
          .addColumn('data', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('sync_documents_pk', ['tenant', 'collection', 'id'])
          .execute();
        // Serves every pull: tenant and collection first, so the tenant filter applies before LIMIT.
        await db.schema
          .createIndex('sync_documents_pull')
          .on('sync_documents')
          .columns(['tenant', 'collection', 'updated_at', 'id'])
          .execute();
        // One row per tenant: the last `updatedAt` handed out, so the clock never steps back across restarts.
        await db.schema
          .createTable('sync_tenant_clocks')
          .addColumn('tenant', 'text', (col) => col.primaryKey())
          .addColumn('last_updated_at', 'bigint', (col) => col.notNull())
          .execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('sync_tenant_clocks').execute();
        await db.schema.dropTable('sync_documents').execute();
      },
    },
    // The audit trail: one row per accepted write, committed with it. A document's entries are read newest first
    // by `updated_at` (unique per tenant); retention deletes by `recorded_at`.
    '0002_audit': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sync_audit')
          .addColumn('tenant', 'text', (col) => col.notNull())
          .addColumn('collection', 'text', (col) => col.notNull())
          .addColumn('document_id', idType, (col) => col.notNull())
          .addColumn('updated_at', 'bigint', (col) => col.notNull())
          .addColumn('recorded_at', 'bigint', (col) => col.notNull())
          .addColumn('operation', 'text', (col) => col.notNull())
          .addColumn('subject', 'text')
          .addColumn('role', 'text', (col) => col.notNull())
          .addColumn('conflict_resolution', 'integer', (col) => col.notNull())
          .addColumn('changes', 'text', (col) => col.notNull())
          .addPrimaryKeyConstraint('sync_audit_pk', ['tenant', 'collection', 'document_id', 'updated_at'])
          .execute();
        await db.schema.createIndex('sync_audit_recorded').on('sync_audit').column('recorded_at').execute();
      },
      async down(db: Kysely<unknown>) {
        await db.schema.dropTable('sync_audit').execute();
      },
    },
  };
}

/**
 * Brings `db` up to date with `migrations`, recorded in `table` (and `<table>_lock`), or throws saying which one
 * failed; a failed migration leaves the database as it was.
 */
export async function runMigrations(
  // biome-ignore lint/suspicious/noExplicitAny: any database's tables; the migrations name their own
  db: Kysely<any>,
  { dialect, migrations, table }: { dialect: string; migrations: Record<string, Migration>; table: string },
): Promise<void> {
  // On PostgreSQL the bookkeeping tables are named with the connection's schema: Kysely looks for them
  // among every schema's tables, and would take another schema's for ours.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: table,
    migrationLockTableName: `${table}_lock`,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
    throw new Error(
      `Database migration ${failed ? `"${failed.migrationName}" ` : ''}failed (${reason}); the database was left as it was.`,
    );
  }
}
