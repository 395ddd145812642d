// The rules behind production safety, each on its own: the server's own origin (the connection's scheme, and a
// proxy's forwarded headers only when trusted), the per-tenant token bucket, its limits' defaults, and verified
// tokens kept only until they expire. The whole story against real processes is tests/security.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError, createTokenVerifier, signToken } from '../src/auth.js';
import { resolveLimits } from '../src/limits.js';
import { ownOrigin } from '../src/own-origin.js';
import { TenantBuckets } from '../src/tenant-rate-limit.js';
import { TEST_JWT_SECRET } from '../src/testing.js';

const request = (headers: Record<string, string>, encrypted = false) => ({
  encrypted,
  header: (name: string) => headers[name],
});

describe('the own origin', () => {
  it('takes the scheme from the connection and the host from Host, normalised as a browser writes it', () => {
    expect(ownOrigin(request({ host: 'Sync.Example.com:443' }, true), false)).toBe('https://sync.example.com');
    expect(ownOrigin(request({ host: '127.0.0.1:4000' }), false)).toBe('http://127.0.0.1:4000');
    expect(ownOrigin(request({}), false)).toBeUndefined();
  });

  it('ignores forwarded headers unless the proxy is trusted', () => {
    const forged = { host: '127.0.0.1:4000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    expect(ownOrigin(request(forged), false)).toBe('http://127.0.0.1:4000');
    expect(ownOrigin(request(forged), true)).toBe('https://evil.example');
  });

  it('behind a trusted proxy, reads RFC 7239 Forwarded first, the nearest proxy’s element, and no odd scheme', () => {
    const headers = {
      host: 'internal:4000',
      forwarded: 'for=1.2.3.4;proto=https;host="sync.example.com", for=10.0.0.1;proto=http;host=internal',
      'x-forwarded-host': 'other.example',
    };
    expect(ownOrigin(request(headers), true)).toBe('https://sync.example.com');
    expect(ownOrigin(request({ host: 'a.example', 'x-forwarded-proto': 'javascript' }), true)).toBe('http://a.example');
    expect(ownOrigin(request({ host: 'a.example', 'x-forwarded-proto': 'https, http' }), true)).toBe(
      'https://a.example',
    );
  });
});

describe('the per-tenant bucket', () => {
  it('lets a burst through, then one a second per rate, each tenant on its own', () => {
    let now = 1_000_000;
    const buckets = new TenantBuckets(2, 3, () => now);
    expect([1, 2, 3].map(() => buckets.take('acme'))).toEqual([0, 0, 0]);
    // empty: the next token comes in half a second, said as a whole second
    expect(buckets.take('acme')).toBe(1);
    expect(buckets.take('globex')).toBe(0);
    now += 500;
    expect(buckets.take('acme')).toBe(0);
    expect(buckets.take('acme')).toBe(1);
    now += 10_000;
    // refilled to the burst, no more
    expect([1, 2, 3, 4].map(() => buckets.take('acme'))).toEqual([0, 0, 0, 1]);
  });

  it('is on in production and off elsewhere by default, and 0 turns it off', () => {
    const collections = [{ schema: { type: 'object', properties: { id: { type: 'string' } } } }] as never;
    expect(resolveLimits(collections, {}, { production: true })).toMatchObject({ tenantRate: 50, tenantBurst: 500 });
    expect(resolveLimits(collections, {}, { production: false })).toMatchObject({ tenantRate: 0 });
    expect(resolveLimits(collections, { tenantRate: 0 }, { production: true })).toMatchObject({ tenantRate: 0 });
    expect(() => resolveLimits(collections, { tenantRate: -1 }, { production: true })).toThrow(/tenantRate/);
  });
});

describe('verified tokens', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are kept only until they expire', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verify = createTokenVerifier({ secret: TEST_JWT_SECRET, clockToleranceSeconds: 0 });
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'acme', ttl: 60 });
    expect((await verify(token)).tenant).toBe('acme');
    expect((await verify(token)).tenant).toBe('acme');
    vi.setSystemTime(Date.now() + 61_000);
    await expect(verify(token)).rejects.toThrow(AuthError);
    await expect(verify(token)).rejects.toThrow(/Token expired/);
  });
});
