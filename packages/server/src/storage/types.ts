// The one interface every storage backend implements. The replication rules (conflicts, idempotence,
// validation) live above it in push.ts; a backend only persists documents, keeps the per-tenant clock and
// runs one transaction per push.
import type { AuditFieldChange, AuditOperation, PlainDocument } from '@syncline/protocol';

/** A pull checkpoint: rows strictly after `(updatedAt, id)`. */
export interface Checkpoint {
  readonly id: string;
  readonly updatedAt: number;
}

/** A document as stored: `data` is the whole document, including its id, `updatedAt` and `_deleted`. */
export interface StoredDocument {
  readonly id: string;
  readonly updatedAt: number;
  readonly deleted: boolean;
  readonly data: PlainDocument;
}

export interface PullRequest {
  readonly tenant: string;
  readonly collection: string;
  /** `null` pulls from the beginning. */
  readonly after: Checkpoint | null;
  readonly limit: number;
}

/**
 * Documents looked up on demand, whatever a device's scope (see @syncline/protocol's lookup.ts): by id, or by a
 * top-level field starting with a prefix (ignoring case), newest change first, never deleted ones.
 */
export interface LookupQuery {
  readonly tenant: string;
  readonly collection: string;
  readonly ids?: readonly string[] | undefined;
  readonly field?: string | undefined;
  readonly prefix?: string | undefined;
  readonly limit: number;
}

/** One accepted write as the audit trail records it; the storage stamps its server time (`recordedAt`). */
export interface AuditWrite {
  readonly collection: string;
  readonly documentId: string;
  readonly operation: AuditOperation;
  readonly subject: string | null;
  readonly role: string;
  /** the document's `updatedAt` after the write: unique per tenant, so it orders and pages the entries */
  readonly updatedAt: number;
  readonly conflictResolution: boolean;
  /** every top-level field the write changed; the query leaves out what a reader's role may not see */
  readonly changes: readonly AuditFieldChange[];
}

export interface AuditRecord extends AuditWrite {
  /** server time of the write, in ms since the epoch */
  readonly recordedAt: number;
}

export interface AuditRequest {
  readonly tenant: string;
  readonly collection: string;
  readonly documentId: string;
  /** entries older than this `updatedAt` (the previous page's last); null from the newest */
  readonly before: number | null;
  readonly limit: number;
}

/** The work a push does inside its transaction. Everything it writes commits together, or not at all. */
export interface SyncTransaction {
  /** The stored documents among `ids` (absent ids are missing from the map). */
  read(collection: string, ids: readonly string[]): Promise<Map<string, StoredDocument>>;
  /**
   * The checkpoint of the collection's last stored document (null when it has none). Writes of a tenant are
   * serialised, so this is the last commit a stream event of this transaction follows.
   */
  latest(collection: string): Promise<Checkpoint | null>;
  /**
   * The next `updatedAt` of this tenant: `max(now, last + 1)`, so strictly increasing per tenant even when
   * the wall clock steps back. Persisted with the transaction.
   */
  nextUpdatedAt(): number;
  /**
   * Inserts or replaces documents, as few statements as the engine's parameter limit allows. Each id at most once
   * per call (PostgreSQL refuses to update one row twice in a statement).
   */
  write(collection: string, docs: readonly StoredDocument[]): Promise<void>;
  /** Records accepted writes in the audit trail: they commit with the documents, or not at all. */
  audit(entries: readonly AuditWrite[]): Promise<void>;
}

export interface SyncStorage {
  /** A short name for logs and `/readyz`: `sqlite`, `postgres`... */
  readonly dialect: string;
  /** Brings the schema up to date (versioned migrations). Safe to run on every start. */
  migrate(): Promise<void>;
  /** Throws when the storage cannot serve queries (used by `/readyz`). */
  ping(): Promise<void>;
  /** Documents of one tenant and collection after the checkpoint, ordered by `(updatedAt, id)`. */
  pull(request: PullRequest): Promise<StoredDocument[]>;
  /** How many documents a pull from the checkpoint would still bring, in every page: an initial sync's total. */
  countAfter(request: Omit<PullRequest, 'limit'>): Promise<number>;
  /**
   * The tenant's clock: the least `updatedAt` a write committed after this read can take (one past the last handed
   * out). Read from the stored clock, not this server's, so it holds across instances whose clocks differ.
   */
  clock(tenant: string): Promise<number>;
  /**
   * Runs `work` in one transaction scoped to `tenant`, serialised with every other write of that tenant
   * (so `updatedAt` allocation order is commit order). Resolves only after the commit is durable.
   */
  transaction<T>(tenant: string, work: (tx: SyncTransaction) => Promise<T>): Promise<T>;
  /** Documents looked up on demand (a table scan of the tenant's collection when by field: an online search). */
  lookup(query: LookupQuery): Promise<StoredDocument[]>;
  /** A document's audit entries, newest first. */
  auditLog(request: AuditRequest): Promise<AuditRecord[]>;
  /** Removes the audit entries of every tenant recorded more than `olderThanMs` ago; returns how many. */
  pruneAudit(olderThanMs: number): Promise<number>;
  /** Releases connections and files. */
  close(): Promise<void>;
}
