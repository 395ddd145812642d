// The status a person sees while requests run: activity around each request, "online" only when the server
// answers (and, with a live stream, the socket is up), "offline" for an unreachable server unless the socket
// proves it reachable, and the words of the last failure.
import { describe, expect, it } from 'vitest';
import { Backoff, createSyncStore } from '../src';
import { SyncRequestError } from '../src/graphql-transport';
import { SyncReporter } from '../src/replication/sync-reporter';

function reporterFor(live: boolean) {
  const store = createSyncStore();
  const backoff = new Backoff({ initialMs: 1, maxMs: 1 });
  return { store, backoff, reporter: new SyncReporter(store, backoff, live) };
}

describe('SyncReporter', () => {
  it('shows pushing while a push runs and pulling while only a pull runs', async () => {
    const { store, reporter } = reporterFor(false);
    let finishPush = () => {};
    let finishPull = () => {};
    const push = reporter.attempt('push', () => new Promise<void>((resolve) => (finishPush = resolve)));
    const pull = reporter.attempt('pull', () => new Promise<void>((resolve) => (finishPull = resolve)));
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().activity).toBe('pushing');
    finishPush();
    await push;
    expect(store.getState().activity).toBe('pulling');
    finishPull();
    await pull;
    expect(store.getState().activity).toBe('idle');
  });

  it('says online with the time of the answer once the server acknowledges, and clears the last error', async () => {
    const { store, reporter } = reporterFor(false);
    reporter.set({ connection: 'connecting', lastError: { kind: 'network', message: 'down', at: 1 }, stalled: true });
    const before = Date.now();
    await reporter.attempt('push', async () => 'ok');
    const status = store.getState();
    expect(status.connection).toBe('online');
    expect(status.lastError).toBeNull();
    expect(status.stalled).toBe(false);
    expect(status.lastSyncedAt).toBeGreaterThanOrEqual(before);
    expect(reporter.lastPushAckAt).toBeGreaterThanOrEqual(before);
  });

  it('with a live stream, waits for the socket before saying online', async () => {
    const { store, reporter } = reporterFor(true);
    reporter.set({ connection: 'connecting' });
    await reporter.attempt('pull', async () => 'ok');
    expect(store.getState().connection).toBe('connecting');
    reporter.socketOpened();
    expect(store.getState().connection).toBe('online');
  });

  it('goes offline when the server is unreachable, but not while the socket proves it reachable', async () => {
    const { store, reporter } = reporterFor(true);
    const unreachable = () => Promise.reject(new SyncRequestError('network', 'Could not reach the sync server.'));
    await expect(reporter.attempt('push', unreachable)).rejects.toThrow(/Could not reach/);
    expect(store.getState()).toMatchObject({ connection: 'offline', lastError: { kind: 'network' } });

    reporter.socketOpened();
    expect(store.getState()).toMatchObject({ connection: 'online', lastError: null });
    await expect(reporter.attempt('push', unreachable)).rejects.toThrow();
    expect(store.getState()).toMatchObject({ connection: 'online', lastError: { kind: 'network' } });
  });

  it('keeps a refusal’s words and the kind of failure', async () => {
    const { store, reporter } = reporterFor(false);
    const refused = () => Promise.reject(new SyncRequestError('rejected', 'title must be a string'));
    await expect(reporter.attempt('push', refused)).rejects.toThrow();
    expect(store.getState().lastError).toMatchObject({ kind: 'rejected', message: 'title must be a string' });
  });

  it('says why the socket closed, unless paused or stopped', () => {
    const { store, reporter } = reporterFor(true);
    reporter.socketOpened();
    reporter.socketClosed('ws://127.0.0.1:9/graphql');
    expect(store.getState().connection).toBe('offline');
    expect(store.getState().lastError?.message).toMatch(/ws:\/\/127\.0\.0\.1:9\/graphql.*kept on this device/);

    const paused = reporterFor(true);
    paused.reporter.set({ paused: true, connection: 'offline', lastError: null });
    paused.reporter.socketClosed('ws://x');
    expect(paused.store.getState().lastError).toBeNull();
  });

  it('sends no request once stopped', async () => {
    const { reporter } = reporterFor(false);
    reporter.stopped = true;
    let sent = false;
    await expect(
      reporter.attempt('pull', async () => {
        sent = true;
      }),
    ).rejects.toThrow(/stopped/);
    expect(sent).toBe(false);
  });
});
