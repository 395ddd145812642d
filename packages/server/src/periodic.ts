// A job the server repeats while it runs (removing old audit entries, orphan files): once at start, then on an
// interval whose timer never keeps the process alive; a failed repeat is reported and the next one tries again.

export interface Periodic {
  /** Runs the job now (waited for only when its failure fails the start), then every `everyMs` until `stop()`. */
  start(): Promise<void>;
  stop(): void;
}

export function periodic(
  job: () => Promise<unknown>,
  {
    everyMs,
    onError,
    firstRun = 'throws',
  }: {
    everyMs: number;
    /** a failed run (every repeat; the first too, unless it `throws`) */
    onError: (error: unknown) => void;
    /** whether the first run's failure fails `start()` (`throws`, awaited) or is only reported (`reported`, not awaited) */
    firstRun?: 'throws' | 'reported';
  },
): Periodic {
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    async start() {
      // a job whose failure is only reported does not hold up the start (a sweep of every stored file, say)
      if (firstRun === 'throws') await job();
      else void job().catch(onError);
      timer ??= setInterval(() => {
        job().catch(onError);
      }, everyMs);
      timer.unref?.();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
