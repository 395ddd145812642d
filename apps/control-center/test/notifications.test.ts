// The bell's list: unacknowledged alarms, open conflicts and refused changes, loudest first (alarms by severity, as
// everywhere), then newest, each linking to where it is dealt with; what a person read is kept per person and shop, and only for notifications still listed.
import type { ConflictRecord, PendingWrite } from '@syncline/data';
import type { Machine } from '@syncline/domain';
import { describe, expect, it } from 'vitest';
import {
  gatherNotifications,
  loadReadNotifications,
  readNotificationsKey,
  saveReadNotifications,
} from '../src/lib/notifications';

const T = 1_764_583_200_000;
const minute = 60_000;

type Alarm = Machine['alarms'][number];
const alarm = (id: string, severity: Alarm['severity'], raisedAt: number, acknowledgedAt?: number): Alarm => ({
  id,
  severity,
  code: `E-${id.toUpperCase()}`,
  message: `Alarm ${id}`,
  raisedAt,
  ...(acknowledgedAt ? { acknowledgedAt } : {}),
});

const machines = [
  { id: 'dryer-2', name: 'Dryer 2', alarms: [alarm('temp', 'critical', T), alarm('door', 'warning', T, T + minute)] },
  { id: 'washer-1', name: 'Washer 1', alarms: [alarm('drain', 'major', T - 30 * minute)] },
];

const conflict: ConflictRecord = {
  id: 'orders|o-1042|1764583260000',
  collectionName: 'orders',
  documentId: 'o-1042',
  fields: ['notes'],
  mergedFields: [],
  local: { id: 'o-1042', number: 1042, notes: 'Gentle programme' },
  server: { id: 'o-1042', number: 1042, notes: 'Pick up at noon' },
  status: 'open',
  detectedAt: T + minute,
};

const write = (state: 'pending' | 'failed', changedAt: number, error?: string): PendingWrite => ({
  record: {
    id: `customers|c-7|${state}`,
    collectionName: 'customers',
    documentId: 'c-7',
    state,
    changedAt,
    operation: 'update',
    ...(error ? { error } : {}),
  },
  doc: { id: 'c-7', name: 'Ada Park' },
});

const sources = {
  machines,
  conflicts: [conflict],
  writes: [write('failed', T - 5 * minute, 'phone must be a valid number'), write('pending', T + 2 * minute)],
  read: new Set<string>(),
};

/** A device's storage, as localStorage holds strings. */
function storage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('gatherNotifications', () => {
  it('lists unacknowledged alarms, open conflicts and refused changes, loudest first, each with its link', () => {
    const list = gatherNotifications(sources);
    expect(list.map(({ kind, title, href }) => ({ kind, title, href }))).toEqual([
      { kind: 'alarm', title: 'Dryer 2: Alarm temp', href: '/machines/dryer-2' },
      { kind: 'alarm', title: 'Washer 1: Alarm drain', href: '/machines/washer-1' },
      { kind: 'sync-failure', title: 'Ada Park', href: '/sync' },
      { kind: 'conflict', title: 'Order #1042', href: `/conflicts/${encodeURIComponent(conflict.id)}` },
    ]);
    expect(list.every(({ read }) => !read)).toBe(true);
  });

  it('lists alarms most severe first, however old, and newest first within a severity', () => {
    const floor = [
      {
        id: 'washer-3',
        name: 'Washer 3',
        alarms: [
          alarm('door', 'warning', T),
          alarm('vibr', 'minor', T - 10 * minute),
          alarm('lid', 'warning', T + minute),
        ],
      },
      { id: 'dryer-4', name: 'Dryer 4', alarms: [alarm('heat', 'critical', T - 60 * minute)] },
    ];
    const list = gatherNotifications({ machines: floor, conflicts: [], writes: [], read: new Set() });
    expect(list.map(({ detail }) => detail)).toEqual([
      'Critical · E-HEAT',
      'Minor · E-VIBR',
      'Warning · E-LID',
      'Warning · E-DOOR',
    ]);
  });

  it('says how loud each is and why', () => {
    const [critical, major, refused] = gatherNotifications(sources);
    expect(critical).toMatchObject({ severity: 'critical', detail: 'Critical · E-TEMP' });
    expect(major).toMatchObject({ severity: 'error', detail: 'Major · E-DRAIN' });
    expect(refused).toMatchObject({ severity: 'error', detail: 'phone must be a valid number' });
  });

  it('marks read what the person read, and a change refused again after a later edit is new', () => {
    const [first, , refused] = gatherNotifications(sources);
    expect(refused?.kind).toBe('sync-failure');
    const read = new Set([first?.id ?? '', refused?.id ?? '']);
    expect(gatherNotifications({ ...sources, read }).filter((item) => item.read)).toHaveLength(2);
    const refusedAgain = { ...sources, read, writes: [write('failed', T + 3 * minute, 'still not a number')] };
    expect(gatherNotifications(refusedAgain).find((item) => item.kind === 'sync-failure')?.read).toBe(false);
  });
});

describe('read notifications on this device', () => {
  it('are kept per person and shop', () => {
    const device = storage();
    const list = gatherNotifications(sources);
    const owner = readNotificationsKey('northwind-laundry', 'olivia');
    saveReadNotifications(owner, new Set(list.map(({ id }) => id)), list, device);
    expect(loadReadNotifications(owner, device)).toEqual(new Set(list.map(({ id }) => id)));
    expect(loadReadNotifications(readNotificationsKey('northwind-laundry', 'sam'), device).size).toBe(0);
    expect(loadReadNotifications(readNotificationsKey('harbour-cleaners', 'olivia'), device).size).toBe(0);
  });

  it('forget notifications no longer listed (an acknowledged alarm, a resolved conflict)', () => {
    const device = storage();
    const key = readNotificationsKey('northwind-laundry', 'olivia');
    const list = gatherNotifications(sources);
    const kept = saveReadNotifications(key, new Set(['alarm:gone/old', ...list.map(({ id }) => id)]), list, device);
    expect(kept.has('alarm:gone/old')).toBe(false);
    expect(loadReadNotifications(key, device).size).toBe(list.length);
  });

  it('start empty when nothing readable is kept', () => {
    const device = storage();
    device.setItem('broken', '{not json');
    expect(loadReadNotifications('broken', device).size).toBe(0);
    expect(loadReadNotifications('never-written', device).size).toBe(0);
  });
});
