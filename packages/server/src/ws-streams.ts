// The stream transport: graphql-ws on the HTTP server's upgrade at /graphql, run through Yoga's envelop so every
// plugin (auth, Armor, masking) sees ws operations too. It checks a browser's Origin against the server's own
// (CORS does not cover upgrades) and a token given at connection time, and counts every operation against its
// tenant's rate limit.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { STREAM_READY } from '@syncline/protocol';
import type { GraphQLError } from 'graphql';
// Renamed: graphql-ws's `useServer` is no React hook.
import { useServer as attachGraphQLWs } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { type TokenVerifier, tokenFromHeader } from './auth.js';
import { GRAPHQL_PATH, isAllowedOrigin } from './endpoints.js';
import { ownOrigin } from './own-origin.js';
import { rateLimitedError, type TenantRateLimit } from './tenant-rate-limit.js';
import { deviceId, type SyncYoga, schemaVersionsOf, type WsTransport } from './yoga.js';

export interface StreamServerOptions {
  httpServer: Server;
  yoga: SyncYoga;
  verify: TokenVerifier;
  corsOrigins: readonly string[];
  /** Read the own origin from a proxy's forwarded headers (see own-origin.ts). */
  trustProxy: boolean;
  /** Each operation takes a request of its tenant's rate limit; none when it is off. */
  rateLimit: TenantRateLimit | null;
  /** The largest message a client may send, in bytes. */
  maxPayload: number;
  logger: Logger;
  /** True once the server has begun shutting down: new connections are refused. */
  isClosing: () => boolean;
}

/** The open stream connections, for a resync or a shutdown. */
export interface StreamSockets {
  readonly count: number;
  /** Closes every connection with `code`; 1012 (restart) makes clients reconnect and RESYNC. */
  closeAll(code: number, reason: string): void;
  /** Stops taking new connections. */
  stopAccepting(): void;
  /** Drops whatever connection is still open, without a closing handshake. */
  terminateAll(): void;
}

/** Where an upgrade request arrived: its socket's TLS and its headers. */
function arrived(req: IncomingMessage) {
  return {
    encrypted: Boolean((req.socket as TLSSocket).encrypted),
    header: (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The token a connection gave: in `connectionParams.headers` (as RxDB sends it) or at the top level. */
function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const headers = params?.headers as Record<string, unknown> | undefined;
  const value = headers?.Authorization ?? headers?.authorization ?? params?.Authorization;
  return tokenFromHeader(typeof value === 'string' ? value : undefined);
}

export function serveStreams(options: StreamServerOptions): StreamSockets {
  const { httpServer, yoga, verify, corsOrigins, trustProxy, rateLimit, logger, isClosing } = options;
  const wss = new WebSocketServer({
    server: httpServer,
    path: GRAPHQL_PATH,
    maxPayload: options.maxPayload,
    // Browsers send Origin on WebSocket upgrades and CORS does not apply to them: check it here.
    // Non-browser clients (Node) send none.
    verifyClient: ({ origin, req }: { origin: string; req: IncomingMessage }) =>
      !origin || isAllowedOrigin(origin, ownOrigin(arrived(req), trustProxy), corsOrigins),
  });

  attachGraphQLWs<Record<string, unknown> | undefined, { request: IncomingMessage; socket: WebSocket }>(
    {
      // A token given at connection time must be valid; one given only in the stream's `headers` is checked
      // when the subscription starts.
      onConnect: async (ctx) => {
        if (isClosing()) return false;
        const token = connectionToken(ctx.connectionParams);
        // the acknowledgement says this server announces its streams' start to a client that asks (STREAM_READY)
        const accepted = { [STREAM_READY]: true };
        if (!token) return accepted;
        try {
          await verify(token);
          return accepted;
        } catch (error) {
          logger.info({ reason: (error as Error).message }, 'ws connection refused');
          return false;
        }
      },
      execute: (args) => (args.rootValue as { execute: typeof import('graphql').execute }).execute(args),
      subscribe: (args) => (args.rootValue as { subscribe: typeof import('graphql').subscribe }).subscribe(args),
      onSubscribe: async (ctx, _id, payload) => {
        const token = connectionToken(ctx.connectionParams);
        const retryAfter = await rateLimit?.check(token ?? connectionToken(payload.variables ?? undefined));
        if (retryAfter) return [rateLimitedError(retryAfter)];
        const transport: WsTransport = {
          token,
          device: deviceId(ctx.connectionParams?.device),
          schemaVersions: schemaVersionsOf(ctx.connectionParams?.schemas),
          announceReady: ctx.connectionParams?.[STREAM_READY] === true,
          requestId: randomUUID(),
          closeConnection: (code, reason) => ctx.extra.socket.close(code, reason),
        };
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          transport,
        });
        // Parse and validation failures (syntax, Armor's limits) are answers to the client, not server faults.
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
          const errors = validate(schema, document);
          if (errors.length) return errors;
        } catch (error) {
          // By name, not instanceof: graphql's CommonJS and ESM builds may both be loaded.
          if (error instanceof Error && error.name === 'GraphQLError') return [error as GraphQLError];
          throw error;
        }
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe },
        };
      },
    },
    wss,
  );

  return {
    get count() {
      return wss.clients.size;
    },
    closeAll(code, reason) {
      for (const socket of wss.clients) socket.close(code, reason);
    },
    stopAccepting: () => wss.close(),
    terminateAll() {
      for (const socket of wss.clients) socket.terminate();
    },
  };
}
