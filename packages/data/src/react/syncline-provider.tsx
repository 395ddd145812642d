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
  children?: ReactNode;
}

export function SynclineProvider({ database, replication = null, children }: SynclineProviderProps) {
  const ownStore = useMemo(() => (replication ? null : createSyncStore({ connection: 'offline' })), [replication]);
  useEffect(() => (ownStore ? bindSyncCounts(ownStore, database) : undefined), [ownStore, database]);
  const store = replication?.store ?? ownStore;
  const value = useMemo(() => (store ? { database, store, replication } : null), [database, store, replication]);
  return <SynclineContext value={value}>{children}</SynclineContext>;
}
