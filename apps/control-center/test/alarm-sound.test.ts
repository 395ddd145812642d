// The critical-alarm tone's decision: off by default, only new unacknowledged critical alarms, never twice, and
// silent when the system asks for reduced motion.
import type { Machine } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { alarmSoundKey, alarmsToSound } from '../src/lib/alarm-sound';

type Alarm = Machine['alarms'][number];
const alarm = (id: string, severity: Alarm['severity'], acknowledgedAt?: number): Alarm =>
  ({ id, severity, code: 'E1', message: id, raisedAt: 1_764_583_200_000, acknowledgedAt }) as Alarm;
const machines = [
  {
    id: 'press-1',
    alarms: [alarm('a1', 'critical'), alarm('a2', 'major'), alarm('a3', 'critical', 1_764_583_260_000)],
  },
  { id: 'oven-2', alarms: [alarm('b1', 'critical')] },
];
const base = { enabled: true, reducedMotion: false, machines, heard: new Set<string>() };

describe('alarmsToSound', () => {
  it('sounds each new unacknowledged critical alarm, not lesser or acknowledged ones', () => {
    expect(alarmsToSound(base)).toEqual(['press-1/a1', 'oven-2/b1']);
  });
  it('stays silent when the setting is off (its default)', () => {
    expect(alarmsToSound({ ...base, enabled: false })).toEqual([]);
  });
  it('stays silent when the system asks for reduced motion', () => {
    expect(alarmsToSound({ ...base, reducedMotion: true })).toEqual([]);
  });
  it('never sounds the same alarm twice', () => {
    const heard = new Set([alarmSoundKey('press-1', 'a1')]);
    expect(alarmsToSound({ ...base, heard })).toEqual(['oven-2/b1']);
  });
});
