// A machine document as the kit's machine views take it, shared by the machines page and a machine's own page: the
// card's props, the telemetry each device has watched go by (for sparklines and charts), and how current this
// device's data is while it is offline.
import { useSyncStatus } from '@syncline/data';
import type { Location, Machine } from '@syncline/domain';
import type { MachineGridItem, MachineTelemetry } from '@syncline/ui/machine';

/** Readings kept per value: about a minute at the simulator's default interval. */
const HISTORY = 30;

export type TelemetryKey = keyof Machine['telemetry'];

export const telemetryFields: ReadonlyArray<{ key: TelemetryKey; id: string; label: string; unit: string }> = [
  { key: 'temperatureC', id: 'temperature', label: 'Temperature', unit: '°C' },
  { key: 'drumRpm', id: 'drum', label: 'Drum', unit: 'rpm' },
  { key: 'powerKw', id: 'power', label: 'Power', unit: 'kW' },
];

export type TelemetryHistory = ReadonlyMap<string, Partial<Record<TelemetryKey, number[]>>>;

/**
 * The last readings of each telemetry value, per machine, as reports arrive. The machine document holds only the
 * latest reading, so the history starts when this device first shows the machine; it is kept for the session, so
 * going from the machines page to a machine's page keeps the lines drawn so far.
 */
const watched = new Map<string, { at: number; values: Partial<Record<TelemetryKey, number[]>> }>();

export function useTelemetryHistory(machines: readonly Machine[]): TelemetryHistory {
  for (const machine of machines) {
    const entry = watched.get(machine.id) ?? { at: -1, values: {} };
    if (entry.at !== machine.lastSeenAt) {
      for (const { key } of telemetryFields) {
        entry.values[key] = [...(entry.values[key] ?? []), machine.telemetry[key]].slice(-HISTORY);
      }
      entry.at = machine.lastSeenAt;
      watched.set(machine.id, entry);
    }
  }
  return new Map([...watched].map(([id, entry]) => [id, entry.values]));
}

/** Where a machine's own page is: every link to a machine lands there. */
export const machinePath = (machineId: string) => `/machines/${encodeURIComponent(machineId)}`;

/** "Washer", "Dryer". */
export const machineKindLabel = (kind: Machine['kind']) => kind.charAt(0).toUpperCase() + kind.slice(1);

/** The location's name, or its id while the locations have not loaded. */
export const locationName = (locations: readonly Location[], id: string) =>
  locations.find((location) => location.id === id)?.name ?? id;

export function machineTelemetry(machine: Machine, history: TelemetryHistory): MachineTelemetry[] {
  const values = history.get(machine.id) ?? {};
  return telemetryFields.map(({ key, id, label, unit }) => ({
    id,
    label,
    value: machine.telemetry[key],
    unit,
    history: values[key],
  }));
}

/** The card's view of a machine. */
export function machineCardItem(
  machine: Machine,
  {
    locations,
    history,
    queuedCommands = 0,
  }: { locations: readonly Location[]; history: TelemetryHistory; queuedCommands?: number },
): MachineGridItem {
  return {
    id: machine.id,
    name: machine.name,
    kind: machineKindLabel(machine.kind),
    location: locationName(locations, machine.location),
    state: machine.state,
    lastSeenAt: machine.lastSeenAt,
    cycle: machine.currentCycle
      ? {
          program: machine.currentCycle.program,
          startedAt: machine.currentCycle.startedAt,
          durationSec: machine.currentCycle.durationSec,
        }
      : null,
    alarms: machine.alarms,
    telemetry: machineTelemetry(machine, history),
    queuedCommands,
  };
}

/**
 * While this device is offline, the moment its machine data was last current: its last exchange with the server, or
 * the newest report it holds if that is later (a streamed report need not move the sync time). Null while online.
 */
export function useMachineDataAsOf(machines: readonly Machine[]): number | null {
  const offline = useSyncStatus((s) => s.connection === 'offline');
  const lastSyncedAt = useSyncStatus((s) => s.lastSyncedAt);
  if (!offline) return null;
  return Math.max(lastSyncedAt ?? 0, ...machines.map((machine) => machine.lastSeenAt));
}
