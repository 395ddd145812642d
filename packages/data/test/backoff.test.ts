// The retry backoff: exponential, capped, jittered within the upper half, and cut short by a wake-up; a wait the
// server asked for (429 Retry-After) is kept through a wake-up and ended only by a stop.
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src';
import { retryAfterMs } from '../src/graphql-transport';

describe('Backoff', () => {
  it('doubles per failure up to the cap, with jitter in the upper half', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 1_000 });
    expect(backoff.delayFor(0)).toBe(0);
    for (let i = 0; i < 50; i++) {
      for (const [failures, ceiling] of [
        [1, 100],
        [2, 200],
        [3, 400],
        [4, 800],
        [5, 1_000],
        [12, 1_000],
      ] as const) {
        const delay = backoff.delayFor(failures);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('lets a waiting retry go at once when woken (Sync now, back online)', async () => {
    const backoff = new Backoff({ initialMs: 3_600_000, maxMs: 3_600_000 });
    backoff.failed();
    const waiting = backoff.wait();
    backoff.wake();
    await expect(waiting).resolves.toBeUndefined();
    backoff.succeeded();
    await expect(backoff.wait()).resolves.toBeUndefined();
  });

  it("keeps the server's wait through a wake-up; only a release (stop) ends it", async () => {
    const backoff = new Backoff({ initialMs: 1, maxMs: 1 });
    backoff.failed(60_000);
    let done = false;
    const waiting = backoff.wait().then(() => {
      done = true;
    });
    backoff.wake();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    backoff.release();
    await waiting;
    expect(done).toBe(true);
  });
});

describe('retryAfterMs', () => {
  it('reads Retry-After as seconds or a date, else the body, else 1 s, and never more than 5 min', () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    expect(retryAfterMs('3', undefined, now)).toBe(3_000);
    expect(retryAfterMs('Tue, 01 Dec 2026 00:00:10 GMT', undefined, now)).toBe(10_000);
    const body = { errors: [{ message: 'slow down', extensions: { retryAfterSeconds: 2 } }] };
    expect(retryAfterMs(null, body, now)).toBe(2_000);
    expect(retryAfterMs(null, undefined, now)).toBe(1_000);
    expect(retryAfterMs('86400', undefined, now)).toBe(300_000);
  });
});
