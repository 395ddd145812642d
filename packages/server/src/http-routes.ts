// The server's own HTTP routes, answered before GraphQL: a request id on every answer (the client's
// x-request-id when well-formed), /healthz, /readyz, /sync/schemas, a 503 for all but /healthz while the server
// shuts down, and one log line per request.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { tokenFromHeader } from './auth.js';
import { SCHEMAS_PATH } from './endpoints.js';
import type { SyncMonitor } from './monitoring.js';
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
  /** `GET /metrics`: what it reports, the bearer token it asks for, and whether the server runs in production */
  metrics: { monitor: SyncMonitor; token: string | undefined; production: boolean };
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

/** Compares a given secret with the expected one in constant time. */
function sameSecret(given: string | undefined, expected: string): boolean {
  const [a, b] = [Buffer.from(given ?? ''), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `GET /metrics`, in Prometheus's text format, behind its token when one is set (and always in production). */
function metricsAnswer(request: Request, { monitor, token, production }: HttpRoutesOptions['metrics']): Response {
  if (token === undefined && production) {
    return json({ error: 'Metrics are off in production until a metrics token is set (SYNCLINE_METRICS_TOKEN).' }, 403);
  }
  if (token !== undefined && !sameSecret(tokenFromHeader(request.headers.get('authorization')), token)) {
    return json({ error: 'Metrics need "Authorization: Bearer <metrics token>".' }, 401);
  }
  return new Response(monitor.prometheus(), {
    headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function createHttpRoutes({ syncSchemas, storage, logger, isClosing, metrics }: HttpRoutesOptions): HttpRoutes {
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
      else if (url.pathname === '/metrics') endResponse(metricsAnswer(request, metrics));
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
      if (path === '/healthz' || path === '/readyz' || path === '/metrics') return;
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
