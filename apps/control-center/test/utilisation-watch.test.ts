// What the dashboard's utilisation trend is drawn from: the shares this device saw, one when it changed or a minute
// after the last, none for a shop with no machines, and nothing older than the trend can show.
import { describe, expect, it } from 'vitest';
import { watchUtilisation } from '../src/lib/utilisation-watch';

const MINUTE = 60_000;

describe('watchUtilisation', () => {
  it('records a share when it changes or a minute after the last, and nothing for a shop with no machines', () => {
    const start = Date.UTC(2026, 2, 10, 8);
    expect(watchUtilisation(null, start)).toEqual([]);
    watchUtilisation(0.5, start);
    watchUtilisation(0.5, start + 10_000);
    watchUtilisation(0.75, start + 20_000);
    const seen = watchUtilisation(0.75, start + 20_000 + MINUTE);
    expect(seen).toEqual([
      { at: start, share: 0.5 },
      { at: start + 20_000, share: 0.75 },
      { at: start + 20_000 + MINUTE, share: 0.75 },
    ]);
  });

  it('lets go of what is older than nine hours', () => {
    const later = Date.UTC(2026, 2, 10, 17, 30);
    expect(watchUtilisation(0.25, later)).toEqual([{ at: later, share: 0.25 }]);
  });
});
