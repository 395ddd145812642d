// The queue that carries captured files to the server, beside document replication and never in its way: its own
// requests, its own backoff. A file is checked against its collection's rules on the device (a wrong one is refused
// before it is kept), kept on the device (file-vault.ts), then sent in chunks, oldest first; after a failure it
// asks the server how many bytes it holds and goes on from there, so a dropped network or a restarted server costs
// one chunk at most. What the server refuses for good (a role that may not upload, a file it will not take) stops
// that file with the server's reason and never the others. A file the server no longer has (swept as an orphan,
// say, when its document reached the server long after it) is sent again from the bytes still on the device: each
// session asks the server once about every uploaded file the device holds, when it opens (again after a wait while
// no answer comes) and when the network is back.
import {
  type AttachmentRef,
  type CollectionFiles,
  FILE_SHA256_HEADER,
  FILES_PATH,
  type FileRefusal,
  fileRefusal,
  filesOf,
} from '@syncline/protocol';
import { Backoff, type BackoffOptions } from '../backoff';
import { readToken, retryAfterMs, type TokenSource } from '../graphql-transport';
import { serverBaseOf } from '../server-schemas';
import { type FileReadOptions, readFromServer } from './file-read';
import { FileVault, type HeldFile, heldFileKey } from './file-vault';

/** What a person sees of one file. */
export type AttachmentState =
  /** on the device, waiting its turn or for the network; `progress` (0-1) is what the server held last */
  | { status: 'pending'; progress: number; problem?: string }
  | { status: 'uploading'; progress: number }
  | { status: 'uploaded' }
  | { status: 'failed'; reason: string };

/** A file refused on the device before it was kept or sent: `reason` says which rule, `message` what to do. */
export class AttachmentRejectedError extends Error {
  override name = 'AttachmentRejectedError';
  readonly reason: FileRefusal['reason'] | 'no-files';
  constructor(reason: AttachmentRejectedError['reason'], message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface AttachmentQueueOptions {
  /**
   * the sync server: the address replication takes (its GraphQL endpoint, `https://host/sync-api/graphql`) or its
   * base address (`https://host/sync-api/`); files go to `<base>/sync/files/…`, under any path prefix it has
   */
  url: string;
  token: TokenSource;
  /** the collections' schemas (with their `files` rules), as createSynclineDatabase takes them */
  collections: Readonly<Record<string, object>>;
  /** the IndexedDB database the files are kept in; default `syncline-files` (one per signed-in tenant is wise) */
  name?: string;
  /** default `globalThis.indexedDB` */
  indexedDB?: IDBFactory;
  /** bytes per request; default 256 KiB */
  chunkBytes?: number;
  backoff?: BackoffOptions;
  fetch?: typeof fetch;
  /**
   * How long the device keeps its own copy of a file once the server has it, in days; default 7. The copy serves
   * the file offline and sends it again should the server lose it; after this it is let go of (once the server is
   * seen to hold the file) and the file is read from the server like any other device's.
   */
  keepUploadedDays?: number;
}

export interface AttachmentQueue {
  /**
   * Keeps a file on the device for a document of `collection` and queues its upload; resolves with the reference to
   * put in the document's files field. Throws AttachmentRejectedError when the collection would not take it.
   */
  capture(collection: string, file: Blob, name?: string): Promise<AttachmentRef>;
  /** Where a file stands; undefined for one this device did not capture (it is on the server, or on its way). */
  state(collection: string, id: string): AttachmentState | undefined;
  /** Called whenever a state changes. Returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  /**
   * The file's bytes: this device's copy, or the server's. A file the server does not have yet (another device has
   * not uploaded it), or cannot send now (sign in again, not allowed, a pause asked, offline), is asked for again
   * after a growing delay, capped, each wait said through `onWait`, until it comes or `signal` ends the read.
   * `{ size: 'thumbnail' }` asks the server for an image's small preview instead (the file itself when it has none);
   * this device's copy is whole either way.
   */
  read(collection: string, id: string, options?: FileReadOptions): Promise<Blob>;
  /**
   * Takes a file off the queue and frees the device's copy (a photo removed from its document before it finished
   * uploading is never sent; a chunk in flight is aborted). Resolves with the bytes it held, for an Undo to capture
   * again, or undefined when this device held none.
   */
  discard(collection: string, id: string): Promise<Blob | undefined>;
  /** A failed file goes back into the queue (after its document's rules or the person's role changed, say). */
  retry(collection: string, id: string): Promise<void>;
  /** Cuts a backoff wait short: the network is back, or the person asked. */
  wake(): void;
  /**
   * Stops sending at once, a chunk in flight included (what is kept stays kept; the next open asks the server what
   * arrived and goes on from there), and closes the device's store.
   */
  close(): Promise<void>;
}

/** A refusal the same request would meet again: the file stops with the server's reason. */
class Refused extends Error {}

/** A failure worth trying again after a wait (the server's own, when it named one). */
class TryLater extends Error {
  readonly retryAfterMs: number | undefined;
  constructor(message: string, retryAfterMs?: number) {
    super(message);
    this.retryAfterMs = retryAfterMs;
  }
}

export function createAttachmentQueue(options: AttachmentQueueOptions): AttachmentQueue {
  const factory = options.indexedDB ?? globalThis.indexedDB;
  if (!factory) throw new Error('Attachments need IndexedDB (a browser, or fake-indexeddb in Node).');
  const vault = new FileVault(options.name ?? 'syncline-files', factory);
  const base = serverBaseOf(options.url);
  const chunkBytes = options.chunkBytes ?? 256 * 1024;
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const backoff = new Backoff(options.backoff);
  // close() aborts the request in flight: a chunk half sent is not waited for (the next open asks what arrived)
  const stop = new AbortController();
  /** the file being sent and the means to cut its request short (a discard, a close) */
  let sending: { key: string; cut: AbortController } | undefined;
  /** files taken off the queue while it may still hold them in a list it is working through */
  const discarded = new Set<string>();
  /** the backoffs of the reads waiting for a file from the server */
  const reading = new Set<Backoff>();
  /** uploaded files this session has found on the server (or sent again): not asked about again until expired */
  const confirmed = new Set<string>();
  const keepUploadedMs = (options.keepUploadedDays ?? 7) * 86_400_000;
  /** whether the device's copy of an uploaded file has been kept long enough */
  const expired = (file: HeldFile) => (file.uploadedAt ?? file.capturedAt) + keepUploadedMs <= Date.now();
  const states = new Map<string, AttachmentState>();
  const listeners = new Set<() => void>();
  let closed = false;
  let draining: Promise<void> | null = null;
  let again = false;

  const rulesOf = (collection: string): CollectionFiles | undefined => {
    const schema = options.collections[collection];
    return schema ? filesOf(schema) : undefined;
  };
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const setState = (key: string, state: AttachmentState) => {
    if (discarded.has(key)) return;
    states.set(key, state);
    notify();
  };
  const url = (file: Pick<HeldFile, 'collection' | 'id'>) => `${base}${FILES_PATH}/${file.collection}/${file.id}`;

  /** One PUT: a chunk from `from`, or (no `from`) the question how much the server holds. */
  async function put(file: HeldFile, from?: number): Promise<{ received: number; complete: boolean }> {
    const end = from === undefined ? 0 : Math.min(file.size, from + chunkBytes);
    const response = await send(url(file), {
      method: 'PUT',
      signal: sending?.cut.signal ?? stop.signal,
      headers: {
        authorization: `Bearer ${await readToken(options.token)}`,
        'content-type': file.type,
        'content-range': from === undefined ? `bytes */${file.size}` : `bytes ${from}-${end - 1}/${file.size}`,
        [FILE_SHA256_HEADER]: file.sha256,
      },
      ...(from === undefined ? {} : { body: file.bytes.slice(from, end) }),
    });
    const body = (await response.json().catch(() => ({}))) as { received?: number; complete?: boolean; error?: string };
    // the server holds another number of bytes than this device thought: go on from there
    if (response.status === 409 && typeof body.received === 'number')
      return { received: body.received, complete: false };
    if (response.ok && typeof body.received === 'number')
      return { received: body.received, complete: Boolean(body.complete) };
    if (response.status === 429) {
      const waitMs = retryAfterMs(response.headers.get('retry-after'), undefined);
      throw new TryLater('The server asked this device to slow down; the file waits its turn.', waitMs);
    }
    // a refusal that would come again: the role, the file itself (a new token may follow a 401: keep trying)
    if (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 408) {
      throw new Refused(body.error ?? `The server refused the file (HTTP ${response.status}).`);
    }
    throw new TryLater(body.error ?? `The server could not take the file (HTTP ${response.status}); it is retried.`);
  }

  async function upload(file: HeldFile): Promise<void> {
    const key = file.key;
    let { received, complete } = await put(file);
    while (!complete) {
      setState(key, { status: 'uploading', progress: received / file.size });
      ({ received, complete } = await put(file, received));
    }
    if (discarded.has(key)) return;
    confirmed.add(key);
    await vault.put({ ...file, status: 'uploaded', uploadedAt: Date.now() });
    setState(key, { status: 'uploaded' });
  }

  /** Whether the server holds a file whole: `here`, `gone` (404), or `unknown` (offline, signed out, …). */
  async function onServer(file: HeldFile): Promise<'here' | 'gone' | 'unknown'> {
    try {
      const response = await send(url(file), {
        method: 'HEAD',
        signal: stop.signal,
        headers: { authorization: `Bearer ${await readToken(options.token)}` },
      });
      if (response.ok) return 'here';
      return response.status === 404 ? 'gone' : 'unknown';
    } catch {
      return 'unknown';
    }
  }

  /**
   * Asks the server about the uploaded files this device still holds: one it no longer has goes back in the queue
   * and is sent again; one it has, kept here longer than `keepUploadedDays`, is let go of (its state then says
   * nothing: the file is the server's). Resolves false at the first answer that says nothing (offline, signed out, a
   * restarting server): the rest wait for the next try.
   */
  async function confirmUploads(): Promise<boolean> {
    const uploaded = (await vault.all()).filter(
      (file) => file.status === 'uploaded' && (!confirmed.has(file.key) || expired(file)),
    );
    let gone = false;
    let answered = true;
    for (const file of uploaded) {
      if (closed || discarded.has(file.key)) continue;
      const answer = await onServer(file);
      if (answer === 'unknown') {
        answered = false;
        break;
      }
      confirmed.add(file.key);
      if (closed || discarded.has(file.key)) continue;
      if (answer === 'here') {
        if (expired(file)) await letGo(file);
        continue;
      }
      await vault.put({ ...file, status: 'pending' });
      setState(file.key, {
        status: 'pending',
        progress: 0,
        problem: 'The server no longer had this file; it is sent again from this device.',
      });
      gone = true;
    }
    if (gone) drain();
    return answered;
  }
  /** Frees the device's copy of a file the server holds. */
  async function letGo(file: HeldFile): Promise<void> {
    await vault.delete(file.collection, file.id);
    confirmed.delete(file.key);
    if (states.delete(file.key)) notify();
  }
  /** the waits between tries of a check that got no answer (its own: a failing check never slows the uploads) */
  const confirmWaits = new Backoff(options.backoff);
  let confirming: Promise<void> | null = null;
  /**
   * Asks about the uploaded files in the background, once at a time, trying again after a growing wait until every
   * one is answered (the network's return cuts the wait short). `confirming` is cleared in the same step the loop
   * ends, so a call made while it finishes is never lost.
   */
  const confirmLater = () => {
    confirming ??= (async () => {
      try {
        while (!closed && !(await confirmUploads())) {
          confirmWaits.failed();
          await confirmWaits.wait();
        }
        confirmWaits.succeeded();
      } catch {
        // the device's store closed under it: the next open asks again
      } finally {
        confirming = null;
      }
    })();
  };

  async function drainOnce(): Promise<void> {
    const waiting = (await vault.all())
      .filter((file) => file.status === 'pending')
      .sort((a, b) => a.capturedAt - b.capturedAt);
    for (const file of waiting) {
      if (closed) return;
      if (discarded.has(file.key)) continue;
      sending = { key: file.key, cut: new AbortController() };
      try {
        await upload(file);
        backoff.succeeded();
      } catch (error) {
        // closing cut the request short: the file stays as it is, and the next open resumes it
        if (closed) return;
        if (discarded.has(file.key)) continue;
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof Refused) {
          await vault.put({ ...file, status: 'failed', reason: message });
          setState(file.key, { status: 'failed', reason: message });
          continue;
        }
        const shown =
          error instanceof TypeError
            ? 'The sync server is not reachable; the file is kept and sent when it is.'
            : message;
        const last = states.get(file.key);
        setState(file.key, {
          status: 'pending',
          progress: last && 'progress' in last ? last.progress : 0,
          problem: shown,
        });
        backoff.failed(error instanceof TryLater ? error.retryAfterMs : undefined);
        again = true;
        return;
      } finally {
        sending = undefined;
      }
    }
  }

  /**
   * Sends what waits, one file at a time, until nothing does (or the queue closes). `draining` is cleared in the
   * same step the loop sees nothing more to do, so a file queued while it finishes starts a new loop, never waits
   * for the next one.
   */
  function drain(): void {
    if (draining) {
      again = true;
      return;
    }
    draining = (async () => {
      try {
        do {
          again = false;
          await drainOnce();
          if (again && !closed) await backoff.wait();
        } while (again && !closed);
      } catch {
        // the device's store closed under it: what is kept is sent by the next open
      } finally {
        draining = null;
      }
    })();
  }

  const online = () => {
    backoff.wake();
    confirmWaits.wake();
    for (const waits of reading) waits.wake();
    drain();
    confirmLater();
  };
  globalThis.addEventListener?.('online', online);

  // what a previous session left: its states shown, its pending files sent
  void vault.all().then((files) => {
    for (const file of files) if (!states.has(file.key)) setState(file.key, stateOf(file));
    drain();
    confirmLater();
  });

  return {
    async capture(collection, blob, name) {
      const rules = rulesOf(collection);
      if (!rules) throw new AttachmentRejectedError('no-files', `The ${collection} collection takes no files.`);
      const refusal = fileRefusal(rules, { type: blob.type, size: blob.size });
      if (refusal) throw new AttachmentRejectedError(refusal.reason, refusal.message);
      const bytes = await blob.arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      const ref: AttachmentRef = {
        id: crypto.randomUUID(),
        name: name ?? (blob as Partial<File>).name ?? 'file',
        type: blob.type,
        size: blob.size,
        sha256: Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''),
      };
      const held: HeldFile = {
        ...ref,
        key: heldFileKey(collection, ref.id),
        collection,
        bytes,
        status: 'pending',
        capturedAt: Date.now(),
      };
      await vault.put(held);
      setState(held.key, stateOf(held));
      drain();
      return ref;
    },
    state: (collection, id) => states.get(heldFileKey(collection, id)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async read(collection, id, { signal: given, onWait, size } = {}) {
      const held = await vault.get(collection, id);
      if (held) return new Blob([held.bytes], { type: held.type });
      const signal = given ? AbortSignal.any([given, stop.signal]) : stop.signal;
      const waits = new Backoff(options.backoff);
      const release = () => waits.release();
      signal.addEventListener('abort', release);
      reading.add(waits);
      try {
        const address = url({ collection, id });
        return await readFromServer({
          address,
          ...(size ? { preview: `${address}?size=${size}` } : {}),
          token: options.token,
          send,
          backoff: waits,
          signal,
          onWait,
        });
      } finally {
        reading.delete(waits);
        signal.removeEventListener('abort', release);
      }
    },
    async discard(collection, id) {
      const key = heldFileKey(collection, id);
      discarded.add(key);
      if (sending?.key === key) sending.cut.abort();
      const held = await vault.get(collection, id);
      await vault.delete(collection, id);
      if (states.delete(key)) notify();
      return held ? new Blob([held.bytes], { type: held.type }) : undefined;
    },
    async retry(collection, id) {
      const held = await vault.get(collection, id);
      if (held?.status !== 'failed') return;
      const { reason: _reason, ...rest } = held;
      await vault.put({ ...rest, status: 'pending' });
      setState(held.key, { status: 'pending', progress: 0 });
      drain();
    },
    wake: online,
    async close() {
      closed = true;
      stop.abort();
      sending?.cut.abort();
      globalThis.removeEventListener?.('online', online);
      backoff.release();
      confirmWaits.release();
      await confirming;
      await draining;
      await vault.close();
    },
  };
}

function stateOf(file: HeldFile): AttachmentState {
  if (file.status === 'uploaded') return { status: 'uploaded' };
  if (file.status === 'failed') return { status: 'failed', reason: file.reason ?? 'The server refused the file.' };
  return { status: 'pending', progress: 0 };
}
