// How long each phase stays on screen: a blip never shows, a short sync always does, long enough to be read.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SyncPhase } from '../sync-status-widget/sync-phase';
import { PhaseDisplay } from './phase-display';

describe('PhaseDisplay', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A display and every phase it put on screen, in order. */
  function watch(initial: SyncPhase) {
    const display = new PhaseDisplay(initial, { settleDelayMs: 500, minBusyMs: 1200 });
    const seen: SyncPhase[] = [initial];
    display.subscribe(() => seen.push(display.current()));
    return { display, seen };
  }

  it('shows a sync at once and keeps it long enough to read, however short it was', () => {
    const { display, seen } = watch('offline');
    display.update('syncing-up');
    expect(display.current()).toBe('syncing-up');
    vi.advanceTimersByTime(50);
    display.update('idle'); // the push was acknowledged after 50 ms
    vi.advanceTimersByTime(1100);
    expect(display.current()).toBe('syncing-up');
    vi.advanceTimersByTime(100);
    expect(display.current()).toBe('idle');
    expect(seen).toEqual(['offline', 'syncing-up', 'idle']);
  });

  it('lets a calm change show only once it has held, so a blip never flickers', () => {
    const { display, seen } = watch('idle');
    display.update('offline');
    vi.advanceTimersByTime(200);
    display.update('idle');
    vi.advanceTimersByTime(2000);
    expect(seen).toEqual(['idle']);
    display.update('offline');
    vi.advanceTimersByTime(500);
    expect(seen).toEqual(['idle', 'offline']);
  });

  it('moves from one busy phase to the next without going back to idle in between', () => {
    const { display, seen } = watch('idle');
    display.update('syncing-up');
    display.update('syncing-down');
    display.update('idle');
    vi.advanceTimersByTime(1200);
    expect(seen).toEqual(['idle', 'syncing-up', 'idle']);
  });

  it('shows the phase the status ended in after the hold, not one it passed through', () => {
    const { display, seen } = watch('idle');
    display.update('syncing-up');
    display.update('error');
    display.update('needs-review');
    vi.advanceTimersByTime(1200);
    expect(seen).toEqual(['idle', 'syncing-up', 'needs-review']);
  });

  it('tells its listeners nothing while the phase stays the same', () => {
    const { display, seen } = watch('idle');
    for (let i = 0; i < 10; i++) display.update('idle');
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual(['idle']);
    display.dispose();
  });
});
