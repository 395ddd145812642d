// The retry backoff: exponential, capped, jittered within the upper half, and cut short by a wake-up.
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src';

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
});
