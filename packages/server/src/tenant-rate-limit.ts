// Per-tenant rate limits: a token bucket per tenant, so one shop cannot monopolise the server (and its single
// SQLite writer) while the others wait. Every GraphQL request over HTTP, every request to the file routes and every
// stream subscription takes a token; over the limit an HTTP request is answered 429 with Retry-After (a file route
// in its own `{ error }` shape), and a subscription with the same error.
import { FILES_PATH } from '@syncline/protocol';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { type TokenVerifier, tokenFromHeader } from './auth.js';
import { GRAPHQL_PATH } from './endpoints.js';

export const RATE_LIMITED = 'RATE_LIMITED';

interface Bucket {
  tokens: number;
  at: number;
}

/** Tenants whose bucket is full again are forgotten beyond this many (a full bucket is the same as a new one). */
const KEPT_BUCKETS = 10_000;

export class TenantBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perSecond: number;
  private readonly burst: number;
  private readonly now: () => number;

  /** `perSecond` tokens a second, up to `burst` saved up. */
  constructor(perSecond: number, burst: number, now: () => number = Date.now) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.now = now;
  }

  /** Takes one token of `tenant`'s bucket: 0 when it had one, else the seconds until it has one again. */
  take(tenant: string): number {
    const now = this.now();
    const bucket = this.buckets.get(tenant) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.set(tenant, bucket);
    if (this.buckets.size > KEPT_BUCKETS) this.forgetFull(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond));
  }

  private forgetFull(now: number): void {
    for (const [tenant, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(tenant);
    }
  }
}

/** What a client over its tenant's limit is told: what happened, and when to try again. */
export function rateLimitedError(retryAfterSeconds: number) {
  return createGraphQLError(
    `Too many requests from this tenant: the server is limiting how fast one tenant may sync. Retry after ${retryAfterSeconds} s; nothing was lost, send the same request again then.`,
    { extensions: { code: RATE_LIMITED, retryAfterSeconds, http: { status: 429 } } },
  );
}

export interface TenantRateLimit {
  /** The seconds `token`'s tenant must wait, or 0 to go ahead. A missing or invalid token is not limited here. */
  check(token: string | undefined): Promise<number>;
  /** The Yoga plugin that answers a GraphQL or file request over the limit with 429 before it is read. */
  plugin: Plugin;
}

export function createTenantRateLimit({
  verify,
  perSecond,
  burst,
}: {
  verify: TokenVerifier;
  perSecond: number;
  burst: number;
}): TenantRateLimit {
  const buckets = new TenantBuckets(perSecond, burst);
  const check = async (token: string | undefined) => {
    // the request itself says why a token is refused; the tenant is known only from a valid one
    const principal = token ? await verify(token).catch(() => undefined) : undefined;
    return principal ? buckets.take(principal.tenant) : 0;
  };
  const plugin: Plugin = {
    onRequest({ request, url, endResponse }) {
      const file = url.pathname.startsWith(`${FILES_PATH}/`);
      if ((url.pathname !== GRAPHQL_PATH && !file) || request.method === 'OPTIONS') return;
      return check(tokenFromHeader(request.headers.get('authorization'))).then((retryAfter) => {
        if (retryAfter === 0) return;
        const { message, extensions } = rateLimitedError(retryAfter);
        const detail = { code: extensions.code, retryAfterSeconds: retryAfter };
        endResponse(
          Response.json(file ? { error: message, ...detail } : { errors: [{ message, extensions: detail }] }, {
            status: 429,
            headers: { 'retry-after': String(retryAfter), 'cache-control': 'no-store' },
          }),
        );
      });
    },
  };
  return { check, plugin };
}
