// Documents a tab shows, held by the tab that syncs. Only the leader tab lets go of what leaves a sync scope, and only
// it stores what the server answered on demand, so another tab asks it to: a hold of ids alone is simply told (and
// told again to a new leader); a hold that also stores the server's documents waits for the leader's answer. A tab
// lets go of its holds one by one, or all at once when its page goes away; the leader keeps nothing for a tab that
// said goodbye. A hold is a lease: the tab that asked renews it every HOLD_RENEW_MS, and the leader lets go of a
// tab's holds after HOLD_LEASE_MS without a word from it (a tab that crashed never says goodbye). Everything goes
// over the tabs' BroadcastChannel (see tabs.ts), through `post`.
import type { PlainDocument } from '@syncline/protocol';

/** Documents a page shows, held on the device (and, when given, stored as the server answered them). */
export interface HoldRequest {
  collection: string;
  ids: readonly string[];
  documents: readonly PlainDocument[];
}

export type HoldMessage =
  | { type: 'hold'; tab: string; hold: number; request: HoldRequest; answer: boolean }
  | { type: 'held'; tab: string; hold: number; error?: string }
  | { type: 'release'; tab: string; hold: number }
  | { type: 'bye'; tab: string }
  /** the tab still shows these (ids alone): a leader that let go of them, or never heard of them, holds them again */
  | { type: 'renew'; tab: string; holds: readonly { hold: number; request: HoldRequest }[] }
  | { type: 'leading' };

/** How long a tab waits for the leader to store what the server answered before it says so. */
export const HOLD_ANSWER_MS = 15_000;

/** How often a tab renews the holds it asked the leader for. */
export const HOLD_RENEW_MS = 30_000;

/**
 * How long the leader keeps a tab's holds without a word from it: three renewals missed (a background tab's timers
 * may be slowed to one a minute, which still renews in time).
 */
export const HOLD_LEASE_MS = 90_000;

type LetGo = () => void;

interface OwnHold {
  request: HoldRequest;
  /** the leader's answer, while it is awaited */
  answer?: { resolve: () => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> };
  /** this tab's own hold, once it leads */
  local?: Promise<LetGo | undefined>;
}

export interface TabHolds {
  /** holds documents for this tab: here when it leads, else by the leader */
  request(request: HoldRequest): Promise<LetGo>;
  /** handles another tab's message about holds */
  receive(message: HoldMessage): void;
  /** this tab now leads: it holds what it had asked the old leader to */
  becameLeader(): void;
  /** lets go of every hold this tab has (its page went away, or the replication stopped) */
  close(): void;
}

export function createTabHolds(options: {
  /** sends a message to the other tabs */
  post: (message: HoldMessage) => void;
  isLeader: () => boolean;
  /** holds documents in this tab's replication; resolves with the letting go */
  holdHere: (request: HoldRequest) => Promise<LetGo>;
}): TabHolds {
  const { post, isLeader, holdHere } = options;
  const tab = Math.random().toString(36).slice(2);
  const own = new Map<number, OwnHold>();
  /** as the leader: what other tabs asked to hold, by tab and hold */
  const forOthers = new Map<string, Map<number, Promise<LetGo | undefined>>>();
  /** as the leader: when each tab that asked lets go of its holds, unless it is heard from first */
  const leases = new Map<string, ReturnType<typeof setTimeout>>();
  /** while this tab has holds the leader keeps for it: the renewals */
  let renewing: ReturnType<typeof setInterval> | undefined;
  let count = 0;
  let closed = false;

  /** A hold here whose failure lets go of nothing else (a store that failed leaves no hold behind). */
  const quietly = (held: Promise<LetGo>) =>
    held.then(
      (letGo) => letGo,
      () => undefined,
    );
  const letGoOf = (held: Promise<LetGo | undefined> | undefined) => void held?.then((letGo) => letGo?.());

  const settle = (hold: number, error?: Error) => {
    const entry = own.get(hold);
    const answer = entry?.answer;
    if (!entry || !answer) return;
    clearTimeout(answer.timer);
    entry.answer = undefined;
    // once stored, the documents are in the database every tab shares: a new leader need only hold the ids
    entry.request = { ...entry.request, documents: [] };
    if (error) {
      own.delete(hold);
      // the leader may yet hold it (an answer that came too late): it lets go when told (a goodbye tells it all)
      if (!entry.local && !closed) post({ type: 'release', tab, hold });
      answer.reject(error);
    } else answer.resolve();
  };

  const holdForOther = (from: string, hold: number, request: HoldRequest, answer: boolean) => {
    const ofTab = forOthers.get(from) ?? new Map<number, Promise<LetGo | undefined>>();
    forOthers.set(from, ofTab);
    if (ofTab.has(hold)) return;
    const held = holdHere(request).then(
      (letGo) => {
        if (answer) post({ type: 'held', tab: from, hold });
        return letGo;
      },
      (error: unknown) => {
        if (answer) post({ type: 'held', tab: from, hold, error: (error as Error).message ?? String(error) });
        ofTab.delete(hold);
        return undefined;
      },
    );
    ofTab.set(hold, held);
  };

  const releaseForOther = (from: string, hold?: number) => {
    const ofTab = forOthers.get(from);
    if (!ofTab) return;
    for (const [id, held] of ofTab) {
      if (hold !== undefined && id !== hold) continue;
      ofTab.delete(id);
      letGoOf(held);
    }
    if (ofTab.size === 0) {
      forOthers.delete(from);
      clearTimeout(leases.get(from));
      leases.delete(from);
    }
  };

  /** As the leader: a word from a tab that holds (or asks to hold) renews its lease. */
  const heardFrom = (from: string) => {
    clearTimeout(leases.get(from));
    if (!forOthers.has(from)) {
      leases.delete(from);
      return;
    }
    leases.set(
      from,
      setTimeout(() => {
        leases.delete(from);
        releaseForOther(from);
      }, HOLD_LEASE_MS),
    );
  };

  /** The holds this tab asked the leader for (its own, as leader, need no renewing). */
  const askedOfLeader = () => [...own].filter(([, entry]) => !entry.local);
  /** Renews while the leader holds something for this tab, and stops when it holds nothing. */
  const keepRenewing = () => {
    const needed = !closed && !isLeader() && askedOfLeader().length > 0;
    if (needed && !renewing) {
      renewing = setInterval(() => {
        const asked = askedOfLeader();
        if (closed || isLeader() || asked.length === 0) {
          clearInterval(renewing);
          renewing = undefined;
          return;
        }
        // ids alone, of holds already answered (one awaiting its answer is the leader's to answer, documents and all)
        const holds = asked
          .filter(([, entry]) => !entry.answer)
          .map(([hold, entry]) => ({ hold, request: { ...entry.request, documents: [] } }));
        post({ type: 'renew', tab, holds });
      }, HOLD_RENEW_MS);
    } else if (!needed && renewing) {
      clearInterval(renewing);
      renewing = undefined;
    }
  };

  const ask = (hold: number, entry: OwnHold) =>
    post({ type: 'hold', tab, hold, request: entry.request, answer: entry.answer !== undefined });

  return {
    async request(request) {
      if (closed) throw new Error('The replication has stopped: nothing can be kept.');
      const hold = ++count;
      const entry: OwnHold = { request };
      own.set(hold, entry);
      const release = () => {
        if (!own.delete(hold)) return;
        if (entry.local) letGoOf(entry.local);
        else post({ type: 'release', tab, hold });
        keepRenewing();
      };
      if (isLeader()) {
        const held = holdHere(request);
        entry.local = quietly(held);
        try {
          await held;
        } catch (error) {
          own.delete(hold);
          throw error;
        }
        return release;
      }
      if (request.documents.length === 0) {
        // ids alone: the leader holds them when it hears; nothing to wait for
        ask(hold, entry);
        keepRenewing();
        return release;
      }
      keepRenewing();
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            settle(
              hold,
              new Error(
                `The tab that syncs did not answer within ${HOLD_ANSWER_MS / 1000} s, so ${request.collection} could not be kept from the server. Try again.`,
              ),
            ),
          HOLD_ANSWER_MS,
        );
        entry.answer = { resolve, reject, timer };
        ask(hold, entry);
      });
      return release;
    },

    receive(message) {
      if (closed) return;
      const leading = isLeader();
      if (message.type === 'hold' && leading) holdForOther(message.tab, message.hold, message.request, message.answer);
      else if (message.type === 'renew' && leading) {
        for (const { hold, request } of message.holds) holdForOther(message.tab, hold, request, false);
      } else if (message.type === 'release' && leading) releaseForOther(message.tab, message.hold);
      else if (message.type === 'bye' && leading) releaseForOther(message.tab);
      else if (message.type === 'held' && message.tab === tab) {
        settle(message.hold, message.error === undefined ? undefined : new Error(message.error));
      } else if (message.type === 'leading' && !leading) {
        // a new leader knows nothing of what this tab shows
        for (const [hold, entry] of own) ask(hold, entry);
        keepRenewing();
      }
      if (leading && message.type !== 'leading' && message.type !== 'held') heardFrom(message.tab);
    },

    becameLeader() {
      if (closed) return;
      keepRenewing();
      post({ type: 'leading' });
      for (const [hold, entry] of own) {
        if (entry.local) continue;
        const held = holdHere(entry.request);
        entry.local = quietly(held);
        // an answer the old leader never gave: this tab gives it
        if (entry.answer)
          held.then(
            () => settle(hold),
            (error: Error) => settle(hold, error),
          );
      }
    },

    close() {
      if (closed) return;
      post({ type: 'bye', tab });
      closed = true;
      keepRenewing();
      for (const timer of leases.values()) clearTimeout(timer);
      leases.clear();
      for (const hold of [...own.keys()]) settle(hold, new Error('The replication stopped before it could keep this.'));
      for (const entry of own.values()) letGoOf(entry.local);
      own.clear();
      for (const from of [...forOthers.keys()]) releaseForOther(from);
    },
  };
}
