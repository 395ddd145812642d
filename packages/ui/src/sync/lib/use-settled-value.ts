'use client';
// Shows a changing value only once it has held for a moment, so a blip (offline for 200 ms) never flickers on screen.
import { useEffect, useState } from 'react';

/** Returns `value` after it has stayed the same for `delayMs`; the first value shows at once. */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return;
    if (delayMs <= 0) {
      setSettled(value);
      return;
    }
    const id = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(id);
  }, [value, settled, delayMs]);
  return delayMs <= 0 ? value : settled;
}
