// The status and activity reporter of one replication: every request runs through it (backoff before, activity
// around, the status after), and the live socket tells it when it connects or closes. It is the one writer of
// connection, activity, lastSyncedAt and lastError in the sync store.
import { STREAM_CLOSE } from '@syncline/protocol';
import type { Backoff, Backoffs } from '../backoff';
import { SyncRequestError } from '../graphql-transport';
import type { SyncErrorInfo, SyncStatus, SyncStore } from '../sync-store';

export type Direction = 'pull' | 'push';

export function syncError(kind: SyncErrorInfo['kind'], message: string): SyncErrorInfo {
  return { kind, message, at: Date.now() };
}

/** A failed request in the status's words, with who must update when the schema versions differ. */
function refusalInfo(error: SyncRequestError): SyncErrorInfo {
  const info = syncError(error.kind, error.message);
  return error.update ? { ...info, update: error.update } : info;
}

export class SyncReporter {
  private readonly inFlight: Record<Direction, number> = { pull: 0, push: 0 };
  /** when the server last acknowledged a push: "stalled" is about pending writes, so only pushes count */
  lastPushAckAt = Date.now();
  /** with a live stream, "online" means the socket is up (it alone notices the server going away) */
  socketConnected = false;
  stopped = false;
  /** rows refused by the request now being acknowledged */
  private refusal: SyncErrorInfo | null = null;
  /**
   * collections the server refuses to sync with this app's schema version, with its words: "update the app" stays
   * while any is refused, whatever else syncs, until a request of that collection goes through
   */
  private readonly refusedVersions = new Map<string, SyncErrorInfo>();

  readonly store: SyncStore;
  private readonly backoffs: Backoffs;
  private readonly live: boolean;

  constructor(store: SyncStore, backoffs: Backoffs, live: boolean) {
    this.store = store;
    this.backoffs = backoffs;
    this.live = live;
  }

  /** The live socket's own backoff. */
  get socketBackoff(): Backoff {
    return this.backoffs.of('socket');
  }

  set(patch: Partial<SyncStatus>): void {
    this.store.setState(patch);
  }

  /** A local failure (not a request's) worth showing. */
  localError(message: string): void {
    this.set({ lastError: syncError('local', message) });
  }

  noteActivity(): void {
    const { push, pull } = this.inFlight;
    this.set({ activity: push > 0 ? 'pushing' : pull > 0 ? 'pulling' : 'idle' });
  }

  /**
   * Runs one request (of `collection`, where it is one's) with its own backoff before it, activity around it, and
   * the status updated after it.
   */
  async attempt<T>(direction: Direction, backoff: Backoff, run: () => Promise<T>, collection?: string): Promise<T> {
    await backoff.wait();
    // stop() wakes every waiting retry: let them end here instead of talking to the server
    if (this.stopped) throw new SyncRequestError('local', 'The replication was stopped.');
    this.inFlight[direction] += 1;
    this.noteActivity();
    try {
      const result = await run();
      backoff.succeeded();
      if (collection) this.refusedVersions.delete(collection);
      this.acknowledged(direction);
      return result;
    } catch (error) {
      // a 429 names its wait: the next attempt of this request comes no sooner
      backoff.failed(error instanceof SyncRequestError ? error.retryAfterMs : undefined);
      this.failed(error);
      throw error;
    } finally {
      this.inFlight[direction] -= 1;
      this.noteActivity();
    }
  }

  private acknowledged(direction: Direction): void {
    const now = Date.now();
    if (direction === 'push') this.lastPushAckAt = now;
    // the server answers: a socket waiting to reconnect may try at once (other requests keep their own backoff)
    this.socketBackoff.wake();
    const online = !this.store.getState().paused && (!this.live || this.socketConnected);
    const refusal = this.refusal;
    this.refusal = null;
    const status = this.store.getState();
    // a refusal stays in words while its row is still failed: the rest syncing does not make it go away
    const stillRefused = status.lastError?.kind === 'rejected' && status.failedCount > 0 ? status.lastError : null;
    const stillOutdated = this.refusedVersions.values().next().value ?? null;
    this.set({
      lastSyncedAt: now,
      lastError: refusal ?? stillRefused ?? stillOutdated,
      ...(direction === 'push' ? { stalled: false } : {}),
      ...(online ? { connection: 'online' as const } : {}),
    });
  }

  private failed(error: unknown): void {
    const info = error instanceof SyncRequestError ? refusalInfo(error) : syncError('local', String(error));
    if (error instanceof SyncRequestError && error.kind === 'outdated')
      this.refusedVersions.set(error.collection ?? '', info);
    // a live socket proves the server reachable: one failed request does not make the client offline, unless the
    // browser itself says it is (the socket notices a lost network only later)
    const browserOffline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const offline = info.kind === 'network' && (!this.socketConnected || browserOffline);
    // a refused token: reachable, yet not syncing until someone signs in again
    const signedOut = info.kind === 'auth';
    this.set({
      lastError: info,
      ...(offline ? { connection: 'offline' as const } : signedOut ? { connection: 'connecting' as const } : {}),
    });
  }

  /** The server refused rows of a push that otherwise landed: its acknowledgement says why. */
  rowsRefused(reasons: readonly string[]): void {
    const [first] = reasons;
    const more = reasons.length > 1 ? ` (and ${reasons.length - 1} more)` : '';
    if (first) this.refusal = syncError('rejected', `${first}${more}`);
  }

  /** No token could be had, or the server refused it: never "online" until a token works again. */
  authProblem(message: string): void {
    if (this.stopped) return;
    this.set({ connection: 'connecting', lastError: syncError('auth', message) });
  }

  /**
   * The browser is back online and every request is about to be retried: being unreachable while it was offline is
   * no error of the requests now on their way (they report their own if they fail).
   */
  reconnecting(): void {
    const status = this.store.getState();
    this.set({
      connection: this.socketConnected ? 'online' : 'connecting',
      ...(status.lastError?.kind === 'network' ? { lastError: null } : {}),
    });
  }

  socketOpened(): void {
    this.socketConnected = true;
    // the server is reachable again: whatever failed while it was not starts afresh, and goes now
    this.backoffs.resetAll();
    this.backoffs.wakeAll();
    const status = this.store.getState();
    // the server took this connection's token: neither unreachable nor signed out any more
    const settled = status.lastError?.kind === 'network' || status.lastError?.kind === 'auth';
    if (!status.paused) this.set({ connection: 'online', ...(settled ? { lastError: null } : {}) });
  }

  /**
   * Every failed (re)connection counts, not only the loss of a live socket: otherwise a late answer to a request
   * could leave the status "online" while the server is down.
   */
  socketClosed(wsUrl: string, code?: number): void {
    this.socketConnected = false;
    const status = this.store.getState();
    if (this.stopped || status.paused) return;
    // the token ran out: a fresh one is on its way, nothing is wrong
    if (code === STREAM_CLOSE.tokenExpired) {
      this.set({ connection: 'connecting' });
      return;
    }
    this.set({
      connection: 'offline',
      lastError:
        status.lastError ??
        syncError(
          'network',
          `Lost the connection to the sync server at ${wsUrl}. Changes are kept on this device and sent when it is back.`,
        ),
    });
  }

  /** The server refused a collection's stream for its schema version: the person is told who must update. */
  outdated(refusal: SyncRequestError): void {
    if (this.stopped) return;
    const info = refusalInfo(refusal);
    this.refusedVersions.set(refusal.collection ?? '', info);
    this.set({ lastError: info });
  }

  /** A collection's stream failed or ended while the socket stayed up: it is reopened with backoff. */
  streamProblem(message: string): void {
    const status = this.store.getState();
    if (this.stopped || status.paused) return;
    // a stream that ends while no token can be had (its own token ran out) tells the person nothing new: the
    // "sign in again" they have to act on stays
    if (status.lastError?.kind === 'auth') return;
    this.set({
      connection: 'connecting',
      lastError: syncError('server', `Live updates stopped: ${message}. Reopening them; changes still sync.`),
    });
  }
}
