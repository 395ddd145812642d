// Machine utilisation as this device watched it go by, for the dashboard's trend: a machine reports its state, not
// the history of it, so the trend is what this device saw while the dashboard was open (kept for the session).
import type { UtilisationSample } from '@syncline/domain';

const MINUTE = 60_000;
/** Samples older than this fall out of every trend (the dashboard's is 8 hours, and the hour before them). */
const KEEP_MS = 9 * 60 * MINUTE;

const seen: UtilisationSample[] = [];

/**
 * Records the share of machines running at `now` (when it changed, or a minute after the last sample) and returns
 * the samples kept. A shop with no machines (null) records nothing.
 */
export function watchUtilisation(share: number | null, now: number): readonly UtilisationSample[] {
  const last = seen.at(-1);
  if (share !== null && (!last || last.share !== share || now - last.at >= MINUTE)) seen.push({ at: now, share });
  while ((seen[0]?.at ?? now) < now - KEEP_MS) seen.shift();
  return [...seen];
}
