// One GraphQL request over HTTP to the sync server, with the token, a timeout, and every failure sorted into
// what a person can act on: unreachable, signed out, refused, asked to slow down, or failing.
import type { SyncErrorInfo } from './sync-store';

export type TokenSource = string | (() => string | Promise<string>);

export class SyncRequestError extends Error {
  readonly kind: SyncErrorInfo['kind'];
  /** the document the server named when it refused a push because of it */
  readonly documentId?: string;
  /** how long the server asked the client to wait before sending the request again (a 429's Retry-After) */
  readonly retryAfterMs?: number;
  /** the collection the server refused to sync with this app's schema version (kind `outdated`) */
  readonly collection?: string;
  /** kind `outdated`: who must update, the app (older than the server) or the server */
  readonly update?: 'app' | 'server';

  constructor(
    kind: SyncErrorInfo['kind'],
    message: string,
    {
      documentId,
      retryAfterMs,
      collection,
      update,
    }: { documentId?: string; retryAfterMs?: number; collection?: string; update?: 'app' | 'server' } = {},
  ) {
    super(message);
    this.kind = kind;
    this.documentId = documentId;
    this.retryAfterMs = retryAfterMs;
    this.collection = collection;
    this.update = update;
    this.name = 'SyncRequestError';
  }
}

export interface GraphQLAnswerError {
  message: string;
  extensions?: {
    code?: string;
    documentId?: unknown;
    retryAfterSeconds?: unknown;
    collection?: unknown;
    /** SCHEMA_MISMATCH: the schema versions of the collection the client sent and the server serves */
    client?: unknown;
    server?: unknown;
  };
}

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: GraphQLAnswerError[];
}

/**
 * The server's refusal of this app's schema version of a collection, among an answer's errors (over HTTP or on a
 * stream): not the rows' fault, so nothing is marked failed and everything waits on the device for an update.
 */
export function schemaMismatch(errors: readonly GraphQLAnswerError[] | undefined): SyncRequestError | undefined {
  const mismatch = errors?.find((e) => e.extensions?.code === 'SCHEMA_MISMATCH');
  if (!mismatch) return undefined;
  const { collection, client, server } = mismatch.extensions ?? {};
  const update =
    typeof client === 'number' && typeof server === 'number' ? (client < server ? 'app' : 'server') : undefined;
  return new SyncRequestError('outdated', mismatch.message, {
    ...(typeof collection === 'string' ? { collection } : {}),
    ...(update ? { update } : {}),
  });
}

/** What a client told to slow down waits when the server names no time. */
const DEFAULT_RETRY_AFTER_MS = 1_000;
/** The longest wait a Retry-After may impose: a server asking for more is asked again after this. */
const MAX_RETRY_AFTER_MS = 5 * 60_000;

/** A 429's wait: Retry-After in seconds or as an HTTP date, else the body's `retryAfterSeconds`, else 1 s. */
export function retryAfterMs(header: string | null, body: GraphQLAnswer | undefined, now = Date.now()): number {
  const seconds = header?.trim() && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
  const date = header && seconds === undefined ? Date.parse(header) : Number.NaN;
  const fromBody = body?.errors?.map((e) => e.extensions?.retryAfterSeconds).find((s) => typeof s === 'number');
  const ms =
    seconds !== undefined
      ? seconds * 1000
      : Number.isFinite(date)
        ? date - now
        : typeof fromBody === 'number'
          ? fromBody * 1000
          : DEFAULT_RETRY_AFTER_MS;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
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
  /** the schema version of each collection replicated (`x-syncline-schemas: orders@2,…`): the server refuses a mismatch */
  schemaVersions?: string | undefined;
  timeoutMs: number;
  fetch: typeof fetch;
}

export type GraphQLRequest = (
  query: string,
  variables: Record<string, unknown>,
  /** headers of this request only, such as a scoped pull's `x-syncline-fresh` */
  headers?: Readonly<Record<string, string>>,
) => Promise<Record<string, unknown>>;

export function createGraphQLTransport(options: GraphQLTransportOptions): GraphQLRequest {
  const { url, token, device, schemaVersions, timeoutMs, fetch } = options;
  return async (query, variables, extraHeaders) => {
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
          ...(schemaVersions ? { 'x-syncline-schemas': schemaVersions } : {}),
          ...extraHeaders,
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
    // before the refusals: a 429 refuses no data, the same request goes again once the wait is over
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'), body);
      throw new SyncRequestError(
        'throttled',
        `The sync server asked this device to slow down; it tries again in ${Math.max(1, Math.round(waitMs / 1000))} s.`,
        { retryAfterMs: waitMs },
      );
    }
    if (isAuthAnswer(response.status, body)) {
      throw new SyncRequestError('auth', 'The sync server refused the sign-in token. Sign in again to resume syncing.');
    }
    const mismatch = schemaMismatch(body?.errors);
    if (mismatch) throw mismatch;
    if (body?.errors?.length) {
      const kind = response.status >= 500 ? 'server' : 'rejected';
      const named = body.errors.find((e) => typeof e.extensions?.documentId === 'string')?.extensions?.documentId;
      throw new SyncRequestError(
        kind,
        `The sync server refused the request: ${body.errors.map((e) => e.message).join('; ')}`,
        typeof named === 'string' ? { documentId: named } : {},
      );
    }
    if (!response.ok || !body?.data) {
      throw new SyncRequestError('server', `The sync server failed (HTTP ${response.status}). It will be retried.`);
    }
    return body.data;
  };
}
