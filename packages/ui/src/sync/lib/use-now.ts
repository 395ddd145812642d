'use client';
// A ticking clock for relative times and countdowns. One timer per interval serves every view that uses it, so
// cards on a floor count down in step; a view re-renders only when what it shows from the time changes, so a clock
// with nothing on screen to update costs no renders. A fixed `now` (stories, screenshots, tests) stops the clock.
import { useSyncExternalStore } from 'react';
import { type Moment, toMillis } from './relative-time';

/** What a view shows from the time, compared with `Object.is`: a label, a countdown, a count. */
export type TimeView = string | number | boolean | null | undefined;

interface Clock {
  /** The time of the last tick: at most one interval old, and the same for every view between two ticks. */
  read: () => number;
  subscribe: (listener: () => void) => () => void;
}

const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  const existing = clocks.get(intervalMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  let now = Date.now();
  const clock: Clock = {
    read() {
      // While nothing listens no timer moves the clock on; a view mounting then reads a time as fresh as a tick's.
      if (timer === undefined && Date.now() - now >= intervalMs) now = Date.now();
      return now;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        now = Date.now();
        timer = setInterval(() => {
          now = Date.now();
          for (const notify of listeners) notify();
        }, intervalMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        clearInterval(timer);
        timer = undefined;
      };
    },
  };
  clocks.set(intervalMs, clock);
  return clock;
}

const stopped = () => () => {};
const everyTick = (now: number) => now;

/**
 * The current time in ms, checked every `intervalMs`. The component re-renders when `shown(now)` changes (by default
 * on every tick): pass what it shows from the time, e.g. `(now) => formatRelativeTime(savedAt, now)`, and a
 * "3 min ago" re-renders once a minute, not on every tick. Returns `fixed` unchanged when one is given.
 */
export function useNow(fixed?: Moment, intervalMs = 1000, shown: (now: number) => TimeView = everyTick): number {
  const clock = clockOf(intervalMs);
  const frozen = fixed !== undefined;
  const view = () => shown(frozen ? toMillis(fixed) : clock.read());
  useSyncExternalStore(frozen ? stopped : clock.subscribe, view, view);
  return frozen ? toMillis(fixed) : clock.read();
}
