// The server's own HTTP routes, answered before GraphQL: a request id on every answer (the client's
// x-request-id when well-formed), /healthz, /readyz, /sync/schemas, a 503 for all but /healthz while the server
// shuts down, and one log line per request.
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { SCHEMAS_PATH } from './endpoints.js';
import type { SyncStorage } from './storage/types.js';

/** A client's own request id is kept when it is short and safe to echo in a header and a log line. */
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface HttpRoutesOptions {
  /** The `GET /sync/schemas` answer. */
  syncSchemas: object;
  storage: Pick<SyncStorage, 'dialect' | 'ping'>;
  logger: Logger;
  /** True once the server has begun shutting down. */
  isClosing: () => boolean;
}

export interface HttpRoutes {
  plugin: Plugin;
  /** The id a request is answered under, once the routes have seen it. */
  requestIdOf(request: Request): string | undefined;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

export function createHttpRoutes({ syncSchemas, storage, logger, isClosing }: HttpRoutesOptions): HttpRoutes {
  const seen = new WeakMap<Request, { id: string; started: number }>();

  const plugin: Plugin = {
    onRequest({ request, url, endResponse }) {
      const given = request.headers.get('x-request-id');
      seen.set(request, { id: given && REQUEST_ID.test(given) ? given : randomUUID(), started: performance.now() });
      if (isClosing() && url.pathname !== '/healthz') {
        endResponse(json({ error: 'The server is shutting down; retry shortly.' }, 503));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      if (url.pathname === '/healthz') endResponse(json({ status: 'ok' }));
      else if (url.pathname === SCHEMAS_PATH) endResponse(json(syncSchemas));
      else if (url.pathname === '/readyz') {
        return storage.ping().then(
          () => endResponse(json({ status: 'ready', storage: storage.dialect })),
          (error: unknown) => {
            logger.warn({ err: error }, 'readiness check failed: storage unavailable');
            endResponse(json({ status: 'unavailable', storage: storage.dialect }, 503));
          },
        );
      }
    },
    onResponse({ request, response }) {
      const meta = seen.get(request);
      if (!meta) return;
      response.headers.set('x-request-id', meta.id);
      const path = new URL(request.url).pathname;
      if (path === '/healthz' || path === '/readyz') return;
      logger.info(
        {
          requestId: meta.id,
          method: request.method,
          path,
          status: response.status,
          ms: Math.round(performance.now() - meta.started),
        },
        'request',
      );
    },
  };

  return { plugin, requestIdOf: (request) => seen.get(request)?.id };
}
