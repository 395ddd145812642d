// Plays the critical-alarm tone when a new unacknowledged critical alarm arrives, if the person switched it on in
// Settings and the system does not ask for reduced motion (the rule: ../lib/alarm-sound.ts). An alarm is heard once
// per tab; alarms already open when the app opens, or raised while the tone was off, never sound.
import { useLiveQuery } from '@syncline/data';
import type { Machine } from '@syncline/domain';
import { useEffect, useRef } from 'react';
import { alarmSoundKey, alarmsToSound } from '../lib/alarm-sound';
import { useAlarmSound, useReducedMotion } from '../lib/alarm-sound-setting';
import { playAlarmTone } from '../lib/alarm-tone';

export function CriticalAlarmTone() {
  const { docs: machines, loading } = useLiveQuery<Machine>('machines');
  const enabled = useAlarmSound();
  const reducedMotion = useReducedMotion();
  const heard = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (loading) return;
    const keys = heard.current ? alarmsToSound({ enabled, reducedMotion, machines, heard: heard.current }) : [];
    // every alarm on screen now counts as heard, sounded or not: one raised while the tone was off, or before the
    // app opened, does not sound later
    heard.current ??= new Set();
    for (const machine of machines)
      for (const alarm of machine.alarms) heard.current.add(alarmSoundKey(machine.id, alarm.id));
    if (keys.length > 0) playAlarmTone();
  }, [machines, loading, enabled, reducedMotion]);
  return null;
}
