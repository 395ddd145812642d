// The status a person sees while requests run: activity around each request, "online" only when the server
// answers (and, with a live stream, the socket is up), "offline" for an unreachable server unless the socket
// proves it reachable, and the words of the last failure.
import { describe, expect, it } from 'vitest';
import { createSyncStore } from '../src';
import { Backoffs } from '../src/backoff';
import { SyncRequestError } from '../src/graphql-transport';
import { SyncReporter } from '../src/replication/sync-reporter';

function reporterFor(live: boolean, backoffs = new Backoffs({ initialMs: 1, maxMs: 1 })) {
  const store = createSyncStore();
  const reporter = new SyncReporter(store, backoffs, live);
  /** one request of `direction` for a collection (tasks unless told), through its own backoff */
  const attempt = <T>(direction: 'pull' | 'push', run: () => Promise<T>, collection = 'tasks') =>
    reporter.attempt(direction, backoffs.of(`${collection}:${direction}`), run, collection);
  return { store, backoffs, reporter, attempt };
}

describe('SyncReporter', () => {
  it('shows pushing while a push runs and pulling while only a pull runs', async () => {
    const { store, attempt } = reporterFor(false);
    let finishPush = () => {};
    let finishPull = () => {};
    const push = attempt('push', () => new Promise<void>((resolve) => (finishPush = resolve)));
    const pull = attempt('pull', () => new Promise<void>((resolve) => (finishPull = resolve)));
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
    const { store, reporter, attempt } = reporterFor(false);
    reporter.set({ connection: 'connecting', lastError: { kind: 'network', message: 'down', at: 1 }, stalled: true });
    const before = Date.now();
    await attempt('push', async () => 'ok');
    const status = store.getState();
    expect(status.connection).toBe('online');
    expect(status.lastError).toBeNull();
    expect(status.stalled).toBe(false);
    expect(status.lastSyncedAt).toBeGreaterThanOrEqual(before);
    expect(reporter.lastPushAckAt).toBeGreaterThanOrEqual(before);
  });

  it('with a live stream, waits for the socket before saying online', async () => {
    const { store, reporter, attempt } = reporterFor(true);
    reporter.set({ connection: 'connecting' });
    await attempt('pull', async () => 'ok');
    expect(store.getState().connection).toBe('connecting');
    reporter.socketOpened();
    expect(store.getState().connection).toBe('online');
  });

  it('goes offline when the server is unreachable, but not while the socket proves it reachable', async () => {
    const { store, reporter, attempt } = reporterFor(true);
    const unreachable = () => Promise.reject(new SyncRequestError('network', 'Could not reach the sync server.'));
    await expect(attempt('push', unreachable)).rejects.toThrow(/Could not reach/);
    expect(store.getState()).toMatchObject({ connection: 'offline', lastError: { kind: 'network' } });

    reporter.socketOpened();
    expect(store.getState()).toMatchObject({ connection: 'online', lastError: null });
    await expect(attempt('push', unreachable)).rejects.toThrow();
    expect(store.getState()).toMatchObject({ connection: 'online', lastError: { kind: 'network' } });
  });

  it('keeps a refusal’s words and the kind of failure', async () => {
    const { store, attempt } = reporterFor(false);
    const refused = () => Promise.reject(new SyncRequestError('rejected', 'title must be a string'));
    await expect(attempt('push', refused)).rejects.toThrow();
    expect(store.getState().lastError).toMatchObject({ kind: 'rejected', message: 'title must be a string' });
  });

  it('keeps saying "update the app" while a collection is refused for its version, whatever else syncs', async () => {
    const { store, reporter, attempt } = reporterFor(true);
    reporter.socketOpened();
    const words = "This app's tasks are schema version 0; the server serves version 1. Update the app to sync tasks.";
    const refusal = new SyncRequestError('outdated', words, { collection: 'tasks', update: 'app' });
    const outdated = () => Promise.reject(refusal);
    await expect(attempt('pull', outdated)).rejects.toThrow();
    // another collection syncs: the person must still update the app to sync tasks
    await attempt('pull', async () => 'ok', 'notes');
    expect(store.getState()).toMatchObject({
      connection: 'online',
      lastError: { kind: 'outdated', message: words, update: 'app' },
    });
    // the stream of tasks refused too: the same words, never "changes still sync"
    reporter.outdated(refusal);
    await attempt('push', async () => 'ok', 'notes');
    expect(store.getState().lastError).toMatchObject({ kind: 'outdated', message: words });
    // tasks sync again (the server went back to the app's version): nothing is outdated any more
    await attempt('pull', async () => 'ok', 'tasks');
    expect(store.getState().lastError).toBeNull();
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
    const { reporter, attempt } = reporterFor(false);
    reporter.stopped = true;
    let sent = false;
    await expect(
      attempt('pull', async () => {
        sent = true;
      }),
    ).rejects.toThrow(/stopped/);
    expect(sent).toBe(false);
  });

  it('keeps each collection’s and direction’s backoff its own: one failing is not hurried by another’s success', async () => {
    const { reporter, backoffs } = reporterFor(false, new Backoffs({ initialMs: 400, maxMs: 400 }));
    const refused = () => Promise.reject(new SyncRequestError('server', 'The sync server failed (HTTP 500).'));
    await expect(reporter.attempt('push', backoffs.of('orders:push'), refused)).rejects.toThrow();
    // customers keep going at once, and their success does not reset the orders' wait
    const started = Date.now();
    await reporter.attempt('push', backoffs.of('customers:push'), async () => 'ok');
    expect(Date.now() - started).toBeLessThan(150);
    const retried = Date.now();
    await reporter.attempt('push', backoffs.of('orders:push'), async () => 'ok');
    expect(Date.now() - retried).toBeGreaterThanOrEqual(190);
  });

  it('lets every request that failed while the server was unreachable go at once when the socket reconnects', async () => {
    const { reporter, backoffs } = reporterFor(true, new Backoffs({ initialMs: 2_000, maxMs: 2_000 }));
    const unreachable = () => Promise.reject(new SyncRequestError('network', 'Could not reach the sync server.'));
    await expect(reporter.attempt('push', backoffs.of('orders:push'), unreachable)).rejects.toThrow();
    reporter.socketOpened();
    const started = Date.now();
    await reporter.attempt('push', backoffs.of('orders:push'), async () => 'ok');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
