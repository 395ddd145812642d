// Where the server keeps the files documents carry: on local disk, one folder per tenant and collection. A file
// grows as `<id>.part` (beside `<id>.part.json`: its declared type, size and SHA-256) and becomes `<id>` by an
// atomic rename only once all its bytes are there and their SHA-256 and first bytes match what was declared, so a
// half file is never served, and an upload cut short (a dropped network, a killed server) resumes from the bytes
// already on disk.
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** Why the last bytes of an upload did not make a file: the part is removed, the device sends it again. */
export class FileCheckError extends Error {
  override name = 'FileCheckError';
  readonly reason: 'sha256' | 'type';
  constructor(reason: 'sha256' | 'type', message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface FileKey {
  tenant: string;
  collection: string;
  id: string;
}

export class DiskFileStore {
  private readonly directory: string;
  /** one operation at a time per file: two devices (or a retry racing its first try) never interleave bytes */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(directory: string) {
    this.directory = directory;
  }

  private folder({ tenant, collection }: FileKey): string {
    // the tenant is a plain name already (see auth.ts); encoding keeps it one path segment whatever it holds
    return join(this.directory, encodeURIComponent(tenant), collection);
  }

  private path(key: FileKey, suffix = ''): string {
    return join(this.folder(key), `${key.id}${suffix}`);
  }

  /** Runs `work` after every earlier operation on the same file. */
  exclusive<T>(key: FileKey, work: () => Promise<T>): Promise<T> {
    const name = this.path(key);
    const before = this.queues.get(name) ?? Promise.resolve();
    const result = before.then(work, work);
    const settled = result.catch(() => undefined);
    this.queues.set(name, settled);
    void settled.then(() => {
      if (this.queues.get(name) === settled) this.queues.delete(name);
    });
    return result;
  }

  async status(key: FileKey): Promise<FileStatus> {
    const complete = await readJson(this.path(key, '.json'));
    if (complete && (await sizeOf(this.path(key))) !== undefined) return { state: 'complete', file: complete };
    const declared = await readJson(this.path(key, '.part.json'));
    if (!declared) return { state: 'absent' };
    return { state: 'partial', file: declared, received: (await sizeOf(this.path(key, '.part'))) ?? 0 };
  }

  /** Starts the file afresh (a new upload, or one whose declared content changed). */
  async begin(key: FileKey, file: StoredFile): Promise<void> {
    await mkdir(this.folder(key), { recursive: true });
    await this.discard(key);
    await writeFile(this.path(key, '.part'), new Uint8Array());
    await writeFile(this.path(key, '.part.json'), JSON.stringify(file));
  }

  /** Writes `bytes` at `offset` of the part; the caller has checked the offset is where the part ends. */
  async append(key: FileKey, offset: number, bytes: Uint8Array): Promise<number> {
    const handle = await open(this.path(key, '.part'), 'r+');
    try {
      await handle.write(bytes, 0, bytes.length, offset);
    } finally {
      await handle.close();
    }
    return offset + bytes.length;
  }

  /**
   * Turns a part holding all its bytes into the file: checks its SHA-256 and first bytes against what was declared
   * (removing it when they differ), flushes it to disk, then renames it into place.
   */
  async complete(key: FileKey, file: StoredFile): Promise<void> {
    const part = this.path(key, '.part');
    const [sha256, head] = await Promise.all([sha256Of(part), firstBytes(part, 16)]);
    if (sha256 !== file.sha256) {
      await this.discard(key);
      throw new FileCheckError(
        'sha256',
        `The bytes received do not match the SHA-256 declared (${file.sha256}); nothing was kept: send the file again.`,
      );
    }
    if (!fitsFileType(file.type, head)) {
      await this.discard(key);
      throw new FileCheckError('type', `The file's content is not ${file.type}, as it was declared; nothing was kept.`);
    }
    const handle = await open(part, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await writeFile(this.path(key, '.json.tmp'), JSON.stringify(file));
    await rename(this.path(key, '.json.tmp'), this.path(key, '.json'));
    await rename(part, this.path(key));
    await rm(this.path(key, '.part.json'), { force: true });
  }

  /** The complete file's bytes, as a stream. */
  read(key: FileKey): ReadStream {
    return createReadStream(this.path(key));
  }

  private async discard(key: FileKey): Promise<void> {
    await Promise.all(['.part', '.part.json'].map((suffix) => rm(this.path(key, suffix), { force: true })));
  }
}

async function readJson(path: string): Promise<StoredFile | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as StoredFile;
  } catch {
    return undefined;
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

async function firstBytes(path: string, count: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
