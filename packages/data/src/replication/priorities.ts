// Sync in priority classes: after the replication starts, and after every reconnection, the collections of class 0
// push and pull until they are in sync before class 1 sends anything, and so on; critical data (commands, alarms)
// is in place before bulk history. Each collection's pull and push wait for their class's turn (see `turn`). A
// class that cannot get in sync (the server keeps failing it) holds the next one back for `maxWaitMs` at most, so a
// broken collection never stops the others for good. Between reconnections nothing waits: a class's turn stays open.
import type { SyncPriority } from '@syncline/protocol';

/** What a round needs of each collection's replication. */
export interface PrioritisedState {
  awaitInSync(): Promise<unknown>;
}

export interface PriorityRoundsOptions {
  /** collection name -> its class, and its replication state */
  collections: ReadonlyMap<string, { priority: SyncPriority; state: PrioritisedState }>;
  /** the last class in sync so far in the current round (`null`: none yet), for the status */
  onProgress(syncedThrough: SyncPriority | null): void;
  /** the longest one class holds the next back; default 15 s */
  maxWaitMs?: number;
}

export class PriorityRounds {
  private readonly classes: SyncPriority[];
  private readonly options: PriorityRoundsOptions;
  /** the current round: the class whose turn it is, and a promise per class that resolves at its turn */
  private round = 0;
  private opened = new Set<SyncPriority>();
  private waiters = new Map<SyncPriority, Array<() => void>>();
  private stopped = false;

  constructor(options: PriorityRoundsOptions) {
    this.options = options;
    this.classes = [...new Set([...options.collections.values()].map(({ priority }) => priority))].sort(
      (a, b) => a - b,
    );
  }

  /** Whether `priority` may send now. */
  isOpen(priority: SyncPriority): boolean {
    return this.stopped || this.opened.has(priority);
  }

  /** Resolves when `priority`'s turn has come in the current round (at once between rounds). */
  turn(priority: SyncPriority): Promise<void> {
    if (this.isOpen(priority)) return Promise.resolve();
    return new Promise((resolve) => {
      const list = this.waiters.get(priority) ?? [];
      list.push(resolve);
      this.waiters.set(priority, list);
    });
  }

  /** Starts a round: the replication started or reconnected, and every class has catching up to do. */
  begin(): void {
    if (this.stopped) return;
    const round = ++this.round;
    // a request already waiting for an older round's turn keeps waiting for this one's
    this.opened = new Set();
    void this.run(round);
  }

  /** Opens every class for good (the replication stops). */
  stop(): void {
    this.stopped = true;
    for (const priority of this.classes) this.open(priority);
  }

  private async run(round: number): Promise<void> {
    this.options.onProgress(null);
    for (const priority of this.classes) {
      if (round !== this.round) return;
      this.open(priority);
      const states = [...this.options.collections.values()].filter((c) => c.priority === priority);
      await this.inSyncOrTimeout(states.map(({ state }) => state));
      if (round !== this.round) return;
      this.options.onProgress(priority);
    }
  }

  private open(priority: SyncPriority): void {
    this.opened.add(priority);
    const waiting = this.waiters.get(priority) ?? [];
    this.waiters.delete(priority);
    for (const resolve of waiting) resolve();
  }

  private async inSyncOrTimeout(states: PrioritisedState[]): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.options.maxWaitMs ?? 15_000);
    });
    const inSync = Promise.all(states.map((state) => state.awaitInSync())).then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([inSync, timeout]);
    clearTimeout(timer);
  }
}
