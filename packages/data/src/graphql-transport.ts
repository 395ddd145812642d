// One GraphQL request over HTTP to the sync server, with the token, a timeout, and every failure sorted into
// what a person can act on: unreachable, signed out, refused, or failing.
import type { SyncErrorInfo } from './sync-store';

export type TokenSource = string | (() => string | Promise<string>);

export class SyncRequestError extends Error {
  readonly kind: SyncErrorInfo['kind'];
  /** the document the server named when it refused a push because of it */
  readonly documentId?: string;

  constructor(kind: SyncErrorInfo['kind'], message: string, documentId?: string) {
    super(message);
    this.kind = kind;
    this.documentId = documentId;
    this.name = 'SyncRequestError';
  }
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string; documentId?: unknown } }[];
}

function isAuthAnswer(status: number, body: GraphQLAnswer | undefined): boolean {
  if (status === 401 || status === 403) return true;
  return Boolean(body?.errors?.some((e) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code ?? '')));
}

export function readToken(source: TokenSource): Promise<string> {
  return Promise.resolve(typeof source === 'string' ? source : source());
}

export interface GraphQLTransportOptions {
  url: string;
  token: TokenSource;
  /** this device's id (`x-syncline-device`), for the server's monitoring */
  device?: string | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
}

export type GraphQLRequest = (query: string, variables: Record<string, unknown>) => Promise<Record<string, unknown>>;

export function createGraphQLTransport({
  url,
  token,
  device,
  timeoutMs,
  fetch,
}: GraphQLTransportOptions): GraphQLRequest {
  return async (query, variables) => {
    let bearer: string;
    try {
      bearer = await readToken(token);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SyncRequestError('auth', `No sign-in token for syncing (${reason}). Sign in again to resume syncing.`);
    }
    const send = () =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${bearer}`,
          ...(device ? { 'x-syncline-device': device } : {}),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    let response: Response;
    try {
      // one immediate second try: a kept-alive connection the server closed (say, on restart) fails only once
      response = await send().catch(send);
    } catch {
      throw new SyncRequestError(
        'network',
        `Could not reach the sync server at ${url}. Changes are kept on this device and sent when it is reachable.`,
      );
    }
    const body = (await response.json().catch(() => undefined)) as GraphQLAnswer | undefined;
    if (isAuthAnswer(response.status, body)) {
      throw new SyncRequestError('auth', 'The sync server refused the sign-in token. Sign in again to resume syncing.');
    }
    if (body?.errors?.length) {
      const kind = response.status >= 500 ? 'server' : 'rejected';
      const named = body.errors.find((e) => typeof e.extensions?.documentId === 'string')?.extensions?.documentId;
      throw new SyncRequestError(
        kind,
        `The sync server refused the request: ${body.errors.map((e) => e.message).join('; ')}`,
        typeof named === 'string' ? named : undefined,
      );
    }
    if (!response.ok || !body?.data) {
      throw new SyncRequestError('server', `The sync server failed (HTTP ${response.status}). It will be retried.`);
    }
    return body.data;
  };
}
