// The header's bell: the person's notifications (open alarms, conflicts, refused changes), each following its link
// within the app and read once followed; "Mark all read" reads them all.
import { NotificationCenter } from '@syncline/ui/notification-center';
import { useNavigate } from 'react-router';
import { useSyncNotifications } from '../lib/use-sync-notifications';

export function HeaderNotifications() {
  const navigate = useNavigate();
  const { notifications, markRead, markAllRead } = useSyncNotifications();
  return (
    <NotificationCenter
      notifications={notifications}
      onSelect={(notification, event) => {
        markRead([notification.id]);
        // a click with a modifier opens a new tab as a link does; a plain one stays in the app
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(notification.href);
      }}
      onMarkAllRead={markAllRead}
    />
  );
}
