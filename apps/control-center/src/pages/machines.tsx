// The live machine grid: state, cycle countdown, alarms with acknowledge, telemetry sparklines, and quick
// actions queued while offline (a dot on the card counts commands not yet on the server). `?machine=<id>` (the
// command palette's "go to a machine") scrolls to that machine's card, focuses and outlines it.

import { useCan, useLiveQuery, usePending } from '@syncline/data';
import type { Location, Machine, MachineCommand } from '@syncline/domain';
import { MachineGrid, type MachineGridItem } from '@syncline/ui/machine';
import { useMemo, useRef } from 'react';
import { useLocation } from 'react-router';
import { acknowledgeAlarm, sendMachineCommand } from '../lib/machines';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

const HISTORY = 24;

/** Keeps the last readings of each telemetry value, per machine, for the sparklines. */
function useTelemetryHistory(machines: readonly Machine[]) {
  const history = useRef(new Map<string, { at: number; values: Record<string, number[]> }>());
  for (const machine of machines) {
    const entry = history.current.get(machine.id) ?? { at: -1, values: {} };
    if (entry.at !== machine.lastSeenAt) {
      for (const [key, value] of Object.entries(machine.telemetry)) {
        entry.values[key] = [...(entry.values[key] ?? []), value as number].slice(-HISTORY);
      }
      entry.at = machine.lastSeenAt;
      history.current.set(machine.id, entry);
    }
  }
  return history.current;
}

export function MachinesPage() {
  const { docs: machines } = useLiveQuery<Machine>('machines', { sort: [{ name: 'asc' }] });
  const { docs: commands } = useLiveQuery<MachineCommand>('commands', { selector: { status: 'queued' } });
  const { docs: locations } = useLiveQuery<Location>('locations');
  const pending = usePending();
  const write = useWriteContext();
  const history = useTelemetryHistory(machines);
  // the location rather than useSearchParams, which would add its helpers to the router every page loads
  const asked = new URLSearchParams(useLocation().search).get('machine') ?? undefined;

  const queued = useMemo(() => {
    const unsent = new Set(
      pending.filter((record) => record.collectionName === 'commands').map((record) => record.documentId),
    );
    const counts = new Map<string, number>();
    for (const command of commands) {
      if (unsent.has(command.id)) counts.set(command.machineId, (counts.get(command.machineId) ?? 0) + 1);
    }
    return counts;
  }, [pending, commands]);

  const items: MachineGridItem[] = machines.map((machine) => {
    const values = history.get(machine.id)?.values ?? {};
    return {
      id: machine.id,
      name: machine.name,
      kind: machine.kind.charAt(0).toUpperCase() + machine.kind.slice(1),
      location: locations.find((location) => location.id === machine.location)?.name ?? machine.location,
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
      telemetry: [
        {
          id: 'temperature',
          label: 'Temperature',
          value: machine.telemetry.temperatureC,
          unit: '°C',
          history: values.temperatureC,
        },
        { id: 'drum', label: 'Drum', value: machine.telemetry.drumRpm, unit: 'rpm', history: values.drumRpm },
        { id: 'power', label: 'Power', value: machine.telemetry.powerKw, unit: 'kW', history: values.powerKw },
      ],
      queuedCommands: queued.get(machine.id) ?? 0,
    };
  });

  const byId = new Map(machines.map((machine) => [machine.id, machine]));
  const canCommand = useCan('commands');
  const canChangeMachines = useCan('machines');
  return (
    <>
      <PageHeader title="Machines" description={`${machines.length} machines, live`} />
      <MachineGrid
        label="Machines"
        machines={items}
        highlightedId={asked}
        // a role that may not send commands or change machines (a viewer) gets no buttons for them
        onCommand={
          canCommand('create')
            ? (id, command) => {
                const machine = byId.get(id);
                if (machine) void sendMachineCommand(write, machine, command);
              }
            : undefined
        }
        onAcknowledgeAlarm={
          canChangeMachines('update') ? (id, alarmId) => void acknowledgeAlarm(write, id, alarmId) : undefined
        }
      />
    </>
  );
}
