// A document's history as the server recorded it (its audit trail), a page at a time, newest first. It needs the
// server: offline, signed out or not permitted come back as states a person can act on, never as a thrown error.
import { AUDIT_LOG_FIELD, AUDIT_LOG_QUERY, type AuditEntry, type AuditPage } from '@syncline/protocol';
import { askServer, type ServerQueryFailure, type ServerQuerySource } from './server-query';

export type ServerHistory =
  | {
      status: 'ok';
      entries: AuditEntry[];
      /** the cursor of the next, older page; null when there is none */
      before: string | null;
    }
  | ServerQueryFailure;

export interface ServerHistoryPage {
  /** the `before` of the previous page; absent from the newest */
  before?: string | null;
  /** entries per page (the server allows up to 200); default the server's, 50 */
  limit?: number;
}

/** What the history says when the server cannot be reached (also while the device knows it is offline). */
export const SERVER_HISTORY_OFFLINE = 'Server history needs a connection to the sync server.';

/** One page of a document's server history. */
export async function readServerHistory(
  source: ServerQuerySource,
  collection: string,
  documentId: string,
  { before = null, limit }: ServerHistoryPage = {},
): Promise<ServerHistory> {
  const answer = await askServer<AuditPage>(source, {
    query: AUDIT_LOG_QUERY,
    variables: { collection, documentId, before, ...(limit ? { limit } : {}) },
    field: AUDIT_LOG_FIELD,
    offlineMessage: SERVER_HISTORY_OFFLINE,
  });
  return answer.status === 'ok' ? { status: 'ok', entries: answer.value.entries, before: answer.value.before } : answer;
}
