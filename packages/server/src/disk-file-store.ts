// Where the server keeps the files documents carry: on local disk, one folder per tenant and collection. A file
// grows as `<id>.part` (beside `<id>.part.json`: its declared type, size and SHA-256) and becomes `<id>` by an
// atomic rename only once all its bytes are there and their SHA-256 and first bytes match what was declared, so a
// half file is never served, and an upload cut short (a dropped network, a killed server) resumes from the bytes
// already on disk.
import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ATTACHMENT_ID } from '@syncline/protocol';
import {
  FILE_HEAD_BYTES,
  type FileKey,
  type FileStatus,
  type FileStore,
  fileName,
  KeyedQueue,
  receivedProblem,
  type StaleFile,
  type StoredFile,
} from './file-store.js';

/** A file's thumbnail lies beside it (an id holds no ".", so no file is named so). */
const THUMBNAIL_SUFFIX = '.thumbnail.webp';

export class DiskFileStore implements FileStore {
  readonly kind = 'disk';
  private readonly directory: string;
  private readonly queue = new KeyedQueue();

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

  async migrate(): Promise<void> {}

  /** One process owns a folder: an in-process queue per file is enough. */
  exclusive<T>(key: FileKey, work: () => Promise<T>): Promise<T> {
    return this.queue.run(fileName(key), work);
  }

  async status(key: FileKey): Promise<FileStatus> {
    const complete = await readJson(this.path(key, '.json'));
    if (complete && (await sizeOf(this.path(key))) !== undefined) return { state: 'complete', file: complete };
    const declared = await readJson(this.path(key, '.part.json'));
    if (!declared) return { state: 'absent' };
    return { state: 'partial', file: declared, received: (await sizeOf(this.path(key, '.part'))) ?? 0 };
  }

  async begin(key: FileKey, file: StoredFile): Promise<void> {
    await mkdir(this.folder(key), { recursive: true });
    await this.discard(key);
    await writeFile(this.path(key, '.part'), new Uint8Array());
    await writeFile(this.path(key, '.part.json'), JSON.stringify(file));
  }

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
    const [sha256, head] = await Promise.all([sha256Of(part), firstBytes(part, FILE_HEAD_BYTES)]);
    const problem = receivedProblem(file, sha256, head);
    if (problem) {
      await this.discard(key);
      throw problem;
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

  read(key: FileKey): ReadStream {
    return createReadStream(this.path(key));
  }

  async readThumbnail(key: FileKey): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.path(key, THUMBNAIL_SUFFIX));
    } catch {
      return undefined;
    }
  }

  /** Written beside the file, then renamed into place: never a half thumbnail. */
  async putThumbnail(key: FileKey, bytes: Uint8Array): Promise<void> {
    await writeFile(this.path(key, `${THUMBNAIL_SUFFIX}.tmp`), bytes);
    await rename(this.path(key, `${THUMBNAIL_SUFFIX}.tmp`), this.path(key, THUMBNAIL_SUFFIX));
  }

  async *unchangedSince(before: number): AsyncGenerator<StaleFile> {
    for (const tenantFolder of await entries(this.directory)) {
      const tenant = decodeURIComponent(tenantFolder);
      for (const collection of await entries(join(this.directory, tenantFolder))) {
        for (const name of await entries(join(this.directory, tenantFolder, collection))) {
          // `<id>` is a whole file, `<id>.part` one on its way; every other name lies beside one of them
          const [, id, part] = /^([A-Za-z0-9_-]+)(\.part)?$/.exec(name) ?? [];
          if (!id || !ATTACHMENT_ID.test(id)) continue;
          const key = { tenant, collection, id };
          const changed = await this.changedAt(key);
          if (changed !== undefined && changed < before) {
            yield { key, state: part ? 'partial' : 'complete', changedAt: changed };
          }
        }
      }
    }
  }

  async remove(key: FileKey, before: number): Promise<boolean> {
    const changed = await this.changedAt(key);
    if (changed === undefined || changed >= before) return false;
    // the file first: without it the rest is never served, whatever a crash leaves
    for (const suffix of ['', '.json', '.part', '.part.json', THUMBNAIL_SUFFIX]) {
      await rm(this.path(key, suffix), { force: true });
    }
    return true;
  }

  /** When the file's bytes last changed (its last chunk); undefined when there are none. */
  private async changedAt(key: FileKey): Promise<number | undefined> {
    for (const suffix of ['', '.part']) {
      try {
        return (await stat(this.path(key, suffix))).mtimeMs;
      } catch {}
    }
    return undefined;
  }

  async close(): Promise<void> {}

  private async discard(key: FileKey): Promise<void> {
    await Promise.all(['.part', '.part.json'].map((suffix) => rm(this.path(key, suffix), { force: true })));
  }
}

async function entries(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch {
    return [];
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
