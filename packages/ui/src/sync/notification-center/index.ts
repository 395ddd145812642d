export {
  NotificationCenter,
  type NotificationCenterProps,
  type NotificationItem,
  type NotificationKind,
  type NotificationSeverity,
  notificationCenterLabel,
} from './notification-center';
