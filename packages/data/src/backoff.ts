// Exponential backoff with jitter, one per collection and direction (and one for the socket): after a failure
// the next attempt waits, and anything that suggests the server is back (syncNow, the browser going online, the
// socket reconnecting) wakes the waiters at once.

export interface BackoffOptions {
  /** first delay after a failure; default 500 ms */
  initialMs?: number;
  /** ceiling of the delay; default 30 s */
  maxMs?: number;
}

export class Backoff {
  private failures = 0;
  private readonly wakers = new Set<() => void>();
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

  /** Waits the current delay (nothing after a success), unless woken first. */
  wait(failures = this.failures): Promise<void> {
    const delay = this.delayFor(failures);
    if (delay === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, delay);
      this.wakers.add(done);
    });
  }

  failed(): void {
    this.failures += 1;
  }

  succeeded(): void {
    this.failures = 0;
  }

  /** Cuts every wait short, e.g. when the user presses "Sync now" or the network comes back. */
  wake(): void {
    for (const done of [...this.wakers]) done();
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

  /** Cuts every wait short: "Sync now", the network back, the socket reconnected. */
  wakeAll(): void {
    for (const backoff of this.byKey.values()) backoff.wake();
  }

  /** Starts every backoff afresh (a resume after a pause). */
  resetAll(): void {
    for (const backoff of this.byKey.values()) backoff.succeeded();
  }
}
