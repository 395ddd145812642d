// The live machine floor: filter by site, type and state and group by any of them (kept in the address), then a grid
// per group: state and freshness, cycle countdown, alarms with acknowledge, telemetry sparklines, quick actions
// queued while offline (a dot on the card counts commands not yet on the server), each name a link to its page.
// `?machine=<id>` (the command palette's "go to a machine") scrolls to that machine's card, focuses and outlines it.

import { useCan, useLiveQuery, usePending } from '@syncline/data';
import type { Location, Machine, MachineCommand } from '@syncline/domain';
import { EmptyState } from '@syncline/ui';
import { MachineGrid, machineStateLabel } from '@syncline/ui/machine';
import { useNow } from '@syncline/ui/sync';
import { useMemo } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { MachineFiltersBar } from '../components/machine-filters-bar';
import {
  filterMachines,
  groupMachines,
  type MachineFilters,
  type MachineGroup,
  machineFiltersSearch,
  parseMachineFilters,
} from '../lib/machine-filters';
import {
  locationName,
  machineCardItem,
  machineKindLabel,
  machinePath,
  useMachineDataAsOf,
  useTelemetryHistory,
} from '../lib/machine-view';
import { acknowledgeAlarm, sendMachineCommand } from '../lib/machines';
import { useWriteContext } from '../lib/use-write-context';
import { PageHeader } from './page-header';

/** A group's heading: the site's name, "Dryers", "Unknown". */
function groupTitle({ key }: MachineGroup, filters: MachineFilters, locations: readonly Location[]) {
  if (filters.group === 'site') return locationName(locations, key);
  if (filters.group === 'type') return `${machineKindLabel(key as Machine['kind'])}s`;
  return machineStateLabel[key as keyof typeof machineStateLabel] ?? key;
}

export function MachinesPage() {
  const { docs: machines } = useLiveQuery<Machine>('machines', { sort: [{ name: 'asc' }] });
  const { docs: commands } = useLiveQuery<MachineCommand>('commands', { selector: { status: 'queued' } });
  const { docs: locations } = useLiveQuery<Location>('locations');
  const pending = usePending();
  const write = useWriteContext();
  const history = useTelemetryHistory(machines);

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

  const dataAsOf = useMachineDataAsOf(machines);
  // the location rather than useSearchParams, which would add its helpers to the router every page loads
  const search = new URLSearchParams(useLocation().search);
  const filters = parseMachineFilters(search);
  const asked = search.get('machine') ?? undefined;
  const navigate = useNavigate();
  // the state filter and grouping use what the cards show, which ages with the clock
  const now = useNow(undefined, 5_000);
  const siteName = (id: string) => locationName(locations, id);
  const shown = filterMachines(machines, filters, now);
  const groups = groupMachines(shown, filters.group, now, siteName);
  const sites = [...new Set(machines.map((machine) => machine.location))]
    .map((id) => [id, siteName(id)] as const)
    .sort((a, b) => a[1].localeCompare(b[1]));

  const byId = new Map(machines.map((machine) => [machine.id, machine]));
  const canCommand = useCan('commands');
  const canChangeMachines = useCan('machines');
  const filtered = shown.length !== machines.length;
  return (
    <>
      <PageHeader
        title="Machines"
        description={filtered ? `Showing ${shown.length} of ${machines.length} machines` : undefined}
      />
      <MachineFiltersBar
        filters={filters}
        sites={sites}
        onChange={(next) => navigate({ search: machineFiltersSearch(next).toString() }, { replace: true })}
      />
      {machines.length > 0 && shown.length === 0 ? (
        <EmptyState
          title="No machines match"
          description="No machine on this device has that site, type and state."
          action={<Link to="/machines">Show all machines</Link>}
        />
      ) : null}
      <div className="flex flex-col gap-6">
        {groups
          .filter((group) => group.machines.length > 0)
          .map((group) => {
            const title = filters.group === 'none' ? 'Machines' : groupTitle(group, filters, locations);
            return (
              <div key={group.key} className="flex flex-col gap-2">
                {filters.group === 'none' ? null : <h2 className="font-display font-semibold text-lg">{title}</h2>}
                <MachineGrid
                  label={title}
                  machines={group.machines.map((machine) =>
                    machineCardItem(machine, { locations, history, queuedCommands: queued.get(machine.id) ?? 0 }),
                  )}
                  dataAsOf={dataAsOf}
                  highlightedId={asked}
                  renderName={(id, name) => (
                    <Link to={machinePath(id)} className="hover:underline">
                      {name}
                    </Link>
                  )}
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
              </div>
            );
          })}
      </div>
    </>
  );
}
