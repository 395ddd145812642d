// What a machine card derives from a machine's record and the clock: how fresh its connection is, how far its
// cycle has got, and which alarm matters most. Pure, so stories pass a fixed `now` and render the same every time.
import { type Moment, toMillis } from '../sync/lib/relative-time';

export type MachineState = 'idle' | 'running' | 'paused' | 'done' | 'error' | 'maintenance';
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

export const machineStateLabel: Record<MachineState, string> = {
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

const severityRank: Record<AlarmSeverity, number> = { critical: 0, major: 1, minor: 2, warning: 3 };

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

/** The alarm to show: unacknowledged before acknowledged, then the most severe, then the newest. */
export function topAlarm(alarms: readonly MachineAlarm[] | undefined): MachineAlarm | undefined {
  if (!alarms?.length) return undefined;
  return [...alarms].sort(
    (a, b) =>
      Number(a.acknowledgedAt != null) - Number(b.acknowledgedAt != null) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      toMillis(b.raisedAt) - toMillis(a.raisedAt),
  )[0];
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
