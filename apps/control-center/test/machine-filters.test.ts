// The machines page's filter and grouping: read from and written to the address, applied to what the cards show
// (a machine silent past the stale threshold is in state "unknown", whatever it last reported).
import type { Machine } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { filterMachines, groupMachines, machineFiltersSearch, parseMachineFilters } from '../src/lib/machine-filters';

const now = Date.parse('2026-11-04T10:00:00Z');
const machine = (id: string, kind: Machine['kind'], location: string, state: Machine['state'], silentSec = 2) =>
  ({
    id,
    name: id,
    kind,
    location,
    state,
    lastSeenAt: now - silentSec * 1000,
    telemetry: { temperatureC: 22, drumRpm: 0, powerKw: 0.1 },
    alarms: [],
    cycleCount: 0,
  }) satisfies Machine;

const floor = [
  machine('w1', 'washer', 'loc-lisbon', 'running'),
  machine('w2', 'washer', 'loc-porto', 'idle'),
  machine('d1', 'dryer', 'loc-lisbon', 'running', 17 * 60),
  machine('d2', 'dryer', 'loc-porto', 'done'),
];
const everything = parseMachineFilters(new URLSearchParams());
const siteName = (id: string) => ({ 'loc-lisbon': 'Lisbon Mill', 'loc-porto': 'Porto Quay' })[id] ?? id;

describe('parseMachineFilters and machineFiltersSearch', () => {
  it('reads the filters from the address and writes back only what differs from showing everything', () => {
    expect(everything).toEqual({ site: 'all', type: 'all', state: 'all', group: 'none' });
    const filters = parseMachineFilters(new URLSearchParams('type=dryer&state=unknown&site=loc-porto&group=site'));
    expect(filters).toEqual({ site: 'loc-porto', type: 'dryer', state: 'unknown', group: 'site' });
    expect(machineFiltersSearch(filters).toString()).toBe('site=loc-porto&type=dryer&state=unknown&group=site');
    expect(machineFiltersSearch(everything).toString()).toBe('');
  });

  it('reads an unknown value as showing everything, so an old link still opens the page', () => {
    expect(parseMachineFilters(new URLSearchParams('type=spaceship&state=melting&group=colour'))).toEqual(everything);
  });
});

describe('filterMachines', () => {
  it('keeps the machines of a site, a type and a state together', () => {
    const ids = (filters: Partial<typeof everything>) =>
      filterMachines(floor, { ...everything, ...filters }, now).map((each) => each.id);
    expect(ids({})).toEqual(['w1', 'w2', 'd1', 'd2']);
    expect(ids({ type: 'dryer' })).toEqual(['d1', 'd2']);
    expect(ids({ site: 'loc-lisbon', type: 'washer' })).toEqual(['w1']);
  });

  it('filters by the state the card shows: a machine silent for 17 minutes is unknown, not running', () => {
    expect(filterMachines(floor, { ...everything, state: 'running' }, now).map((each) => each.id)).toEqual(['w1']);
    expect(filterMachines(floor, { ...everything, state: 'unknown' }, now).map((each) => each.id)).toEqual(['d1']);
  });
});

describe('groupMachines', () => {
  const keys = (group: typeof everything.group) =>
    groupMachines(floor, group, now, siteName).map(({ key, machines }) => [key, machines.map((each) => each.id)]);

  it('puts everything in one group when not grouping', () => {
    expect(keys('none')).toEqual([['all', ['w1', 'w2', 'd1', 'd2']]]);
  });

  it('groups by site name, by type and by shown state, in a stable order', () => {
    expect(keys('site')).toEqual([
      ['loc-lisbon', ['w1', 'd1']],
      ['loc-porto', ['w2', 'd2']],
    ]);
    expect(keys('type')).toEqual([
      ['washer', ['w1', 'w2']],
      ['dryer', ['d1', 'd2']],
    ]);
    expect(keys('state')).toEqual([
      ['idle', ['w2']],
      ['running', ['w1']],
      ['done', ['d2']],
      ['unknown', ['d1']],
    ]);
  });
});
