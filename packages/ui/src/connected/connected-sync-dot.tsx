'use client';
// One document's sync dot, subscribed to that document only: a change re-renders this dot and nothing else.
import { useDocSyncState } from '@syncline/data';
import { SyncDot, type SyncDotProps } from '../sync/sync-dot';

export type ConnectedSyncDotProps = Omit<SyncDotProps, 'state'> & {
  /** The document's collection, as named in the database. */
  collection: string;
  /** The document's primary key. */
  id: string;
};

export function ConnectedSyncDot({ collection, id, ...props }: ConnectedSyncDotProps) {
  return <SyncDot state={useDocSyncState(collection, id)} {...props} />;
}
