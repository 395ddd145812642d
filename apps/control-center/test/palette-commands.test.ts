// The command palette's actions, pages, machines and alarms as a person finds them by typing: the words they would
// use find the action, the best match comes first (Enter runs it), and a role is offered only what it may do.
import type { Machine } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import { maxRecords, type PaletteInput, paletteSections } from '../src/lib/palette-commands';

const pages = [
  { path: '/', label: 'Dashboard' },
  { path: '/orders', label: 'Orders' },
  { path: '/machines', label: 'Machines' },
  { path: '/sync', label: 'Sync' },
];

function machine(id: string, name: string, alarms: Machine['alarms'] = []): Machine {
  return {
    id,
    name,
    kind: name.startsWith('Dryer') ? 'dryer' : 'washer',
    location: 'loc-1',
    state: 'running',
    telemetry: { temperatureC: 40, drumRpm: 800, powerKw: 2 },
    alarms,
    cycleCount: 1,
    lastSeenAt: 1,
  } as Machine;
}

const drain = { id: 'al-1', code: 'E-DRAIN', severity: 'major', message: 'Drain pump blocked', raisedAt: 1 } as const;
const machines = [
  machine('mac-1', 'Dryer 1', [drain, { ...drain, id: 'al-0', code: 'E-DOOR', acknowledgedAt: 2 }]),
  machine('mac-2', 'Washer 1'),
];
const everyone: PaletteInput = {
  search: '',
  pages,
  machines,
  allowed: { createOrder: true, acknowledgeAlarms: true },
};

/** The labels listed for `search`, section by section, as the palette shows them. */
const listed = (search: string, input: Partial<PaletteInput> = {}) =>
  paletteSections({ ...everyone, ...input, search }).map((section) => [
    section.heading,
    section.entries.map((entry) => entry.label),
  ]);
/** What Enter runs for `search`: the first entry listed. */
const first = (search: string, input: Partial<PaletteInput> = {}) =>
  paletteSections({ ...everyone, ...input, search })[0]?.entries[0]?.label;

describe('paletteSections', () => {
  it('lists every action, page, machine and open alarm before anything is typed', () => {
    expect(listed('')).toEqual([
      [
        'Actions',
        [
          'New order',
          'Sync now',
          'Toggle theme',
          'Dark theme',
          'Light theme',
          'System theme',
          'Keyboard shortcuts',
          'Sign out',
        ],
      ],
      ['Pages', ['Dashboard', 'Orders', 'Machines', 'Sync']],
      ['Machines', ['Dryer 1', 'Washer 1']],
      ['Alarms', ['Acknowledge E-DRAIN on Dryer 1']],
    ]);
  });

  it('finds an action by the words a person uses for it, the closest first', () => {
    expect(first('dark')).toBe('Dark theme');
    expect(listed('dark')).toEqual([['Actions', ['Dark theme', 'Toggle theme']]]);
    expect(first('theme')).toBe('Toggle theme');
    expect(first('new')).toBe('New order');
    expect(first('new order')).toBe('New order');
    expect(first('create')).toBe('New order');
    expect(first('sync')).toBe('Sync now');
    expect(first('log out')).toBe('Sign out');
    expect(first('help')).toBe('Keyboard shortcuts');
  });

  it('puts the section holding the best match first', () => {
    expect(listed('order')).toEqual([
      ['Pages', ['Orders']],
      ['Actions', ['New order']],
    ]);
    expect(listed('SYNC')).toEqual([
      ['Actions', ['Sync now']],
      ['Pages', ['Sync']],
    ]);
  });

  it('finds a machine by name or kind, and its open alarm by code, machine or message', () => {
    expect(listed('dryer')).toEqual([
      ['Machines', ['Dryer 1']],
      ['Alarms', ['Acknowledge E-DRAIN on Dryer 1']],
    ]);
    expect(first('washer')).toBe('Washer 1');
    expect(listed('drain pump')).toEqual([['Alarms', ['Acknowledge E-DRAIN on Dryer 1']]]);
    // acknowledged already: nothing to do
    expect(listed('e-door')).toEqual([]);
    const [, , , alarms] = paletteSections(everyone);
    expect(alarms?.entries[0]?.action).toEqual({ kind: 'acknowledge', machineId: 'mac-1', alarmId: 'al-1' });
    expect(alarms?.entries[0]?.hint).toBe('major');
  });

  it('lists open alarms most severe first, whichever machine holds them', () => {
    const floor = [
      machine('mac-1', 'Dryer 1', [{ ...drain, id: 'w', code: 'E-DOOR', severity: 'warning', raisedAt: 9 }]),
      machine('mac-2', 'Washer 1', [{ ...drain, id: 'm', code: 'E-VIBR', severity: 'minor', raisedAt: 5 }]),
      machine('mac-3', 'Washer 2', [{ ...drain, id: 'c', code: 'E-TEMP', severity: 'critical', raisedAt: 1 }]),
    ];
    expect(listed('', { machines: floor }).at(-1)).toEqual([
      'Alarms',
      ['Acknowledge E-TEMP on Washer 2', 'Acknowledge E-VIBR on Washer 1', 'Acknowledge E-DOOR on Dryer 1'],
    ]);
  });

  it('offers no new order and no acknowledging to a role that may not', () => {
    const viewer = { allowed: { createOrder: false, acknowledgeAlarms: false } };
    expect(listed('new order', viewer)).toEqual([]);
    expect(listed('', viewer).map(([heading]) => heading)).toEqual(['Actions', 'Pages', 'Machines']);
    expect(first('dark', viewer)).toBe('Dark theme');
  });

  it('lists a few machines at most, the palette being for finding one', () => {
    const floor = Array.from({ length: 20 }, (_, index) => machine(`mac-${index}`, `Washer ${index + 1}`));
    const [shown] = paletteSections({ ...everyone, machines: floor, search: 'washer' });
    expect(shown?.entries).toHaveLength(maxRecords);
  });
});
