// A log of sync sessions on this device: each stretch of being connected or not, with what was pending when
// it ended, kept in memory for the Sync page (newest first, at most 50).
import type { SyncStore } from '@syncline/data';

export interface SyncSession {
  connection: 'online' | 'connecting' | 'offline';
  startedAt: number;
  endedAt?: number;
  pendingAtEnd?: number;
  error?: string;
}

const sessions = new WeakMap<SyncStore, SyncSession[]>();

export function trackSyncSessions(store: SyncStore): SyncSession[] {
  const existing = sessions.get(store);
  if (existing) return existing;
  const log: SyncSession[] = [{ connection: store.getState().connection, startedAt: Date.now() }];
  sessions.set(store, log);
  store.subscribe((state, previous) => {
    if (state.connection === previous.connection) return;
    const current = log[0];
    if (current) {
      current.endedAt = Date.now();
      current.pendingAtEnd = previous.pendingCount;
      if (previous.lastError) current.error = previous.lastError.message;
    }
    log.unshift({ connection: state.connection, startedAt: Date.now() });
    log.length = Math.min(log.length, 50);
  });
  return log;
}
