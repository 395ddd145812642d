// A pull of a collection with a sync scope (see @syncline/protocol's sync-scope.ts): a page holds the documents in
// the device's scope, as many as the limit asks while any are left (RxDB stops pulling at a short page), found by
// reading the stored rows in order. A document out of scope goes to a device that may hold it as removed
// (`_deleted`), so the device lets go of it as it would of a server delete and never pushes it back. A device whose
// sync started from nothing holds only what that pass sent it, so a document deleted or out of scope is left out
// when it was so before the pass began (`freshSince`, the tenant's clock then); one changed since may have been sent
// on an earlier page of the pass, and goes as removed. In a collection of people's own documents (an `owner` field in
// its permissions), another person's document never goes, not even as removed.
import { inSyncScope, ownsDocument, type PlainDocument, type ScopeContext, type SyncScope } from '@syncline/protocol';
import { DELETED } from './collections.js';
import type { Checkpoint, PullRequest, StoredDocument, SyncStorage } from './storage/types.js';

export interface ScopedPullRequest extends PullRequest {
  readonly scope: SyncScope;
  readonly context: ScopeContext;
  /**
   * The pull belongs to a pass that started from nothing at this reading of the tenant's clock (see
   * `SyncStorage.clock`); undefined for a device that may hold any document.
   */
  readonly freshSince: number | undefined;
  /** the field naming each document's owner, for a collection of people's own documents (the claims' `sub`) */
  readonly owner?: string | undefined;
}

/** How a stored row reaches the device: as it is, as removed, or not at all. */
export function scopedRow(
  row: StoredDocument,
  scope: SyncScope,
  context: ScopeContext,
  freshSince: number | undefined,
  owner?: string,
): StoredDocument | undefined {
  if (owner !== undefined && !ownsDocument({ owner }, context.claims?.sub, row.data)) return undefined;
  // last changed before the pass began: deleted or out of scope then already, it was never sent in the pass
  const unsent = freshSince !== undefined && row.updatedAt < freshSince;
  if (row.deleted) return unsent ? undefined : row;
  if (inSyncScope(scope, row.data, context)) return row;
  return unsent ? undefined : { ...row, deleted: true, data: asRemoved(row.data) };
}

/** A document as a device that must let go of it receives it. */
export function asRemoved(doc: PlainDocument): PlainDocument {
  return { ...doc, [DELETED]: true };
}

/**
 * The page's rows and the checkpoint after the last row read (which may be past the last row sent: rows out of
 * scope are read once, not again on the next page).
 */
export async function scopedPull(
  storage: Pick<SyncStorage, 'pull'>,
  request: ScopedPullRequest,
): Promise<{ rows: StoredDocument[]; last: Checkpoint | undefined }> {
  const { scope, context, freshSince, limit, owner } = request;
  const rows: StoredDocument[] = [];
  let after = request.after;
  let last: Checkpoint | undefined;
  while (rows.length < limit) {
    const read = await storage.pull({ ...request, after, limit });
    for (const row of read) {
      if (rows.length === limit) return { rows, last };
      last = { id: row.id, updatedAt: row.updatedAt };
      const sent = scopedRow(row, scope, context, freshSince, owner);
      if (sent) rows.push(sent);
    }
    if (read.length < limit) break;
    after = last ?? after;
  }
  return { rows, last };
}

/** Rows read per step while counting a scoped collection. */
const COUNT_STEP = 1_000;

/**
 * How many documents a pull from the checkpoint would still send, in every page. Every changed row when the device
 * may hold documents (each is sent, in scope or as removed); for a fresh device, those in scope and those changed
 * since its pass began. Rows changed inside the scope's shortest `changedWithinDays` (and with no claims to match)
 * are all in it and are counted by the storage; older ones are read.
 */
export async function countScoped(
  storage: Pick<SyncStorage, 'pull' | 'countAfter'>,
  request: Omit<ScopedPullRequest, 'limit'>,
): Promise<number> {
  const { scope, context, freshSince, tenant, collection, owner } = request;
  if (freshSince === undefined && owner === undefined) return storage.countAfter(request);
  const recentDays = (scope.keep ?? []).flatMap((condition) =>
    'changedWithinDays' in condition ? [condition.changedWithinDays] : [],
  );
  const noClaims = Object.keys(scope.claims ?? {}).length === 0 && owner === undefined;
  // from here on every row is in scope (the storage counts them; tombstones among them are a small overcount)
  const allKeptFrom =
    noClaims && recentDays.length > 0 ? context.now - Math.max(...recentDays) * 86_400_000 : Number.POSITIVE_INFINITY;
  let count = 0;
  let after = request.after;
  for (;;) {
    if (Number.isFinite(allKeptFrom) && (after?.updatedAt ?? 0) >= allKeptFrom) break;
    const read = await storage.pull({ tenant, collection, after, limit: COUNT_STEP });
    for (const row of read) {
      if (row.updatedAt >= allKeptFrom) return count + (await storage.countAfter({ tenant, collection, after }));
      after = { id: row.id, updatedAt: row.updatedAt };
      if (scopedRow(row, scope, context, freshSince, owner)) count += 1;
    }
    if (read.length < COUNT_STEP) return count;
  }
  return count + (await storage.countAfter({ tenant, collection, after }));
}
