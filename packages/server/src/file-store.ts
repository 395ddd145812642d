// What the file routes need from wherever files are kept (disk-file-store.ts on one machine, postgres-file-store.ts
// when several server processes share one PostgreSQL, s3-file-store.ts when they share a bucket): a file grows from a declared type, size and SHA-256 by
// appended chunks, and becomes servable only once all its bytes are in and they hash and start as declared. The
// rules every store applies alike live here.
import type { Readable } from 'node:stream';
import { fitsFileType } from '@syncline/protocol';

/** What the uploader declared about a file, kept beside it. */
export interface StoredFile {
  type: string;
  size: number;
  sha256: string;
}

export type FileStatus =
  | { state: 'absent' }
  | { state: 'partial'; file: StoredFile; received: number }
  | { state: 'complete'; file: StoredFile };

export interface FileKey {
  tenant: string;
  collection: string;
  id: string;
}

/** Why the last bytes of an upload did not make a file: the part is removed, the device sends it again. */
export class FileCheckError extends Error {
  override name = 'FileCheckError';
  readonly reason: 'sha256' | 'type';
  constructor(reason: 'sha256' | 'type', message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * The store cannot be reached just now (an object store down or timing out): nothing it holds is lost, and the file
 * routes answer 503 with Retry-After so the device sends the same request again later.
 */
export class FileStoreUnavailable extends Error {
  override name = 'FileStoreUnavailable';
}

/** How many first bytes of a file its type check reads. */
export const FILE_HEAD_BYTES = 16;

/** Why bytes hashing to `sha256` and starting with `head` are not the file declared; undefined when they are. */
export function receivedProblem(file: StoredFile, sha256: string, head: Uint8Array): FileCheckError | undefined {
  if (sha256 !== file.sha256) {
    return new FileCheckError(
      'sha256',
      `The bytes received do not match the SHA-256 declared (${file.sha256}); nothing was kept: send the file again.`,
    );
  }
  if (!fitsFileType(file.type, head)) {
    return new FileCheckError('type', `The file's content is not ${file.type}, as it was declared; nothing was kept.`);
  }
  return undefined;
}

/** A file an orphan sweep may remove. */
export interface StaleFile {
  key: FileKey;
  state: 'partial' | 'complete';
  /** ms since the epoch: its last chunk, or its completion */
  changedAt: number;
}

export interface FileStore {
  /** `disk`, `postgres`, `s3`: for logs */
  readonly kind: string;
  /** Prepares what the store keeps files in (a PostgreSQL store's tables). Safe to run on every start. */
  migrate(): Promise<void>;
  /**
   * Runs `work` after every earlier operation on the same file, and (for a store shared by several processes) while
   * no other process works on it: two devices, or a retry racing its first try, never interleave bytes.
   */
  exclusive<T>(key: FileKey, work: () => Promise<T>): Promise<T>;
  status(key: FileKey): Promise<FileStatus>;
  /** Starts the file afresh (a new upload, or one whose declared content changed). */
  begin(key: FileKey, file: StoredFile): Promise<void>;
  /** Writes `bytes` at `offset` of the part; the caller has checked the offset is where the part ends. */
  append(key: FileKey, offset: number, bytes: Uint8Array): Promise<number>;
  /**
   * Turns a part holding all its bytes into the file, once its SHA-256 and first bytes match what was declared;
   * otherwise removes the part and throws FileCheckError.
   */
  complete(key: FileKey, file: StoredFile): Promise<void>;
  /** The complete file's bytes, as a stream of chunks. */
  read(key: FileKey): Readable;
  /** The thumbnail kept for a complete image file (see thumbnails.ts), if one was made. */
  readThumbnail(key: FileKey): Promise<Uint8Array | undefined>;
  putThumbnail(key: FileKey, bytes: Uint8Array): Promise<void>;
  /** Every file, whole or partial, not changed since `before` (ms since the epoch): what an orphan sweep looks at. */
  unchangedSince(before: number): AsyncIterable<StaleFile>;
  /**
   * Removes a file with everything kept for it (its part, its thumbnail), unless it changed since `before` (an
   * upload went on meanwhile); whether it was removed. Run it inside `exclusive`.
   */
  remove(key: FileKey, before: number): Promise<boolean>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** One promise chain per name: each piece of work starts once the previous one on that name has settled. */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(name: string, work: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(name) ?? Promise.resolve();
    const result = before.then(work, work);
    const settled = result.catch(() => undefined);
    this.#tails.set(name, settled);
    void settled.then(() => {
      if (this.#tails.get(name) === settled) this.#tails.delete(name);
    });
    return result;
  }
}

/** A file's name, one string per key, for queues and locks. */
export const fileName = ({ tenant, collection, id }: FileKey) => JSON.stringify([tenant, collection, id]);
