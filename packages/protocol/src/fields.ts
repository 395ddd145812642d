// The field names of the replication contract: what the server assigns, what marks a delete, what a client
// stamps on every edit, and what RxDB keeps beside a document but never replicates.

/** The server-assigned per-tenant clock: a readable timestamp and the second half of every checkpoint. */
export const UPDATED_AT = 'updatedAt';

/** RxDB's soft-delete flag, as the GraphQL replication protocol names it. */
export const DELETED = '_deleted';

/** When a client last edited the document (client clock): the `latest` merge rule compares it. */
export const EDITED_AT = 'editedAt';

/** The one header field of the stream subscription, so a stock RxDB client can send its token there. */
export const HEADER_FIELDS: readonly string[] = ['Authorization'];

/** Fields only the server writes: never taken from a client, never part of an equality or a conflict. */
export const SERVER_MANAGED_FIELDS: readonly string[] = [UPDATED_AT];

/** Storage bookkeeping RxDB keeps next to a document: never replicated, never compared. */
export const STORAGE_FIELDS: readonly string[] = ['_meta', '_rev', '_attachments'];

/** The checkpoint of a collection: its primary key, then the server clock. */
export function checkpointFields(primaryKey: string): readonly [string, string] {
  return [primaryKey, UPDATED_AT];
}

/**
 * The ws connection parameter (sent as `true`) with which a client asks each live stream to say when it has
 * started: once the server listens for the stream's changes, the stream's first event carries no documents, and the
 * client pulls then (RESYNC). A change committed while the subscription was still starting is then never missed (a
 * pull sent at connect could read before that commit while the server was not listening yet). The server's
 * connection_ack payload carries the same name as `true` where it keeps this promise, so the client does not also
 * pull at connect. A client that does not ask gets the streams as RxDB generates them.
 */
export const STREAM_READY = 'streamReady';

/** How the server closes a live stream, and what each close asks of the client. */
export const STREAM_CLOSE = {
  /** the server's pub/sub may have lost events: reconnect and RESYNC */
  resync: 1012,
  /** the stream fell too far behind: reconnect and RESYNC */
  fellBehind: 1013,
  /** the connection's token was refused: reconnect with another token */
  forbidden: 4403,
  /** the stream's token expired: ask for a fresh token and reconnect at once */
  tokenExpired: 4419,
} as const;
