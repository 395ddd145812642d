// The React context the Syncline hooks read: the database, the sync store and (when running) the replication.
import { createContext, useContext } from 'react';
import type { AnyRxDatabase } from '../any-database';
import type { SynclineReplication } from '../replication';
import type { SyncStore } from '../sync-store';

export interface SynclineContextValue {
  database: AnyRxDatabase;
  store: SyncStore;
  replication: SynclineReplication | null;
  /** the signed-in person's role (their token's `role` claim), when the app gave it */
  role?: string | undefined;
}

export const SynclineContext = createContext<SynclineContextValue | null>(null);

export function useSyncline(): SynclineContextValue {
  const value = useContext(SynclineContext);
  if (!value) throw new Error('Syncline hooks need a <SynclineProvider database={…}> above them.');
  return value;
}

/** The provider's database, typed as the app's own: `useSynclineDatabase<SynclineDatabase<typeof schemas>>()`. */
export function useSynclineDatabase<D = AnyRxDatabase>(): D {
  return useSyncline().database as D;
}
