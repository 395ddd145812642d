// Live changes for every replicated collection over one graphql-ws socket: a subscription per collection, the
// token sent on every (re)connection, and a RESYNC for each collection whenever the socket (re)connects, since
// changes may have been missed while it was down.
import { type CollectionOperations, type PlainDocument, stripNulls } from '@syncline/protocol';
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import type { Subject } from 'rxjs';
import { readToken, type TokenSource } from './graphql-transport';

type Checkpoint = Record<string, unknown>;
export type PullStream = Subject<RxReplicationPullStreamItem<PlainDocument, Checkpoint>>;

export interface LiveStreamOptions {
  wsUrl: string;
  token: TokenSource;
  /** a WebSocket implementation where the platform has none (Node 20); `ws` is loaded when needed */
  webSocketImpl?: unknown;
  streams: ReadonlyArray<{ operations: CollectionOperations; stream$: PullStream }>;
  /** how long to wait before reconnection attempt `retries + 1` */
  retryWait: (retries: number) => Promise<void>;
  onConnected: () => void;
  onClosed: () => void;
  onError: (message: string) => void;
}

export interface LiveStream {
  dispose(): Promise<void>;
}

function describeError(error: unknown): string {
  if (Array.isArray(error)) return error.map((e: { message?: string }) => e.message).join('; ');
  if (error instanceof Error) return error.message;
  return 'the live stream closed';
}

export async function openLiveStream(options: LiveStreamOptions): Promise<LiveStream> {
  const { createClient } = await import('graphql-ws/client');
  const impl =
    options.webSocketImpl ?? (globalThis as { WebSocket?: unknown }).WebSocket ?? (await import('ws')).WebSocket;
  const authorization = async () => `Bearer ${await readToken(options.token)}`;
  const client = createClient({
    url: options.wsUrl,
    webSocketImpl: impl,
    lazy: false,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: options.retryWait,
    connectionParams: async () => ({ headers: { Authorization: await authorization() } }),
    onNonLazyError: () => undefined,
    on: {
      connected: () => {
        options.onConnected();
        for (const { stream$ } of options.streams) stream$.next('RESYNC');
      },
      closed: () => options.onClosed(),
    },
  });
  // the stream's own `headers` argument repeats the connection's token; the connection is what the server checks,
  // so a token that cannot be read right now must not keep the stream from starting
  const headers = await authorization().then(
    (Authorization) => ({ Authorization }),
    () => undefined,
  );
  for (const { operations, stream$ } of options.streams) {
    client.subscribe<Record<string, unknown>>(
      { query: operations.stream, variables: headers ? { headers } : {} },
      {
        next: (answer) => {
          const bulk = answer.data?.[operations.streamField] as {
            documents?: PlainDocument[];
            checkpoint?: Checkpoint;
          } | null;
          if (!bulk?.checkpoint || !bulk.documents) {
            stream$.next('RESYNC');
            return;
          }
          stream$.next({
            documents: bulk.documents.map((doc) => stripNulls(doc)) as WithDeleted<PlainDocument>[],
            checkpoint: stripNulls(bulk.checkpoint),
          });
        },
        error: (error) => options.onError(describeError(error)),
        complete: () => undefined,
      },
    );
  }
  return {
    async dispose() {
      // graphql-ws's dispose() waits for a connection attempt in flight and rejects with its raw error event when
      // the server is unreachable: closing a stream that never opened is not a failure of pause() or stop()
      await Promise.resolve(client.dispose()).catch(() => undefined);
    },
  };
}
