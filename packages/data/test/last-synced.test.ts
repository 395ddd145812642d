// "Last synced" survives a reload: the last server acknowledgement is kept per database and read back on start,
// and coming back online after a spell offline starts without the error the offline spell left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSyncStore } from '../src';
import { Backoffs } from '../src/backoff';
import { keepLastSynced, lastSyncedKey } from '../src/replication/last-synced';
import { SyncReporter } from '../src/replication/sync-reporter';

/** A Map behind the Storage interface, standing in for the browser's localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('keepLastSynced', () => {
  const global = globalThis as { localStorage?: Storage };
  beforeEach(() => {
    global.localStorage = memoryStorage();
  });
  afterEach(() => {
    delete global.localStorage;
  });

  it('reads the last acknowledgement back after a reload, for the same database only', () => {
    const before = createSyncStore();
    const stop = keepLastSynced(before, 'shop-a');
    before.setState({ lastSyncedAt: 1_700_000_000_000 });
    stop();

    const reloaded = createSyncStore({ connection: 'offline' });
    keepLastSynced(reloaded, 'shop-a');
    expect(reloaded.getState().lastSyncedAt).toBe(1_700_000_000_000);

    const other = createSyncStore();
    keepLastSynced(other, 'shop-b');
    expect(other.getState().lastSyncedAt).toBeNull();
  });

  it('never goes back to an older time than the store already holds, and keeps each newer one', () => {
    global.localStorage?.setItem(lastSyncedKey('shop-a'), '1000');
    const store = createSyncStore({ lastSyncedAt: 5000 });
    keepLastSynced(store, 'shop-a');
    expect(store.getState().lastSyncedAt).toBe(5000);
    store.setState({ lastSyncedAt: 6000 });
    expect(global.localStorage?.getItem(lastSyncedKey('shop-a'))).toBe('6000');
  });

  it('ignores what is not a time', () => {
    global.localStorage?.setItem(lastSyncedKey('shop-a'), 'yesterday');
    const store = createSyncStore();
    keepLastSynced(store, 'shop-a');
    expect(store.getState().lastSyncedAt).toBeNull();
  });
});

describe('SyncReporter.reconnecting', () => {
  it('drops the network error of the offline spell while the retries are on their way', () => {
    const store = createSyncStore();
    const reporter = new SyncReporter(store, new Backoffs(), true);
    reporter.socketClosed('ws://sync.test/graphql');
    expect(store.getState().lastError?.kind).toBe('network');
    reporter.reconnecting();
    expect(store.getState()).toMatchObject({ connection: 'connecting', lastError: null });
  });

  it('keeps an error a person has to act on (a refused token, a refused row)', () => {
    const store = createSyncStore();
    const reporter = new SyncReporter(store, new Backoffs(), true);
    reporter.authProblem('The server refused the token.');
    reporter.reconnecting();
    expect(store.getState().lastError?.kind).toBe('auth');
  });

  it('keeps "sign in again" when a stream then ends (its token ran out), and reports a stream end otherwise', () => {
    const store = createSyncStore();
    const reporter = new SyncReporter(store, new Backoffs(), true);
    reporter.authProblem('Sign in again: the session has ended.');
    reporter.streamProblem('the server ended the live stream');
    expect(store.getState().lastError).toMatchObject({
      kind: 'auth',
      message: 'Sign in again: the session has ended.',
    });
    const other = createSyncStore();
    new SyncReporter(other, new Backoffs(), true).streamProblem('the server ended the live stream');
    expect(other.getState().lastError?.kind).toBe('server');
  });
});
