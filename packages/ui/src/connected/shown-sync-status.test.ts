// The store's priority rounds as the connected views read them: "the most urgent data is up to date" only while the
// first class is in and a later one is not.
import { initialSyncStatus, type SyncStatus } from '@syncline/data';
import { describe, expect, it } from 'vitest';
import { deriveSyncPhase, syncPhaseDescription } from '../sync/sync-status-widget/sync-phase';
import { syncSnapshot } from './shown-sync-status';

const receiving: SyncStatus = { ...initialSyncStatus, connection: 'online', activity: 'pulling' };
const at = (priority: SyncStatus['priority']) => syncSnapshot({ ...receiving, priority });

describe('syncSnapshot urgentSynced', () => {
  it('is true while class 0 is in and the last class is not, and the details say so', () => {
    const snapshot = at({ syncedThrough: 0, last: 3 });
    expect(snapshot.urgentSynced).toBe(true);
    expect(syncPhaseDescription(deriveSyncPhase(snapshot), snapshot)).toBe(
      'Receiving changes from the server. The most urgent data is up to date; the rest is on its way.',
    );
  });

  it('is false before class 0 is in, once every class is, with one class only, and before any round', () => {
    expect(at({ syncedThrough: null, last: 3 }).urgentSynced).toBe(false);
    expect(at({ syncedThrough: 3, last: 3 }).urgentSynced).toBe(false);
    expect(at({ syncedThrough: 0, last: 0 }).urgentSynced).toBe(false);
    expect(at(null).urgentSynced).toBe(false);
    expect(syncPhaseDescription('syncing-down', at(null))).toBe('Receiving changes from the server.');
  });
});
