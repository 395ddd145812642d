// What a machine card works out from a machine's record and the clock: connection freshness (and what a view may
// still claim once the data is old), cycle progress, and the order alarms are listed in.
import { describe, expect, it } from 'vitest';
import {
  availableCommands,
  cycleProgress,
  cycleStatus,
  deriveMachineConnection,
  type MachineAlarm,
  type MachineCycle,
  type MachineState,
  machineFreshness,
  shownMachineState,
  sortAlarms,
  topAlarm,
} from './machine-status';

const now = Date.parse('2026-11-04T10:00:00Z');
const secondsAgo = (seconds: number) => now - seconds * 1000;
const alarm = (id: string, severity: MachineAlarm['severity'], raisedSecondsAgo: number, acknowledged = false) =>
  ({
    id,
    severity,
    message: id,
    raisedAt: secondsAgo(raisedSecondsAgo),
    acknowledgedAt: acknowledged ? secondsAgo(1) : null,
  }) satisfies MachineAlarm;

describe('deriveMachineConnection', () => {
  it('is online while heartbeats are under a minute old', () => {
    expect(deriveMachineConnection(now, now)).toBe('online');
    expect(deriveMachineConnection(secondsAgo(59.999), now)).toBe('online');
  });

  it('is stale from one minute without a heartbeat until five', () => {
    expect(deriveMachineConnection(secondsAgo(60), now)).toBe('stale');
    expect(deriveMachineConnection(secondsAgo(299), now)).toBe('stale');
  });

  it('is offline from five minutes without a heartbeat', () => {
    expect(deriveMachineConnection(secondsAgo(300), now)).toBe('offline');
    expect(deriveMachineConnection(secondsAgo(86_400), now)).toBe('offline');
  });

  it('is offline for a machine never seen', () => {
    expect(deriveMachineConnection(null, now)).toBe('offline');
    expect(deriveMachineConnection(undefined, now)).toBe('offline');
  });

  it('takes the last heartbeat and the clock as Dates, ISO strings or epoch milliseconds', () => {
    expect(deriveMachineConnection(new Date(secondsAgo(90)), new Date(now))).toBe('stale');
    expect(deriveMachineConnection(new Date(secondsAgo(90)).toISOString(), new Date(now).toISOString())).toBe('stale');
  });

  it('is online for a heartbeat from a clock slightly ahead', () => {
    expect(deriveMachineConnection(now + 5_000, now)).toBe('online');
  });

  it('uses the thresholds it is given', () => {
    const thresholds = { staleAfterMs: 10_000, offlineAfterMs: 30_000 };
    expect(deriveMachineConnection(secondsAgo(9), now, thresholds)).toBe('online');
    expect(deriveMachineConnection(secondsAgo(10), now, thresholds)).toBe('stale');
    expect(deriveMachineConnection(secondsAgo(30), now, thresholds)).toBe('offline');
    expect(deriveMachineConnection(secondsAgo(120), now, { staleAfterMs: 10_000 })).toBe('stale');
  });
});

describe('machineFreshness', () => {
  it('is live, with figures for now, while the machine reports and this device hears it', () => {
    expect(machineFreshness({ lastSeenAt: secondsAgo(10), now })).toEqual({
      connection: 'online',
      live: true,
      figuresAt: now,
    });
  });

  it('stops the clock at the last report once the heartbeat is late', () => {
    expect(machineFreshness({ lastSeenAt: secondsAgo(17 * 60), now })).toEqual({
      connection: 'offline',
      live: false,
      figuresAt: secondsAgo(17 * 60),
    });
  });

  it('while this device is offline, judges the machine at its last sync, not now, and is never live', () => {
    const lastSync = secondsAgo(20 * 60);
    // reported 10 s before the last sync: fresh then, though 20 minutes old now
    expect(machineFreshness({ lastSeenAt: lastSync - 10_000, now, dataAsOf: lastSync })).toEqual({
      connection: 'online',
      live: false,
      figuresAt: lastSync - 10_000,
    });
    expect(machineFreshness({ lastSeenAt: lastSync - 3 * 60_000, now, dataAsOf: lastSync }).connection).toBe('stale');
  });

  it('takes a given connection over the derived one', () => {
    expect(machineFreshness({ lastSeenAt: now, now, connection: 'stale' })).toMatchObject({
      connection: 'stale',
      live: false,
    });
  });
});

describe('shownMachineState', () => {
  it('shows the reported state while the data is fresh and Unknown once it is not', () => {
    expect(shownMachineState('running', 'online')).toBe('running');
    expect(shownMachineState('running', 'stale')).toBe('unknown');
    expect(shownMachineState('paused', 'offline')).toBe('unknown');
  });
});

describe('cycleStatus', () => {
  const cycle: MachineCycle = { program: 'Cotton dry', startedAt: secondsAgo(150), durationSec: 600 };
  const live = machineFreshness({ lastSeenAt: now, now });

  it('counts down a running cycle while live, and says it is finishing once past its length', () => {
    expect(cycleStatus('running', cycle, live)).toEqual({ percent: 25, remainingMs: 450_000, phase: 'counting' });
    expect(cycleStatus('running', { ...cycle, startedAt: secondsAgo(900) }, live)).toEqual({
      percent: 100,
      remainingMs: 0,
      phase: 'finishing',
    });
  });

  it('never calls a paused cycle complete, even past its length', () => {
    const long = { ...cycle, startedAt: secondsAgo(5_000) };
    expect(cycleStatus('paused', long, live)).toEqual({ percent: null, remainingMs: null, phase: 'paused' });
    expect(cycleStatus('paused', { ...cycle, pausedAt: secondsAgo(90) }, live)).toEqual({
      percent: 10,
      remainingMs: 540_000,
      phase: 'paused',
    });
  });

  it('is complete only for a done machine', () => {
    expect(cycleStatus('done', cycle, live)).toEqual({ percent: 100, remainingMs: 0, phase: 'complete' });
  });

  it('has no countdown for a machine in error or maintenance', () => {
    expect(cycleStatus('error', cycle, live)).toMatchObject({ percent: null, phase: 'halted' });
    expect(cycleStatus('maintenance', cycle, live)).toMatchObject({ percent: null, phase: 'halted' });
  });

  it('shows the figures of the last report, not counting, once the data is old', () => {
    const stale = machineFreshness({ lastSeenAt: secondsAgo(90), now });
    const atLastReport = cycleStatus('running', cycle, stale);
    expect(atLastReport).toEqual({ percent: 10, remainingMs: 540_000, phase: 'as-of' });
    const later = machineFreshness({ lastSeenAt: secondsAgo(90), now: now + 600_000 });
    expect(cycleStatus('running', cycle, later)).toEqual(atLastReport);
  });
});

describe('cycleProgress', () => {
  const cycle: MachineCycle = { program: 'Wash 40', startedAt: secondsAgo(150), durationSec: 600 };

  it('reports how far a running cycle has got and how long is left', () => {
    expect(cycleProgress(cycle, now)).toEqual({ percent: 25, elapsedMs: 150_000, remainingMs: 450_000 });
  });

  it('stands still from the moment a cycle was paused', () => {
    const paused = { ...cycle, pausedAt: secondsAgo(90) };
    expect(cycleProgress(paused, now)).toEqual({ percent: 10, elapsedMs: 60_000, remainingMs: 540_000 });
    expect(cycleProgress(paused, now + 3_600_000)).toEqual(cycleProgress(paused, now));
  });

  it('stops at 100% with nothing left once the cycle has run its length', () => {
    expect(cycleProgress({ ...cycle, startedAt: secondsAgo(600) }, now)).toEqual({
      percent: 100,
      elapsedMs: 600_000,
      remainingMs: 0,
    });
    expect(cycleProgress({ ...cycle, startedAt: secondsAgo(5_000) }, now)).toMatchObject({
      percent: 100,
      remainingMs: 0,
    });
  });

  it('shows 0% and the whole length left for a cycle that starts later', () => {
    expect(cycleProgress({ ...cycle, startedAt: now + 30_000 }, now)).toEqual({
      percent: 0,
      elapsedMs: 0,
      remainingMs: 600_000,
    });
  });

  it('shows a finite percentage for a zero-length cycle', () => {
    const { percent, remainingMs } = cycleProgress({ ...cycle, durationSec: 0 }, now);
    expect(Number.isFinite(percent)).toBe(true);
    expect(percent).toBe(100);
    expect(remainingMs).toBe(0);
  });
});

describe('topAlarm', () => {
  it('shows nothing when there are no alarms', () => {
    expect(topAlarm(undefined)).toBeUndefined();
    expect(topAlarm([])).toBeUndefined();
  });

  it('shows the most severe alarm: critical, then major, minor, warning', () => {
    const alarms = [alarm('warning', 'warning', 1), alarm('minor', 'minor', 2), alarm('major', 'major', 3)];
    expect(topAlarm(alarms)?.id).toBe('major');
    expect(topAlarm([...alarms, alarm('critical', 'critical', 50)])?.id).toBe('critical');
    expect(topAlarm([alarm('warning', 'warning', 1), alarm('minor', 'minor', 2)])?.id).toBe('minor');
  });

  it('shows an unacknowledged alarm before any acknowledged one, however severe', () => {
    const alarms = [alarm('critical, acknowledged', 'critical', 1, true), alarm('warning', 'warning', 60)];
    expect(topAlarm(alarms)?.id).toBe('warning');
  });

  it('among acknowledged alarms alone, still shows the most severe', () => {
    const alarms = [alarm('minor', 'minor', 1, true), alarm('major', 'major', 60, true)];
    expect(topAlarm(alarms)?.id).toBe('major');
  });

  it('shows the newest of equally severe alarms', () => {
    const alarms = [alarm('older', 'major', 120), alarm('newest', 'major', 5), alarm('old', 'major', 60)];
    expect(topAlarm(alarms)?.id).toBe('newest');
  });

  it('leaves the list it was given in its order', () => {
    const alarms = [alarm('minor', 'minor', 1), alarm('critical', 'critical', 2)];
    topAlarm(alarms);
    expect(alarms.map((each) => each.id)).toEqual(['minor', 'critical']);
  });
});

describe('sortAlarms', () => {
  it('lists open alarms by severity, then newest first, then the acknowledged ones the same way', () => {
    const alarms = [
      alarm('new warning', 'warning', 1),
      alarm('old critical', 'critical', 600),
      alarm('acknowledged critical', 'critical', 5, true),
      alarm('new critical', 'critical', 30),
      alarm('minor', 'minor', 2),
      alarm('acknowledged warning', 'warning', 3, true),
    ];
    expect(sortAlarms(alarms).map((each) => each.id)).toEqual([
      'new critical',
      'old critical',
      'minor',
      'new warning',
      'acknowledged critical',
      'acknowledged warning',
    ]);
  });

  it('sorts rows that hold an alarm, such as a dashboard row with its machine', () => {
    const rows = [
      { machine: 'Washer 1', alarm: alarm('warning', 'warning', 1) },
      { machine: 'Dryer 2', alarm: alarm('critical', 'critical', 99) },
    ];
    expect(sortAlarms(rows, (row) => row.alarm).map((row) => row.machine)).toEqual(['Dryer 2', 'Washer 1']);
  });
});

describe('availableCommands', () => {
  it('offers the quick actions that make sense in each state', () => {
    const offered: Record<MachineState, string[]> = {
      idle: ['start', 'maintenance'],
      done: ['start', 'maintenance'],
      running: ['pause', 'stop'],
      paused: ['start', 'stop'],
      error: ['stop', 'maintenance'],
      maintenance: [],
    };
    for (const [state, commands] of Object.entries(offered)) {
      expect(availableCommands(state as MachineState), state).toEqual(commands);
    }
  });
});
