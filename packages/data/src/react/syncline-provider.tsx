// Makes a Syncline database (and its replication, when one runs) available to the hooks below it.
import { type ReactNode, useEffect, useMemo } from 'react';
import type { AnyRxDatabase } from '../any-database';
import type { SynclineReplication } from '../replication';
import { bindSyncCounts, createSyncStore } from '../sync-store';
import { SynclineContext } from './context';

export interface SynclineProviderProps {
  /** a database opened with createSynclineDatabase */
  database: AnyRxDatabase;
  /** the running replication; without one the store still counts pending writes and conflicts */
  replication?: SynclineReplication | null;
  /**
   * the signed-in person's role (`roleOfToken(token)` reads it), so `useCan` can tell what they may do; without it
   * `useCan` allows everything and the server alone decides
   */
  role?: string | undefined;
  children?: ReactNode;
}

export function SynclineProvider({ database, replication = null, role, children }: SynclineProviderProps) {
  const ownStore = useMemo(() => (replication ? null : createSyncStore({ connection: 'offline' })), [replication]);
  useEffect(() => (ownStore ? bindSyncCounts(ownStore, database) : undefined), [ownStore, database]);
  const store = replication?.store ?? ownStore;
  const value = useMemo(
    () => (store ? { database, store, replication, role } : null),
    [database, store, replication, role],
  );
  return <SynclineContext value={value}>{children}</SynclineContext>;
}
