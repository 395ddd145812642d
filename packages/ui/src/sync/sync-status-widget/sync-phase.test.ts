// What the sync status widget says in every state, and which state wins when several hold at once.
import { describe, expect, it } from 'vitest';
import {
  bannerMessage,
  deriveSyncPhase,
  type SyncPhase,
  type SyncStatusSnapshot,
  syncPhaseDescription,
  syncPhaseLabel,
  timeLeft,
} from './sync-phase';

const online: SyncStatusSnapshot = { connection: 'online', activity: 'idle', pendingCount: 0, failedCount: 0 };

/** The phase and the line the widget shows for a snapshot. */
function shown(status: SyncStatusSnapshot): { phase: SyncPhase; label: string } {
  const phase = deriveSyncPhase(status);
  return { phase, label: syncPhaseLabel(phase, status) };
}

describe('deriveSyncPhase and syncPhaseLabel', () => {
  it('says the status is unknown before the sync engine has reported a connection', () => {
    expect(shown({})).toEqual({ phase: 'unknown', label: 'Sync status unknown' });
    expect(shown({ connection: null, pendingCount: 4, lastError: 'boom' })).toEqual({
      phase: 'unknown',
      label: 'Sync status unknown',
    });
  });

  it('says all changes are synced when online with nothing pending', () => {
    expect(shown(online)).toEqual({ phase: 'idle', label: 'All changes synced' });
  });

  it('shows the pending count while online and idle', () => {
    expect(shown({ ...online, pendingCount: 2 })).toEqual({ phase: 'idle', label: 'Online · 2 pending' });
  });

  it('says offline, with the pending count when there is one', () => {
    expect(shown({ ...online, connection: 'offline' })).toEqual({ phase: 'offline', label: 'Offline' });
    expect(shown({ ...online, connection: 'offline', pendingCount: 3 })).toEqual({
      phase: 'offline',
      label: 'Offline · 3 pending',
    });
  });

  it('says there is a sync error, with the failed count when there is one', () => {
    expect(shown({ ...online, lastError: 'Server refused the token' })).toEqual({
      phase: 'error',
      label: 'Sync error',
    });
    expect(shown({ ...online, lastError: 'Server refused the token', failedCount: 2 })).toEqual({
      phase: 'error',
      label: 'Sync error · 2 failed',
    });
  });

  it('says sync stalled, with the pending count when there is one', () => {
    expect(shown({ ...online, stalled: true })).toEqual({ phase: 'stalled', label: 'Sync stalled' });
    expect(shown({ ...online, stalled: true, pendingCount: 5 })).toEqual({
      phase: 'stalled',
      label: 'Sync stalled · 5 pending',
    });
  });

  it('says it is connecting while it reaches the server', () => {
    expect(shown({ ...online, connection: 'connecting', pendingCount: 1 })).toEqual({
      phase: 'connecting',
      label: 'Connecting…',
    });
  });

  it('shows initial-sync progress as a whole percentage, rounded down', () => {
    expect(shown({ ...online, progress: 0 })).toEqual({ phase: 'initial-sync', label: 'Syncing · 0%' });
    expect(shown({ ...online, progress: 0.426 })).toEqual({ phase: 'initial-sync', label: 'Syncing · 42%' });
    expect(shown({ ...online, progress: 0.999 })).toEqual({ phase: 'initial-sync', label: 'Syncing · 99%' });
  });

  it('counts the documents of an initial sync when the server said how many are coming', () => {
    const counted = { ...online, progress: 0.12, receivedCount: 12_000, expectedCount: 100_000 };
    expect(shown(counted)).toEqual({ phase: 'initial-sync', label: 'Syncing · 12,000 of 100,000' });
    // documents streamed in meanwhile never read as more than the whole
    expect(shown({ ...counted, receivedCount: 100_050 }).label).toBe('Syncing · 100,000 of 100,000');
    expect(syncPhaseDescription('initial-sync', { ...counted, secondsLeft: 42 })).toBe(
      'Downloading data for the first time: about 40 s left.',
    );
    // the first priority class (commands, alarms) in, history still arriving: the details say so
    expect(syncPhaseDescription('initial-sync', { ...counted, urgentSynced: true })).toBe(
      'Downloading data for the first time. The most urgent data is up to date; the rest is on its way.',
    );
    expect(syncPhaseDescription('syncing-down', { ...online, urgentSynced: true })).toBe(
      'Receiving changes from the server. The most urgent data is up to date; the rest is on its way.',
    );
    // the phase held on screen a moment after the sync finished reads as done, not as 0%
    expect(syncPhaseLabel('initial-sync', { ...online, progress: null })).toBe('Syncing · 100%');
    expect(timeLeft(3)).toBe('less than 5 s left');
    expect(timeLeft(170)).toBe('about 3 min left');
  });

  it('is not in an initial sync without progress, or once progress reaches 1', () => {
    expect(shown({ ...online, progress: null })).toEqual({ phase: 'idle', label: 'All changes synced' });
    expect(shown({ ...online, progress: 1 })).toEqual({ phase: 'idle', label: 'All changes synced' });
  });

  it('says how many changes it is sending while pushing', () => {
    expect(shown({ ...online, activity: 'pushing', pendingCount: 1 })).toEqual({
      phase: 'syncing-up',
      label: 'Sending 1 change',
    });
    expect(shown({ ...online, activity: 'pushing', pendingCount: 4 })).toEqual({
      phase: 'syncing-up',
      label: 'Sending 4 changes',
    });
    expect(shown({ ...online, activity: 'pushing' })).toEqual({ phase: 'syncing-up', label: 'Sending changes' });
  });

  it('says it is receiving changes while pulling', () => {
    expect(shown({ ...online, activity: 'pulling' })).toEqual({ phase: 'syncing-down', label: 'Receiving changes' });
  });

  describe('when several states hold at once, the most urgent wins', () => {
    const everything: SyncStatusSnapshot = {
      connection: 'offline',
      activity: 'pushing',
      pendingCount: 3,
      lastError: 'Server refused the token',
      stalled: true,
      progress: 0.5,
    };

    it('offline over an error, a stall, progress and activity', () => {
      expect(deriveSyncPhase(everything)).toBe('offline');
    });

    it('an error over a stall, connecting and progress once no request is on its way', () => {
      const answered = { ...everything, activity: 'idle' } as const;
      expect(deriveSyncPhase({ ...answered, connection: 'online' })).toBe('error');
      expect(deriveSyncPhase({ ...answered, connection: 'connecting' })).toBe('error');
    });

    it('never an error for a request in flight: the last failure is not the answer to this one', () => {
      expect(shown({ ...everything, connection: 'online', stalled: false, progress: null })).toEqual({
        phase: 'syncing-up',
        label: 'Sending 3 changes',
      });
      expect(deriveSyncPhase({ ...online, activity: 'pulling', lastError: 'Request timed out' })).toBe('syncing-down');
    });

    it('a stall over connecting, progress and activity', () => {
      expect(deriveSyncPhase({ ...everything, connection: 'online', lastError: null })).toBe('stalled');
      expect(deriveSyncPhase({ ...everything, connection: 'connecting', lastError: null })).toBe('stalled');
    });

    it('connecting over progress and activity', () => {
      expect(deriveSyncPhase({ ...everything, connection: 'connecting', lastError: null, stalled: false })).toBe(
        'connecting',
      );
    });

    it('the initial sync over pushing or pulling', () => {
      const syncing = { ...everything, connection: 'online', lastError: null, stalled: false } as const;
      expect(deriveSyncPhase(syncing)).toBe('initial-sync');
      expect(deriveSyncPhase({ ...syncing, activity: 'pulling' })).toBe('initial-sync');
    });

    it('pending work alone is not a phase: online and idle with pending reads as idle', () => {
      expect(deriveSyncPhase({ ...online, pendingCount: 9 })).toBe('idle');
    });

    it('an open conflict over "all changes synced", a sync under way over the conflict', () => {
      expect(deriveSyncPhase({ ...online, conflictCount: 1 })).toBe('needs-review');
      expect(deriveSyncPhase({ ...online, conflictCount: 1, activity: 'pulling' })).toBe('syncing-down');
      expect(deriveSyncPhase({ ...online, conflictCount: 1, lastError: 'boom' })).toBe('error');
      expect(deriveSyncPhase({ ...online, conflictCount: 1, connection: 'offline' })).toBe('offline');
    });
  });
});

describe('needs review', () => {
  it('says how many conflicts need review, never that all is synced', () => {
    expect(shown({ ...online, conflictCount: 1 })).toEqual({ phase: 'needs-review', label: '1 conflict needs review' });
    expect(shown({ ...online, conflictCount: 3 })).toEqual({
      phase: 'needs-review',
      label: '3 conflicts need review',
    });
    expect(syncPhaseDescription('needs-review', online)).toMatch(/Both versions are kept until you review them\.$/);
  });
});

describe('bannerMessage: the banner follows the same phase', () => {
  const message = (status: SyncStatusSnapshot, afterOffline = true) =>
    bannerMessage(deriveSyncPhase(status), status, afterOffline);

  it('says nothing until the connection drops, then offline', () => {
    expect(message(online, false)).toBe('none');
    expect(message({ ...online, conflictCount: 2 }, false)).toBe('none');
    expect(message({ ...online, connection: 'offline' }, false)).toBe('offline');
  });

  it('after reconnecting: syncing while anything is on its way or waiting, synced only when nothing is left', () => {
    expect(message({ ...online, connection: 'connecting', pendingCount: 1 })).toBe('reconnecting');
    expect(message({ ...online, activity: 'pushing', pendingCount: 1 })).toBe('reconnecting');
    expect(message({ ...online, pendingCount: 1 })).toBe('reconnecting');
    expect(message(online)).toBe('synced');
  });

  it('never "all changes synced" while a conflict is open or sync fails', () => {
    expect(message({ ...online, conflictCount: 1 })).toBe('needs-review');
    expect(message({ ...online, lastError: 'The server failed' })).toBe('error');
    expect(message({ ...online, stalled: true, pendingCount: 2 })).toBe('error');
  });
});

describe('syncPhaseDescription', () => {
  const describeStatus = (status: SyncStatusSnapshot) => syncPhaseDescription(deriveSyncPhase(status), status);

  it('reassures that changes are kept on the device when offline, failing or stalled', () => {
    expect(describeStatus({ ...online, connection: 'offline' })).toBe(
      'Changes are saved on this device and will sync when you reconnect.',
    );
    expect(describeStatus({ ...online, stalled: true })).toMatch(/Your changes are kept on this device\.$/);
    expect(describeStatus({ ...online, lastError: 'Server refused the token.' })).toBe(
      'Server refused the token. Your changes are kept on this device.',
    );
  });

  it('tells how many changes will be sent shortly when idle with pending work', () => {
    expect(describeStatus({ ...online, pendingCount: 1 })).toBe(
      'Connected. 1 change on this device will be sent shortly.',
    );
    expect(describeStatus({ ...online, pendingCount: 3 })).toBe(
      'Connected. 3 changes on this device will be sent shortly.',
    );
    expect(describeStatus(online)).toBe('Everything on this device is on the server.');
  });

  it('has a sentence for every phase', () => {
    const phases: SyncPhase[] = [
      'unknown',
      'offline',
      'error',
      'stalled',
      'connecting',
      'initial-sync',
      'syncing-up',
      'syncing-down',
      'needs-review',
      'idle',
    ];
    for (const phase of phases) expect(syncPhaseDescription(phase, online)).toMatch(/\S.*\.$/);
    expect(syncPhaseDescription('unknown', online)).toBe('The sync engine has not reported yet.');
    expect(syncPhaseDescription('connecting', online)).toBe('Reaching the server.');
    expect(syncPhaseDescription('initial-sync', online)).toBe('Downloading data for the first time.');
    expect(syncPhaseDescription('syncing-up', online)).toBe('Sending your changes to the server.');
    expect(syncPhaseDescription('syncing-down', online)).toBe('Receiving changes from the server.');
  });
});
