// The small parts a replication is composed of: the bounded memory of recent documents, the throttled count of
// received documents, the stall watch, the browser's connectivity events and the stream's gap check.
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSyncStore } from '../src';
import type { PullStream } from '../src/live-stream';
import { RecentMap } from '../src/recent-map';
import { browserSaysOffline, watchConnectivity } from '../src/replication/connectivity';
import { createReceivedCounter } from '../src/replication/received-counter';
import { watchStalls } from '../src/replication/stall-watch';
import { followStream } from '../src/replication/stream-gaps';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('RecentMap', () => {
  it('keeps the most recently written entries up to its limit', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 3); // written again: now the most recent
    map.set('c', 4);
    expect(map.has('b')).toBe(false);
    expect(map.get('a')).toBe(3);
    expect(map.get('c')).toBe(4);
    map.delete('a');
    expect(map.has('a')).toBe(false);
  });
});

describe('received counter', () => {
  it('adds received documents to the progress in one store update per interval, and flushes on demand', () => {
    vi.useFakeTimers();
    const store = createSyncStore({
      progress: { collections: 2, synced: 0, documents: 0, expected: null, secondsLeft: null },
    });
    const updates = vi.fn();
    store.subscribe(updates);
    const counter = createReceivedCounter(store, 100);
    for (let i = 0; i < 1_000; i++) counter.count();
    expect(store.getState().progress?.documents).toBe(0);
    vi.advanceTimersByTime(100);
    expect(store.getState().progress?.documents).toBe(1_000);
    expect(updates).toHaveBeenCalledTimes(1);
    counter.count();
    counter.flush();
    counter.collectionSynced();
    expect(store.getState().progress).toMatchObject({ collections: 2, synced: 1, documents: 1_001 });
  });

  it('has a total once every collection said what is to come, and estimates the time left at the recent rate', () => {
    vi.useFakeTimers();
    const store = createSyncStore({
      progress: { collections: 2, synced: 0, documents: 0, expected: null, secondsLeft: null },
    });
    const counter = createReceivedCounter(store, 100);
    counter.expect(6_000);
    // one collection's total alone would read as nearly done
    expect(store.getState().progress?.expected).toBeNull();
    counter.expect(4_000);
    expect(store.getState().progress?.expected).toBe(10_000);
    // 500 documents every second for three seconds: 8,500 to go at 500/s is 17 s
    for (let second = 0; second < 3; second++) {
      for (let i = 0; i < 500; i++) counter.count();
      vi.advanceTimersByTime(1_000);
    }
    expect(store.getState().progress).toMatchObject({ documents: 1_500, expected: 10_000 });
    expect(store.getState().progress?.secondsLeft).toBeCloseTo(17, 0);
  });
});

describe('stall watch', () => {
  it('says stalled when writes wait, connected, with nothing acknowledged for too long, and recovers', () => {
    vi.useFakeTimers();
    const store = createSyncStore({ connection: 'online' });
    let lastAck = Date.now();
    const stop = watchStalls({ store, stallAfterMs: 5_000, lastAckAt: () => lastAck, isLeader: () => true });
    store.setState({ pendingCount: 3 });
    vi.advanceTimersByTime(4_000);
    expect(store.getState().stalled).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(store.getState().stalled).toBe(true);
    lastAck = Date.now();
    vi.advanceTimersByTime(1_000);
    expect(store.getState().stalled).toBe(false);
    store.setState({ connection: 'offline' });
    vi.advanceTimersByTime(10_000);
    expect(store.getState().stalled).toBe(false);
    stop();
  });

  it('leaves the decision to the tab that replicates', () => {
    vi.useFakeTimers();
    const store = createSyncStore({ connection: 'online', pendingCount: 1 });
    const stop = watchStalls({ store, stallAfterMs: 10, lastAckAt: () => 0, isLeader: () => false });
    vi.advanceTimersByTime(5_000);
    expect(store.getState().stalled).toBe(false);
    stop();
  });
});

describe('connectivity', () => {
  it('follows the window’s online and offline events until told to stop', () => {
    const window = new EventTarget();
    vi.stubGlobal('window', window);
    const online = vi.fn();
    const offline = vi.fn();
    const stop = watchConnectivity({ online, offline });
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    expect(offline).toHaveBeenCalledTimes(1);
    expect(online).toHaveBeenCalledTimes(1);
    stop();
    window.dispatchEvent(new Event('online'));
    expect(online).toHaveBeenCalledTimes(1);
  });

  it('reads a page opened with the network off as offline', () => {
    vi.stubGlobal('navigator', { onLine: false });
    expect(browserSaysOffline()).toBe(true);
    vi.stubGlobal('navigator', { onLine: true });
    expect(browserSaysOffline()).toBe(false);
  });
});

describe('following the stream', () => {
  const event = (id: string, updatedAt: number, previous: [string, number] | null) => ({
    documents: [{ id, _deleted: false }],
    checkpoint: { id, updatedAt },
    previousCheckpoint: previous ? { id: previous[0], updatedAt: previous[1] } : null,
  });

  it('passes events in order, pulls when one follows a commit it never saw, and drops one already passed', () => {
    const stream$: PullStream = new Subject();
    const seen: unknown[] = [];
    stream$.subscribe((item) => seen.push(item === 'RESYNC' ? 'RESYNC' : (item.checkpoint as { id: string }).id));
    const follower = followStream(stream$, 'id');
    follower.reached({ id: 'a', updatedAt: 10 });
    follower.deliver(event('b', 11, ['a', 10]));
    // d follows c, which never came: pull instead of jumping past c
    follower.deliver(event('d', 13, ['c', 12]));
    follower.reached({ id: 'd', updatedAt: 13 });
    // c arrives late, from another instance: the pull already brought it and may have brought newer states
    follower.deliver(event('c', 12, ['b', 11]));
    follower.deliver(event('e', 14, ['d', 13]));
    expect(seen).toEqual(['b', 'RESYNC', 'e']);
  });

  it('passes on the documents of a passed event that are the newest states seen, under the checkpoint reached', () => {
    const stream$: PullStream = new Subject();
    const seen: unknown[] = [];
    stream$.subscribe((item) => seen.push(item));
    const follower = followStream(stream$, 'id');
    // a pull brought x's commit at 12 and y's at 13; RxDB may have left x alone (a local write of x was in flight)
    const x12 = { id: 'x', title: 'theirs', updatedAt: 12, _deleted: false };
    follower.reached({ id: 'y', updatedAt: 13 }, [x12, { id: 'y', updatedAt: 13, _deleted: false }]);
    // x's older commit comes late: dropped
    follower.deliver({
      ...event('x', 11, null),
      documents: [{ id: 'x', title: 'mine', updatedAt: 11, _deleted: false }],
    });
    // the event of x's commit at 12: passed on, so RxDB can take it now, without moving its checkpoint back
    follower.deliver({ ...event('x', 12, ['x', 11]), documents: [x12] });
    expect(seen).toEqual([{ documents: [x12], checkpoint: { id: 'y', updatedAt: 13 } }]);
  });
});
