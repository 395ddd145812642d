// Which sync phase is on screen, given the phase the status is in now. A calm phase (offline, idle, an error)
// shows once it has held for a moment, so a blip never flickers; a busy one (sending, receiving) shows at once and
// stays long enough to be read, so a sync of 50 ms is still seen. Plain timers, no React: one display can serve
// every view of a store, so they never disagree.
import { busyPhases, type SyncPhase } from '../sync-status-widget/sync-phase';

export interface PhaseDisplayOptions {
  /** How long a calm phase must hold before it shows, in ms. 0 shows every change at once. */
  settleDelayMs?: number;
  /** How long a busy phase stays on screen at least, in ms. */
  minBusyMs?: number;
}

export const defaultSettleDelayMs = 500;
export const defaultMinBusyMs = 1200;

export class PhaseDisplay {
  private shown: SyncPhase;
  private shownAt = Date.now();
  private target: SyncPhase;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly settleDelayMs: number;
  private readonly minBusyMs: number;

  constructor(initial: SyncPhase, options: PhaseDisplayOptions = {}) {
    this.shown = initial;
    this.target = initial;
    this.settleDelayMs = options.settleDelayMs ?? defaultSettleDelayMs;
    this.minBusyMs = options.minBusyMs ?? defaultMinBusyMs;
  }

  /** The phase on screen. */
  readonly current = (): SyncPhase => this.shown;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The status is in `phase` now. */
  update(phase: SyncPhase): void {
    if (phase === this.target) return;
    this.target = phase;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (phase === this.shown) return;
    const settle = busyPhases.has(phase) ? 0 : this.settleDelayMs;
    const held = busyPhases.has(this.shown) ? this.minBusyMs - (Date.now() - this.shownAt) : 0;
    const wait = Math.max(settle, held);
    if (wait <= 0) this.show();
    else this.timer = setTimeout(() => this.show(), wait);
  }

  private show(): void {
    this.timer = undefined;
    if (this.target === this.shown) return;
    this.shown = this.target;
    this.shownAt = Date.now();
    for (const listener of this.listeners) listener();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
  }
}
