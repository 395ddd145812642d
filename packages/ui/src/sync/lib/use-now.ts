'use client';
// A ticking clock for relative times and countdowns. A fixed `now` (stories, screenshots, tests) stops the ticking.
import { useEffect, useState } from 'react';
import { type Moment, toMillis } from './relative-time';

/** The current time in ms, re-rendering every `intervalMs`; returns `fixed` unchanged when one is given. */
export function useNow(fixed?: Moment, intervalMs = 1000): number {
  const [tick, setTick] = useState(() => Date.now());
  const frozen = fixed !== undefined;
  useEffect(() => {
    if (frozen) return;
    const id = setInterval(() => setTick(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [frozen, intervalMs]);
  return frozen ? toMillis(fixed) : tick;
}
