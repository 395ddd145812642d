// What the header's bell lists, as pure functions: the unacknowledged machine alarms, the open conflicts and the
// changes the server refused, as the kit's notifications (loudest first, alarms by severity as everywhere else, then
// newest; each linking to where it is dealt with),
// and which of them this person has read, kept on this device per person and shop.
import type { ConflictRecord, PendingWrite } from '@syncline/data';
import type { Machine } from '@syncline/domain';
import { conflictLabel, syncQueueItem } from '@syncline/ui/connected';
import { alarmSeverityLabel, alarmSeverityRank } from '@syncline/ui/machine';
import type { NotificationItem, NotificationSeverity } from '@syncline/ui/notification-center';
import { toMillis } from '@syncline/ui/sync';
import { alarmSoundKey } from './alarm-sound';
import { machinePath } from './machine-view';

type AlarmSeverity = Machine['alarms'][number]['severity'];

/** Alarm severities on the kit's notification scale. */
const alarmLoudness: Record<AlarmSeverity, NotificationSeverity> = {
  critical: 'critical',
  major: 'error',
  minor: 'warning',
  warning: 'warning',
};

export const conflictPath = (conflictId: string) => `/conflicts/${encodeURIComponent(conflictId)}`;

export interface NotificationSources {
  machines: readonly Pick<Machine, 'id' | 'name' | 'alarms'>[];
  /** The open conflicts on this device. */
  conflicts: readonly ConflictRecord[];
  /** This device's writes not yet synced; only the refused ones are listed. */
  writes: readonly PendingWrite[];
  /** Ids of the notifications this person has read. */
  read: ReadonlySet<string>;
}

const loudnessRank: Record<NotificationSeverity, number> = { critical: 0, error: 1, warning: 2, info: 3 };

/** Listing order: louder first; at one loudness, alarms by their own severity before anything else; then newest. */
type Ranked = { item: NotificationItem; alarmRank: number };
const byLoudness = (a: Ranked, b: Ranked) =>
  loudnessRank[a.item.severity] - loudnessRank[b.item.severity] ||
  a.alarmRank - b.alarmRank ||
  toMillis(b.item.at) - toMillis(a.item.at);

/**
 * Every notification, loudest first (a critical alarm never sits below a warning, however old), then newest; a
 * refused write is new again when it is refused after a later edit.
 */
export function gatherNotifications({ machines, conflicts, writes, read }: NotificationSources): NotificationItem[] {
  const unread = (item: Omit<NotificationItem, 'read'>): NotificationItem => ({ ...item, read: read.has(item.id) });
  const others = (item: NotificationItem): Ranked => ({ item, alarmRank: Number.POSITIVE_INFINITY });
  const alarms = machines.flatMap((machine) =>
    machine.alarms
      .filter((alarm) => !alarm.acknowledgedAt)
      .map((alarm) => ({
        alarmRank: alarmSeverityRank[alarm.severity],
        item: unread({
          id: `alarm:${alarmSoundKey(machine.id, alarm.id)}`,
          kind: 'alarm',
          severity: alarmLoudness[alarm.severity],
          title: `${machine.name}: ${alarm.message}`,
          detail: `${alarmSeverityLabel[alarm.severity]} · ${alarm.code}`,
          at: alarm.raisedAt,
          href: machinePath(machine.id),
        }),
      })),
  );
  const open = conflicts.map((record) =>
    unread({
      id: `conflict:${record.id}`,
      kind: 'conflict',
      severity: 'warning',
      title: conflictLabel(record),
      detail: `Changed here and on the server: ${record.fields.join(', ')}`,
      at: record.detectedAt,
      href: conflictPath(record.id),
    }),
  );
  const refused = writes
    .filter(({ record }) => record.state === 'failed')
    .map(({ record, doc }) =>
      unread({
        id: `refused:${record.id}@${record.changedAt}`,
        kind: 'sync-failure',
        severity: 'error',
        title: syncQueueItem(record, doc).documentLabel ?? record.documentId,
        detail: record.error ?? 'The server refused this change',
        at: record.changedAt,
        href: '/sync',
      }),
    );
  return [...alarms, ...open.map(others), ...refused.map(others)].sort(byLoudness).map(({ item }) => item);
}

/** Where a person's read notifications are kept: one list per person and shop on this device. */
export const readNotificationsKey = (tenant: string, user: string) =>
  `syncline:notifications-read:${encodeURIComponent(tenant)}:${encodeURIComponent(user)}`;

/** The ids read under `key`; none when nothing (or nothing readable) is kept. */
export function loadReadNotifications(key: string, storage: Pick<Storage, 'getItem'> = localStorage): Set<string> {
  try {
    const ids: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : []);
  } catch {
    return new Set();
  }
}

/**
 * Keeps `read` under `key`, only for the notifications still listed: an acknowledged alarm or a resolved conflict
 * leaves the list, so the kept list never grows past what the bell shows.
 */
export function saveReadNotifications(
  key: string,
  read: ReadonlySet<string>,
  listed: readonly Pick<NotificationItem, 'id'>[],
  storage: Pick<Storage, 'setItem'> = localStorage,
): Set<string> {
  const kept = new Set(listed.map(({ id }) => id).filter((id) => read.has(id)));
  storage.setItem(key, JSON.stringify([...kept]));
  return kept;
}
