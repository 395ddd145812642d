export { type BatchResolution, ConflictInbox, type ConflictInboxItem, type ConflictInboxProps } from './conflict-inbox';
