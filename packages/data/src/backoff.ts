// Exponential backoff with jitter, one per collection and direction (and one for the socket): after a failure
// the next attempt waits, and anything that suggests the server is back (syncNow, the browser going online, the
// socket reconnecting) wakes the waiters at once. A wait the server asked for (a 429's Retry-After) is kept even
// then: only a stop ends it early.

export interface BackoffOptions {
  /** first delay after a failure; default 500 ms */
  initialMs?: number;
  /** ceiling of the delay; default 30 s */
  maxMs?: number;
}

export class Backoff {
  private failures = 0;
  /** the server asked for no retry before this moment (ms since the epoch) */
  private notBefore = 0;
  /** each waiter's wake-up: `release` ends the server's wait too */
  private readonly wakers = new Set<(release: boolean) => void>();
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 500;
    this.maxMs = options.maxMs ?? 30_000;
  }

  /** The delay before attempt number `failures + 1`: exponential, capped, with half of it random (jitter). */
  delayFor(failures: number): number {
    if (failures <= 0) return 0;
    const ceiling = Math.min(this.maxMs, this.initialMs * 2 ** (failures - 1));
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  /** Waits the current delay (nothing after a success) and whatever is left of the server's, unless woken first. */
  wait(failures = this.failures): Promise<void> {
    const delay = Math.max(this.delayFor(failures), this.notBefore - Date.now());
    if (delay <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const wake = (release: boolean) => {
        const asked = this.notBefore - Date.now();
        if (release || asked <= 0) return done();
        // woken, yet the server asked for more: wait out its time only
        clearTimeout(timer);
        timer = setTimeout(done, asked);
      };
      let timer = setTimeout(done, delay);
      this.wakers.add(wake);
    });
  }

  /** A failed attempt; `retryAfterMs`: the server asked for at least this long before the next one. */
  failed(retryAfterMs?: number): void {
    this.failures += 1;
    if (retryAfterMs !== undefined) this.notBefore = Math.max(this.notBefore, Date.now() + retryAfterMs);
  }

  succeeded(): void {
    this.failures = 0;
  }

  /** Cuts every wait short, e.g. when the user presses "Sync now" or the network comes back; not the server's. */
  wake(): void {
    for (const wake of [...this.wakers]) wake(false);
  }

  /** Ends every wait, the server's too: the replication stops and nothing will be sent. */
  release(): void {
    for (const wake of [...this.wakers]) wake(true);
  }
}

/**
 * One backoff per kind of request (a collection's pulls, its pushes, the live socket), so one that keeps failing
 * neither delays the others nor is hurried by their successes.
 */
export class Backoffs {
  private readonly byKey = new Map<string, Backoff>();

  private readonly options: BackoffOptions;

  constructor(options: BackoffOptions = {}) {
    this.options = options;
  }

  of(key: string): Backoff {
    let backoff = this.byKey.get(key);
    if (!backoff) {
      backoff = new Backoff(this.options);
      this.byKey.set(key, backoff);
    }
    return backoff;
  }

  /** Cuts every wait short: "Sync now", the network back, the socket reconnected (a server's wait is kept). */
  wakeAll(): void {
    for (const backoff of this.byKey.values()) backoff.wake();
  }

  /** Ends every wait, the server's too: the replication stops. */
  releaseAll(): void {
    for (const backoff of this.byKey.values()) backoff.release();
  }

  /** Starts every backoff afresh (a resume after a pause). */
  resetAll(): void {
    for (const backoff of this.byKey.values()) backoff.succeeded();
  }
}
