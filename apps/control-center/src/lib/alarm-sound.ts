// Which alarms sound the optional critical-alarm tone (Settings → Notifications): a pure decision, so the rule is
// tested apart from Web Audio. Sound is off by default; when on, only a critical alarm that is not acknowledged and
// was not heard before sounds, and nothing sounds when the system asks for reduced motion.
import type { Machine } from '@syncline/domain';

export interface AlarmSoundInput {
  /** The person switched the tone on in Settings (off by default). */
  enabled: boolean;
  /** The system asks for reduced motion (the nearest detectable "keep it quiet" preference). */
  reducedMotion: boolean;
  machines: readonly Pick<Machine, 'id' | 'alarms'>[];
  /** Keys (machine id + alarm id) of alarms that already sounded on this device. */
  heard: ReadonlySet<string>;
}

export const alarmSoundKey = (machineId: string, alarmId: string) => `${machineId}/${alarmId}`;

/** The keys of the alarms that should sound now: each at most once, never when off or reduced motion is asked. */
export function alarmsToSound({ enabled, reducedMotion, machines, heard }: AlarmSoundInput): string[] {
  if (!enabled || reducedMotion) return [];
  const keys: string[] = [];
  for (const machine of machines) {
    for (const alarm of machine.alarms) {
      const key = alarmSoundKey(machine.id, alarm.id);
      if (alarm.severity === 'critical' && !alarm.acknowledgedAt && !heard.has(key)) keys.push(key);
    }
  }
  return keys;
}
