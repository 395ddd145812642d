// What the sync server has stored, read straight from its SQLite file: a row count and a checksum, to prove a
// request changed nothing (or nothing of one tenant); and a tenant's documents as stored, whatever any token's scope.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

export interface Fingerprint {
  rows: number;
  checksum: string;
}

export function databaseFingerprint(dbPath: string, tenant?: string): Fingerprint {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const where = tenant === undefined ? '' : 'where tenant = ?';
    const args = tenant === undefined ? [] : [tenant];
    const documents = db
      .prepare(`select tenant, collection, id, updated_at, deleted, data from sync_documents ${where} order by 1, 2, 3`)
      .raw()
      .all(...args);
    const clocks = db
      .prepare(`select * from sync_tenant_clocks ${where} order by 1`)
      .raw()
      .all(...args);
    const hash = createHash('sha256').update(JSON.stringify({ documents, clocks }));
    return { rows: documents.length + clocks.length, checksum: hash.digest('hex') };
  } finally {
    db.close();
  }
}

/** A tenant's documents of a collection as the server stores them (`updatedAt` and `_deleted` included), by id. */
export function storedDocuments(
  dbPath: string,
  tenant: string,
  collection: string,
): Map<string, Record<string, unknown>> {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(
        'select id, updated_at, deleted, data from sync_documents where tenant = ? and collection = ? order by id',
      )
      .all(tenant, collection) as Array<{ id: string; updated_at: number; deleted: number; data: string }>;
    return new Map(
      rows.map((row) => [
        row.id,
        { ...(JSON.parse(row.data) as object), updatedAt: Number(row.updated_at), _deleted: row.deleted === 1 },
      ]),
    );
  } finally {
    db.close();
  }
}
