// Live changes for every replicated collection over one graphql-ws socket: a subscription per collection and a
// RESYNC for each whenever the socket (re)connects, since changes may have been missed while it was down. A server
// that announces each stream's start (STREAM_READY) gets that RESYNC once the stream listens, not at connect: a
// change committed in between is pulled instead of missed. The
// socket's life is run here, not by graphql-ws: every (re)connect asks for a token first (none is ever frozen
// into a subscription), a token that expired reconnects at once with a fresh one, and a stream the server ends
// or fails is reopened with backoff.
import {
  type CollectionOperations,
  type PlainDocument,
  STREAM_CLOSE,
  STREAM_READY,
  stripNulls,
} from '@syncline/protocol';
import type { Client } from 'graphql-ws/client';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import type { Subject } from 'rxjs';
import {
  type GraphQLAnswerError,
  readToken,
  type SyncRequestError,
  schemaMismatch,
  type TokenSource,
} from './graphql-transport';

type Checkpoint = Record<string, unknown>;
export type PullStream = Subject<RxReplicationPullStreamItem<PlainDocument, Checkpoint>>;

/** One change the server streamed: its documents, its checkpoint, and the checkpoint of the commit before it. */
export interface StreamEvent {
  documents: WithDeleted<PlainDocument>[];
  checkpoint: Checkpoint;
  previousCheckpoint: Checkpoint | null;
}

export interface CollectionStream {
  operations: CollectionOperations;
  /** takes each event of the collection's stream, or RESYNC when the client must pull what it may have missed */
  deliver: (item: StreamEvent | 'RESYNC') => void;
}

export interface LiveStreamOptions {
  wsUrl: string;
  token: TokenSource;
  /** this device's id, sent with the connection for the server's monitoring */
  device?: string | undefined;
  /** the schema versions spoken (`orders@2,…`), sent with the connection */
  schemaVersions?: string | undefined;
  /** a WebSocket implementation where the platform has none (Node 20); `ws` is loaded when needed */
  webSocketImpl?: unknown;
  streams: readonly CollectionStream[];
  /** waits before attempt number `failures` (1, 2, …) after a failed connection or stream */
  retryWait: (failures: number) => Promise<void>;
  onConnected: () => void;
  /** the socket closed or could not open; `code` is its close code where there is one */
  onClosed: (code: number | undefined) => void;
  /** no token could be had, or the server refused the one given */
  onAuthProblem: (message: string) => void;
  /** one collection's stream failed or was ended by the server; it is being reopened */
  onStreamProblem: (message: string) => void;
  /** the server refused a collection's stream: this app speaks another schema version of it (in the server's words) */
  onOutdated: (refusal: SyncRequestError) => void;
}

export interface LiveStream {
  dispose(): Promise<void>;
}

function describeError(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  if (error instanceof Error) return error.message;
  return 'the live stream closed';
}

function isAuthError(error: unknown): boolean {
  return (
    Array.isArray(error) &&
    error.some((e: { extensions?: { code?: string } }) =>
      ['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code ?? ''),
    )
  );
}

/** The wait a server that refused a subscription for its rate asked for (`retryAfterSeconds`), in ms; else 0. */
function askedWaitMs(error: unknown): number {
  if (!Array.isArray(error)) return 0;
  const seconds = error
    .map((e: { extensions?: { retryAfterSeconds?: unknown } }) => e.extensions?.retryAfterSeconds)
    .find((value) => typeof value === 'number');
  return typeof seconds === 'number' ? seconds * 1000 : 0;
}

function closeCode(event: unknown): number | undefined {
  const code = (event as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

export async function openLiveStream(options: LiveStreamOptions): Promise<LiveStream> {
  const { createClient } = await import('graphql-ws/client');
  const impl =
    options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws')).WebSocket;
  let disposed = false;
  let current: Client | undefined;
  let failures = 0;
  /** the current connection's server announces each stream's start (STREAM_READY): the client pulls then */
  let announced = false;

  /** One subscription; when the server fails or ends it while its socket stays up, it is reopened with backoff. */
  function subscribe(client: Client, stream: CollectionStream, attempt: number): void {
    const { operations, deliver } = stream;
    /** a refusal comes as an answer with errors and then the end of the stream: it is reopened once */
    let ended = false;
    const reopen = async (error: unknown) => {
      if (ended) return;
      ended = true;
      // a closing socket fails every subscription on it: the reconnect covers those
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (disposed || client !== current) return;
      const message = describeError(error);
      // a refused token: only a new connection carries a new one, and the status says sign in, not "stopped"
      if (isAuthError(error)) {
        options.onAuthProblem(
          `The sync server refused the sign-in token for live updates (${message}). Sign in again to resume syncing.`,
        );
        return client.terminate();
      }
      // an app older (or newer) than the server: the status says who must update, not that changes still sync
      const outdated = schemaMismatch(Array.isArray(error) ? error : undefined);
      if (outdated) options.onOutdated(outdated);
      else options.onStreamProblem(message);
      // a server that asked for a wait (its rate limit) is given at least that
      const askedMs = askedWaitMs(error);
      await Promise.all([options.retryWait(attempt + 1), new Promise((resolve) => setTimeout(resolve, askedMs))]);
      if (disposed || client !== current) return;
      if (!announced) deliver('RESYNC');
      subscribe(client, stream, attempt + 1);
    };
    client.subscribe<Record<string, unknown>>(
      { query: operations.stream, variables: {} },
      {
        next: (answer) => {
          // an error the subscription met as it started (graphql-ws then ends the stream): the server refused it
          if (answer.errors?.length) {
            void reopen(answer.errors as readonly GraphQLAnswerError[]);
            return;
          }
          const bulk = answer.data?.[operations.streamField] as {
            documents?: PlainDocument[];
            checkpoint?: Checkpoint;
            previousCheckpoint?: Checkpoint | null;
          } | null;
          // no documents: the stream has started listening (STREAM_READY), so what came before is pulled now
          if (!bulk?.checkpoint || !bulk.documents || bulk.documents.length === 0) {
            deliver('RESYNC');
            return;
          }
          deliver({
            documents: bulk.documents.map((doc) => stripNulls(doc)) as WithDeleted<PlainDocument>[],
            checkpoint: stripNulls(bulk.checkpoint),
            previousCheckpoint: bulk.previousCheckpoint ? stripNulls(bulk.previousCheckpoint) : null,
          });
        },
        error: (error) => {
          if (closeCode(error) === undefined) void reopen(error);
        },
        complete: () => void reopen(new Error('the server ended the live stream')),
      },
    );
  }

  /** One connection with one token, until it closes; resolves with its close code. */
  function connect(token: string): Promise<number | undefined> {
    return new Promise((resolve) => {
      let settled = false;
      const finish = (code: number | undefined) => {
        if (settled) return;
        settled = true;
        if (current === client) current = undefined;
        void Promise.resolve(client.dispose()).catch(() => undefined);
        resolve(code);
      };
      const client = createClient({
        url: options.wsUrl,
        webSocketImpl: impl,
        lazy: false,
        // reconnecting is this module's job: each attempt needs a fresh token
        retryAttempts: 0,
        connectionParams: {
          headers: { Authorization: `Bearer ${token}` },
          ...(options.device ? { device: options.device } : {}),
          ...(options.schemaVersions ? { schemas: options.schemaVersions } : {}),
          [STREAM_READY]: true,
        },
        onNonLazyError: (error) => finish(closeCode(error)),
        on: {
          connected: (_socket, payload) => {
            failures = 0;
            announced = (payload as Record<string, unknown> | undefined)?.[STREAM_READY] === true;
            options.onConnected();
            // a server that announces each stream's start is pulled from then; another one now
            if (!announced) for (const { deliver } of options.streams) deliver('RESYNC');
          },
          closed: (event) => finish(closeCode(event)),
        },
      });
      current = client;
      for (const stream of options.streams) subscribe(client, stream, 0);
    });
  }

  async function run(): Promise<void> {
    while (!disposed) {
      let token: string;
      try {
        token = await readToken(options.token);
      } catch (error) {
        failures += 1;
        const reason = error instanceof Error ? error.message : String(error);
        options.onAuthProblem(`No sign-in token for live updates (${reason}). Sign in again to resume syncing.`);
        await options.retryWait(failures);
        continue;
      }
      if (disposed) return;
      const code = await connect(token);
      if (disposed) return;
      options.onClosed(code);
      // an expired token is no failure: reconnect at once with a fresh one
      if (code === STREAM_CLOSE.tokenExpired) continue;
      if (code === STREAM_CLOSE.forbidden) {
        options.onAuthProblem(
          'The sync server refused the sign-in token for live updates. Sign in again to resume syncing.',
        );
      }
      failures += 1;
      await options.retryWait(failures);
    }
  }

  void run();
  return {
    async dispose() {
      disposed = true;
      const client = current;
      current = undefined;
      // graphql-ws's dispose() waits for a connection attempt in flight and rejects with its raw error event when
      // the server is unreachable: closing a stream that never opened is not a failure of pause() or stop()
      await Promise.resolve(client?.dispose()).catch(() => undefined);
    },
  };
}
