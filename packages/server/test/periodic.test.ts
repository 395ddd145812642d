// The server's repeated jobs (audit retention, the orphan file sweep): run at start, then again and again until
// stopped; a failed first run fails the start or is only reported, as the job asks, and a failed repeat never stops
// the next.
import { describe, expect, it } from 'vitest';
import { periodic } from '../src/periodic.js';

describe('a periodic job', () => {
  it('runs at start, repeats until stopped, and goes on after a failed repeat', async () => {
    let runs = 0;
    const errors: unknown[] = [];
    const job = periodic(
      async () => {
        runs += 1;
        if (runs === 2) throw new Error('the database blinked');
      },
      { everyMs: 10, onError: (error) => errors.push(error) },
    );
    await job.start();
    expect(runs).toBe(1);
    await expect.poll(() => runs).toBeGreaterThanOrEqual(4);
    expect(errors).toEqual([new Error('the database blinked')]);
    job.stop();
    const stoppedAt = runs;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runs).toBe(stoppedAt);
  });

  it('fails the start on a failed first run, or only reports it', async () => {
    const failing = async () => {
      throw new Error('no disk');
    };
    const strict = periodic(failing, { everyMs: 1_000, onError: () => {} });
    await expect(strict.start()).rejects.toThrow('no disk');
    strict.stop();

    const reported: unknown[] = [];
    const lenient = periodic(failing, {
      everyMs: 1_000,
      onError: (error) => reported.push(error),
      firstRun: 'reported',
    });
    await lenient.start();
    expect(reported).toEqual([new Error('no disk')]);
    lenient.stop();
  });
});
