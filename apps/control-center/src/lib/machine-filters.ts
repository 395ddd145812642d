// The machines page's filter and grouping, kept in the address (?site=…&type=…&state=…&group=…) so a link or a
// reload shows the same machines. State means what the card shows: a machine whose data is not fresh is "unknown",
// whatever it last reported.
import { type Machine, type MachineKind, machineKinds, machineStates } from '@syncline/domain';
import { machineFreshness, type ShownMachineState, shownMachineState } from '@syncline/ui/machine';

export const shownStates: readonly ShownMachineState[] = [...machineStates, 'unknown'];
export const machineGroupings = ['none', 'site', 'type', 'state'] as const;
export type MachineGrouping = (typeof machineGroupings)[number];

export interface MachineFilters {
  /** a location id, or 'all' */
  site: string;
  type: MachineKind | 'all';
  state: ShownMachineState | 'all';
  group: MachineGrouping;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/** The filters an address asks for; anything unknown reads as "all" (an old link still opens the page). */
export function parseMachineFilters(params: URLSearchParams): MachineFilters {
  return {
    site: params.get('site') || 'all',
    type: oneOf<MachineKind | 'all'>(machineKinds, params.get('type'), 'all'),
    state: oneOf<ShownMachineState | 'all'>(shownStates, params.get('state'), 'all'),
    group: oneOf(machineGroupings, params.get('group'), 'none'),
  };
}

/** The address's search part for these filters: only what differs from the default, so /machines stays clean. */
export function machineFiltersSearch(filters: MachineFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.site !== 'all') params.set('site', filters.site);
  if (filters.type !== 'all') params.set('type', filters.type);
  if (filters.state !== 'all') params.set('state', filters.state);
  if (filters.group !== 'none') params.set('group', filters.group);
  return params;
}

/** What a machine's card shows as its state at `now`. */
export const machineShownState = (machine: Machine, now: number) =>
  shownMachineState(machine.state, machineFreshness({ lastSeenAt: machine.lastSeenAt, now }).connection);

export function filterMachines(machines: readonly Machine[], filters: MachineFilters, now: number): Machine[] {
  return machines.filter(
    (machine) =>
      (filters.site === 'all' || machine.location === filters.site) &&
      (filters.type === 'all' || machine.kind === filters.type) &&
      (filters.state === 'all' || machineShownState(machine, now) === filters.state),
  );
}

export interface MachineGroup {
  /** the location id, kind or state the group shares; 'all' when not grouped */
  key: string;
  machines: Machine[];
}

/** Groups in a stable order: sites by name (`siteName`), types and states in their domain order. */
export function groupMachines(
  machines: readonly Machine[],
  group: MachineGrouping,
  now: number,
  siteName: (id: string) => string,
): MachineGroup[] {
  if (group === 'none') return [{ key: 'all', machines: [...machines] }];
  const keyOf = (machine: Machine): string =>
    group === 'site' ? machine.location : group === 'type' ? machine.kind : machineShownState(machine, now);
  const groups = new Map<string, Machine[]>();
  for (const machine of machines) groups.set(keyOf(machine), [...(groups.get(keyOf(machine)) ?? []), machine]);
  const order: readonly string[] = group === 'type' ? machineKinds : group === 'state' ? shownStates : [];
  const rank = (key: string) => (group === 'site' ? siteName(key) : String(order.indexOf(key)).padStart(3, '0'));
  return [...groups]
    .map(([key, members]) => ({ key, machines: members }))
    .sort((a, b) => rank(a.key).localeCompare(rank(b.key)));
}
