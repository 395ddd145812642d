// What a machine card derives from a machine's record and the clock: how fresh its data is (and so whether its state
// and countdown can be trusted), how far its cycle has got, and the order alarms are listed in. Pure, so stories pass
// a fixed `now` and render the same every time.
import { type Moment, toMillis } from '../sync/lib/relative-time';

export type MachineState = 'idle' | 'running' | 'paused' | 'done' | 'error' | 'maintenance';
/** What a view may say about a machine's state: its reported state while its data is fresh, else 'unknown'. */
export type ShownMachineState = MachineState | 'unknown';
export type MachineConnection = 'online' | 'stale' | 'offline';
export type AlarmSeverity = 'critical' | 'major' | 'minor' | 'warning';
export type MachineCommand = 'start' | 'pause' | 'stop' | 'maintenance';

export interface MachineAlarm {
  id: string;
  severity: AlarmSeverity;
  code?: string;
  message: string;
  raisedAt: Moment;
  acknowledgedAt?: Moment | null;
}

export interface MachineCycle {
  program: string;
  startedAt: Moment;
  durationSec: number;
  /** When the cycle was paused; the countdown stands still from then. */
  pausedAt?: Moment | null;
}

export const machineStateLabel: Record<ShownMachineState, string> = {
  unknown: 'Unknown',
  idle: 'Idle',
  running: 'Running',
  paused: 'Paused',
  done: 'Done',
  error: 'Error',
  maintenance: 'Maintenance',
};

export const alarmSeverityLabel: Record<AlarmSeverity, string> = {
  critical: 'Critical',
  major: 'Major',
  minor: 'Minor',
  warning: 'Warning',
};

/** Most severe first: the order alarms are listed in everywhere (0 = critical). */
export const alarmSeverityRank: Record<AlarmSeverity, number> = { critical: 0, major: 1, minor: 2, warning: 3 };

export interface ConnectionThresholds {
  /** No heartbeat for this long makes the machine stale. */
  staleAfterMs?: number;
  /** No heartbeat for this long makes it offline. */
  offlineAfterMs?: number;
}

export function deriveMachineConnection(
  lastSeenAt: Moment | null | undefined,
  now: Moment,
  { staleAfterMs = 60_000, offlineAfterMs = 5 * 60_000 }: ConnectionThresholds = {},
): MachineConnection {
  if (lastSeenAt == null) return 'offline';
  const silent = toMillis(now) - toMillis(lastSeenAt);
  if (silent >= offlineAfterMs) return 'offline';
  if (silent >= staleAfterMs) return 'stale';
  return 'online';
}

export interface MachineFreshnessInput extends ConnectionThresholds {
  lastSeenAt: Moment | null | undefined;
  now: Moment;
  /** Set while this device is offline: the moment its data was last current. Freshness is judged then, not now. */
  dataAsOf?: Moment | null;
  /** Overrides the connection derived from `lastSeenAt`. */
  connection?: MachineConnection;
}

export interface MachineFreshness {
  connection: MachineConnection;
  /** The machine reports and this device hears it: its state and countdown are live. */
  live: boolean;
  /** The moment the machine's figures hold for: now while live, else its last report. */
  figuresAt: number;
}

/** How far a view can trust a machine's data: a late heartbeat, or this device being offline, stops the clock. */
export function machineFreshness({
  lastSeenAt,
  now,
  dataAsOf,
  connection,
  ...thresholds
}: MachineFreshnessInput): MachineFreshness {
  const judgedAt = dataAsOf == null ? toMillis(now) : Math.min(toMillis(now), toMillis(dataAsOf));
  const derived = connection ?? deriveMachineConnection(lastSeenAt, judgedAt, thresholds);
  const live = derived === 'online' && dataAsOf == null;
  return {
    connection: derived,
    live,
    figuresAt: live ? toMillis(now) : lastSeenAt == null ? judgedAt : Math.min(judgedAt, toMillis(lastSeenAt)),
  };
}

/** A machine past the stale threshold may have finished, faulted or been switched off: its state is unknown. */
export function shownMachineState(state: MachineState, connection: MachineConnection): ShownMachineState {
  return connection === 'online' ? state : 'unknown';
}

export interface CycleProgress {
  /** 0..100 */
  percent: number;
  remainingMs: number;
  elapsedMs: number;
}

export function cycleProgress(cycle: MachineCycle, now: Moment): CycleProgress {
  const durationMs = Math.max(1, cycle.durationSec * 1000);
  const until = cycle.pausedAt == null ? toMillis(now) : toMillis(cycle.pausedAt);
  const elapsedMs = Math.min(durationMs, Math.max(0, until - toMillis(cycle.startedAt)));
  return { percent: (elapsedMs / durationMs) * 100, remainingMs: durationMs - elapsedMs, elapsedMs };
}

export type CyclePhase = 'counting' | 'finishing' | 'paused' | 'halted' | 'complete' | 'as-of';

export interface CycleStatus {
  /** 0..100, or null when it cannot be known (a pause or a fault the machine did not time). */
  percent: number | null;
  remainingMs: number | null;
  /**
   * counting: running, the countdown is live; finishing: run its length, not reported done yet; paused: standing
   * still; halted: stopped by an error or maintenance; complete: done; as-of: the figures of the last report, since
   * the data is not live.
   */
  phase: CyclePhase;
}

/**
 * What a view says about a cycle in a state. Only a done machine's cycle is complete: a paused one at its full
 * length is still paused, and a paused one with no reported pause time has an unknown amount left, not a countdown.
 */
export function cycleStatus(state: MachineState, cycle: MachineCycle, freshness: MachineFreshness): CycleStatus {
  if (state === 'done') return { percent: 100, remainingMs: 0, phase: 'complete' };
  if (state !== 'running' && state !== 'paused') return { percent: null, remainingMs: null, phase: 'halted' };
  if (state === 'paused' && cycle.pausedAt == null) return { percent: null, remainingMs: null, phase: 'paused' };
  const { percent, remainingMs } = cycleProgress(cycle, freshness.figuresAt);
  if (state === 'paused') return { percent, remainingMs, phase: 'paused' };
  if (!freshness.live) return { percent, remainingMs, phase: 'as-of' };
  return { percent, remainingMs, phase: remainingMs > 0 ? 'counting' : 'finishing' };
}

export type SortableAlarm = Pick<MachineAlarm, 'severity' | 'raisedAt' | 'acknowledgedAt'>;

/** The order alarms are listed in everywhere: open before acknowledged, then the most severe, then the newest. */
export function compareAlarms(a: SortableAlarm, b: SortableAlarm): number {
  return (
    Number(a.acknowledgedAt != null) - Number(b.acknowledgedAt != null) ||
    alarmSeverityRank[a.severity] - alarmSeverityRank[b.severity] ||
    toMillis(b.raisedAt) - toMillis(a.raisedAt)
  );
}

/** A sorted copy, in the order above; `alarmOf` picks the alarm out of a row (a dashboard row with its machine). */
export function sortAlarms<T extends SortableAlarm>(alarms: readonly T[]): T[];
export function sortAlarms<T>(items: readonly T[], alarmOf: (item: T) => SortableAlarm): T[];
export function sortAlarms<T>(items: readonly T[], alarmOf = (item: T) => item as SortableAlarm): T[] {
  return [...items].sort((a, b) => compareAlarms(alarmOf(a), alarmOf(b)));
}

/** The alarm to show: the first in the order above. */
export function topAlarm(alarms: readonly MachineAlarm[] | undefined): MachineAlarm | undefined {
  return alarms?.length ? sortAlarms(alarms)[0] : undefined;
}

/** Which quick actions make sense in a state. */
export function availableCommands(state: MachineState): MachineCommand[] {
  switch (state) {
    case 'idle':
    case 'done':
      return ['start', 'maintenance'];
    case 'running':
      return ['pause', 'stop'];
    case 'paused':
      return ['start', 'stop'];
    case 'error':
      return ['stop', 'maintenance'];
    case 'maintenance':
      return [];
  }
}
