// Starting and stopping the server: listen once migrations have run, and the address it answers on; shut down by
// refusing new work, letting in-flight requests finish (up to a timeout), then closing streams, pub/sub and
// storage, in that order.
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STREAM_CLOSE } from '@syncline/protocol';
import type { Logger } from 'pino';
import { GRAPHQL_PATH } from './endpoints.js';
import type { SyncPubSub } from './pubsub.js';
import type { SyncStorage } from './storage/types.js';
import type { StreamSockets } from './ws-streams.js';

export interface ListenAddress {
  /** The GraphQL HTTP endpoint, e.g. `http://127.0.0.1:4000/graphql` (`https://…` with TLS). */
  url: string;
  /** The GraphQL stream endpoint, e.g. `ws://127.0.0.1:4000/graphql` (`wss://…` with TLS). */
  wsUrl: string;
  /** `http://127.0.0.1:4000`: where `/healthz`, `/readyz` and `/sync/schemas` live. */
  origin: string;
  host: string;
  port: number;
}

/** Where a server bound to `host` and `port` answers (an IPv6 host goes in brackets); `secure`: over TLS. */
export function listenAddress(host: string, port: number, secure = false): ListenAddress {
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const origin = `${secure ? 'https' : 'http'}://${urlHost}:${port}`;
  const wsUrl = `${secure ? 'wss' : 'ws'}://${urlHost}:${port}${GRAPHQL_PATH}`;
  return { url: `${origin}${GRAPHQL_PATH}`, wsUrl, origin, host, port };
}

/**
 * Whether the server still takes work, and the HTTP requests it is still answering, so a shutdown lets pushes
 * finish before the storage closes.
 */
export class TrafficGate {
  #closing = false;
  #inFlight = 0;
  #drained: (() => void) | null = null;

  get closing(): boolean {
    return this.#closing;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Counts `response` as in flight until its connection is done with it. */
  track(response: ServerResponse): void {
    this.#inFlight += 1;
    response.once('close', () => {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) this.#drained?.();
    });
  }

  close(): void {
    this.#closing = true;
  }

  /** Resolves once nothing is in flight, or after `timeoutMs`, whichever comes first. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.#inFlight === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

export interface LifecycleParts {
  httpServer: Server;
  gate: TrafficGate;
  streams: StreamSockets;
  pubsub: SyncPubSub;
  storage: SyncStorage;
  logger: Logger;
  /** How long a shutdown waits for in-flight requests before cutting them off. */
  shutdownTimeoutMs: number;
  /** For the "listening" log line. */
  collectionNames: readonly string[];
  /** Served over TLS: the address is https and wss. */
  secure: boolean;
}

export class ServerLifecycle {
  #address: ListenAddress | null = null;
  #closed: Promise<void> | null = null;
  readonly #parts: LifecycleParts;
  readonly #stopResync: () => void;

  constructor(parts: LifecycleParts) {
    this.#parts = parts;
    this.#stopResync = parts.pubsub.onResync(() => {
      parts.logger.warn('pub/sub reconnected: closing streams so clients resync');
      parts.streams.closeAll(STREAM_CLOSE.resync, 'Resync');
    });
  }

  /** Set once listening, cleared once closed. */
  get address(): ListenAddress | null {
    return this.#address;
  }

  async listen(port: number, host: string): Promise<ListenAddress> {
    if (this.#closed) throw new Error('This server was closed; create a new one.');
    const { httpServer, storage, logger, collectionNames } = this.#parts;
    await storage.migrate();
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    this.#address = listenAddress(host, (httpServer.address() as AddressInfo).port, this.#parts.secure);
    logger.info({ url: this.#address.url, storage: storage.dialect, collections: collectionNames }, 'listening');
    return this.#address;
  }

  /** Idempotent: every call gets the one shutdown. */
  close(): Promise<void> {
    this.#closed ??= this.#shutdown();
    return this.#closed;
  }

  async #shutdown(): Promise<void> {
    const { httpServer, gate, streams, pubsub, storage, logger, shutdownTimeoutMs } = this.#parts;
    gate.close();
    this.#stopResync();
    logger.info({ inFlight: gate.inFlight, streams: streams.count }, 'shutting down');
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    streams.closeAll(1001, 'Server shutting down');
    streams.stopAccepting();
    await gate.drain(shutdownTimeoutMs);
    httpServer.closeAllConnections();
    streams.terminateAll();
    if (this.#address) await stopped;
    await pubsub.close();
    await storage.close();
    this.#address = null;
    logger.info('stopped');
  }
}
