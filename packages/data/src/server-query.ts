// One question to the sync server outside replication (a document's audit trail, a lookup of documents outside the
// device's scope). It needs the server: offline, signed out, not permitted or a refused question come back as states
// a person can act on, with the server's words, never as a thrown error.
import { readToken, type TokenSource } from './graphql-transport';

export interface ServerQuerySource {
  url: string;
  token: TokenSource;
  fetch: typeof fetch;
  timeoutMs: number;
}

/** What the server could not answer, and why, in words for a person. */
export interface ServerQueryFailure {
  status: 'offline' | 'signed-out' | 'not-permitted' | 'failed';
  message: string;
}

export type ServerQueryAnswer<T> = { status: 'ok'; value: T } | ServerQueryFailure;

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Asks `query` with `variables` and answers its `field`. `offlineMessage` says what needs the connection ("Server
 * history needs a connection to the sync server.").
 */
export async function askServer<T>(
  source: ServerQuerySource,
  {
    query,
    variables,
    field,
    offlineMessage,
  }: { query: string; variables: object; field: string; offlineMessage: string },
): Promise<ServerQueryAnswer<T>> {
  let token: string;
  try {
    token = await readToken(source.token);
  } catch {
    return { status: 'signed-out', message: 'Sign in again to ask the sync server.' };
  }
  let response: Response;
  try {
    response = await source.fetch(source.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(source.timeoutMs),
    });
  } catch {
    return { status: 'offline', message: offlineMessage };
  }
  const body = (await response.json().catch(() => undefined)) as Answer | undefined;
  const codes = body?.errors?.map((error) => error.extensions?.code) ?? [];
  if (response.status === 401 || codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN')) {
    return { status: 'signed-out', message: 'The sync server refused the sign-in token: sign in again.' };
  }
  const reason = body?.errors?.map((error) => error.message).join('; ');
  if (codes.includes('NOT_PERMITTED')) return { status: 'not-permitted', message: reason ?? 'Not permitted.' };
  const value = body?.data?.[field];
  if (value === undefined || value === null) {
    return { status: 'failed', message: `The sync server could not answer (${reason ?? `HTTP ${response.status}`}).` };
  }
  return { status: 'ok', value: value as T };
}
