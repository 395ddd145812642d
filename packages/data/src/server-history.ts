// A document's history as the server recorded it (its audit trail), a page at a time, newest first. It needs the
// server: offline, signed out or not permitted come back as states a person can act on, never as a thrown error.
import { AUDIT_LOG_FIELD, AUDIT_LOG_QUERY, type AuditEntry, type AuditPage } from '@syncline/protocol';
import { readToken, type TokenSource } from './graphql-transport';

export type ServerHistory =
  | {
      status: 'ok';
      entries: AuditEntry[];
      /** the cursor of the next, older page; null when there is none */
      before: string | null;
    }
  | { status: 'offline' | 'signed-out' | 'not-permitted' | 'failed'; message: string };

export interface ServerHistoryPage {
  /** the `before` of the previous page; absent from the newest */
  before?: string | null;
  /** entries per page (the server allows up to 200); default the server's, 50 */
  limit?: number;
}

export interface ServerHistorySource {
  url: string;
  token: TokenSource;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** What the history says when the server cannot be reached (also while the device knows it is offline). */
export const SERVER_HISTORY_OFFLINE = 'Server history needs a connection to the sync server.';

interface Answer {
  data?: { [AUDIT_LOG_FIELD]?: AuditPage } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One page of a document's server history. */
export async function readServerHistory(
  source: ServerHistorySource,
  collection: string,
  documentId: string,
  { before = null, limit }: ServerHistoryPage = {},
): Promise<ServerHistory> {
  let token: string;
  try {
    token = await readToken(source.token);
  } catch {
    return { status: 'signed-out', message: 'Sign in again to see the server history.' };
  }
  let response: Response;
  try {
    response = await source.fetch(source.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: AUDIT_LOG_QUERY,
        variables: { collection, documentId, before, ...(limit ? { limit } : {}) },
      }),
      signal: AbortSignal.timeout(source.timeoutMs),
    });
  } catch {
    return { status: 'offline', message: SERVER_HISTORY_OFFLINE };
  }
  const body = (await response.json().catch(() => undefined)) as Answer | undefined;
  const codes = body?.errors?.map((error) => error.extensions?.code) ?? [];
  if (response.status === 401 || codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN')) {
    return { status: 'signed-out', message: 'The sync server refused the sign-in token: sign in again.' };
  }
  const reason = body?.errors?.map((error) => error.message).join('; ');
  if (codes.includes('NOT_PERMITTED')) return { status: 'not-permitted', message: reason ?? 'Not permitted.' };
  const page = body?.data?.[AUDIT_LOG_FIELD];
  if (!page) {
    return { status: 'failed', message: `The sync server could not answer (${reason ?? `HTTP ${response.status}`}).` };
  }
  return { status: 'ok', entries: page.entries, before: page.before };
}
