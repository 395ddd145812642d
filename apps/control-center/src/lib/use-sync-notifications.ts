// The bell's notifications, live: the machines' open alarms, the open conflicts and the refused changes on this
// device, each read or not for the signed-in person in this shop (kept in localStorage, see ./notifications.ts).
import { useConflicts, useLiveQuery, usePendingWrites } from '@syncline/data';
import type { Machine } from '@syncline/domain';
import { useCallback, useMemo, useState } from 'react';
import { useSession } from '../runtime/session-context';
import {
  gatherNotifications,
  loadReadNotifications,
  readNotificationsKey,
  saveReadNotifications,
} from './notifications';

export function useSyncNotifications() {
  const { tenant, user } = useSession().session;
  const key = readNotificationsKey(tenant, user);
  const { docs: machines } = useLiveQuery<Machine>('machines');
  const conflicts = useConflicts();
  const writes = usePendingWrites();
  // the read ids of the person and shop signed in now: read again when either changes
  const [kept, setKept] = useState(() => ({ key, read: loadReadNotifications(key) }));
  if (kept.key !== key) setKept({ key, read: loadReadNotifications(key) });
  const { read } = kept;
  const notifications = useMemo(
    () => gatherNotifications({ machines, conflicts, writes, read }),
    [machines, conflicts, writes, read],
  );
  const markRead = useCallback(
    (ids: readonly string[]) =>
      setKept({ key, read: saveReadNotifications(key, new Set([...read, ...ids]), notifications) }),
    [key, read, notifications],
  );
  const unread = notifications.filter((notification) => !notification.read).length;
  return {
    notifications,
    unread,
    markRead,
    markAllRead: useCallback(() => markRead(notifications.map(({ id }) => id)), [markRead, notifications]),
  };
}
