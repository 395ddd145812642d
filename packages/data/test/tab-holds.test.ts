// The hold protocol between tabs (tab-holds.ts), over a bus that delivers each message to every other tab as a
// BroadcastChannel does, with each tab's replication played by a record of what it holds.
import { describe, expect, it, vi } from 'vitest';
import {
  createTabHolds,
  HOLD_ANSWER_MS,
  HOLD_LEASE_MS,
  HOLD_RENEW_MS,
  type HoldMessage,
  type HoldRequest,
} from '../src/tab-holds';

function tabs(count: number, { answering = true, failing = false } = {}) {
  const all: {
    tab: { leader: boolean; crashed: boolean };
    held: Map<number, string[]>;
    holds: ReturnType<typeof createTabHolds>;
  }[] = [];
  let ids = 0;
  for (let index = 0; index < count; index++) {
    const tab = { leader: index === 0, crashed: false, held: new Map<number, string[]>() };
    const holds = createTabHolds({
      post: (message: HoldMessage) => {
        // a crashed tab's page is gone: nothing it would say is heard
        if (tab.crashed) return;
        if (message.type === 'held' && !answering) return;
        // delivered later, as a channel does
        queueMicrotask(() => {
          for (const other of all) if (other !== entry) other.holds.receive(message);
        });
      },
      isLeader: () => tab.leader,
      holdHere: async (request: HoldRequest) => {
        if (failing && request.documents.length > 0) throw new Error('The sync of tasks stayed busy.');
        const id = ++ids;
        tab.held.set(id, [...request.ids]);
        return () => tab.held.delete(id);
      },
    });
    const entry = { tab, held: tab.held, holds };
    all.push(entry);
  }
  const heldIds = (index: number) => [...(all[index]?.held.values() ?? [])].flat().sort();
  return { all, heldIds };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const old = { collection: 'tasks', ids: ['old'], documents: [{ id: 'old', title: 'old' }] };

describe('holds between tabs', () => {
  it('holds ids for another tab at once, and the server’s documents once the leader has stored them', async () => {
    const { all, heldIds } = tabs(2);
    const [, other] = all;
    const release = await other?.holds.request({ collection: 'tasks', ids: ['open'], documents: [] });
    await settle();
    expect(heldIds(0)).toEqual(['open']);
    const releaseOld = await other?.holds.request(old);
    expect(heldIds(0)).toEqual(['old', 'open']);
    release?.();
    releaseOld?.();
    await settle();
    expect(heldIds(0)).toEqual([]);
    expect(heldIds(1)).toEqual([]);
  });

  it('says why when the leader could not store them, and holds nothing for it', async () => {
    const { all, heldIds } = tabs(2, { failing: true });
    await expect(all[1]?.holds.request(old)).rejects.toThrow('The sync of tasks stayed busy.');
    await settle();
    expect(heldIds(0)).toEqual([]);
  });

  it('says so when no leader answers, and the leader lets go of an answer that came too late', async () => {
    vi.useFakeTimers();
    try {
      const { all, heldIds } = tabs(2, { answering: false });
      const asked = all[1]?.holds.request(old);
      const failed = expect(asked).rejects.toThrow(/did not answer within 15 s/);
      await vi.advanceTimersByTimeAsync(HOLD_ANSWER_MS);
      await failed;
      await vi.runAllTimersAsync();
      expect(heldIds(0)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks a new leader again, and a tab that says goodbye is held for no more', async () => {
    const { all, heldIds } = tabs(3);
    const [first, second, third] = all;
    await second?.holds.request(old);
    await third?.holds.request({ collection: 'tasks', ids: ['open'], documents: [] });
    await settle();
    expect(heldIds(0)).toEqual(['old', 'open']);
    // the leader's tab closes; the second tab leads
    first?.holds.close();
    if (first) first.tab.leader = false;
    if (second) second.tab.leader = true;
    second?.holds.becameLeader();
    await settle();
    await settle();
    // its own hold it now keeps itself (the documents are stored already: ids alone), the third tab's too
    expect(heldIds(1)).toEqual(['old', 'open']);
    third?.holds.close();
    await settle();
    expect(heldIds(1)).toEqual(['old']);
  });

  it('keeps a tab’s holds while it renews them, and lets go 90 s after a tab that crashed went quiet', async () => {
    vi.useFakeTimers();
    try {
      const { all, heldIds } = tabs(3);
      const [, showing, crashing] = all;
      await showing?.holds.request({ collection: 'tasks', ids: ['open'], documents: [] });
      await crashing?.holds.request(old);
      expect(heldIds(0)).toEqual(['old', 'open']);

      // ten minutes on, both tabs renewing: both holds stand
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(heldIds(0)).toEqual(['old', 'open']);

      // the third tab crashes: no goodbye, no more renewals
      if (crashing) crashing.tab.crashed = true;
      await vi.advanceTimersByTimeAsync(HOLD_LEASE_MS - HOLD_RENEW_MS);
      expect(heldIds(0)).toEqual(['old', 'open']);
      await vi.advanceTimersByTimeAsync(HOLD_LEASE_MS);
      expect(heldIds(0)).toEqual(['open']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds again for a tab that was only slow to renew, once it is heard from', async () => {
    vi.useFakeTimers();
    try {
      const { all, heldIds } = tabs(2);
      const [, slow] = all;
      await slow?.holds.request({ collection: 'tasks', ids: ['open'], documents: [] });
      await vi.advanceTimersByTimeAsync(0);
      expect(heldIds(0)).toEqual(['open']);
      // its messages are lost for a while (a frozen page), long enough for the lease to end
      if (slow) slow.tab.crashed = true;
      await vi.advanceTimersByTimeAsync(HOLD_LEASE_MS + HOLD_RENEW_MS);
      expect(heldIds(0)).toEqual([]);
      // it wakes: its next renewal holds the document again
      if (slow) slow.tab.crashed = false;
      await vi.advanceTimersByTimeAsync(HOLD_RENEW_MS);
      expect(heldIds(0)).toEqual(['open']);
      slow?.holds.close();
      await vi.advanceTimersByTimeAsync(0);
      expect(heldIds(0)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
