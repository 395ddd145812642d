// Files kept in an S3-compatible object store (AWS S3, MinIO, Cloudflare R2…), for server processes that share one
// bucket: any of them takes the next chunk of an upload another began, and serves a file another completed. Under
// `<prefix>/<tenant>/<collection>/<id>/` a file has a small JSON `manifest.json` (what was declared, how many bytes
// are in and in which parts, whether it is complete, when it last changed), one object per appended chunk
// (`parts/<offset>`) while it grows, the whole `file` once complete (assembled by multipart upload after its SHA-256
// and first bytes were checked; the parts are then removed), its `thumbnail.webp`, and a `lock` object that a PUT's
// work holds (created with If-None-Match: *, taken over with If-Match once expired) so two processes never
// interleave bytes. Requests are signed (SigV4) by aws4fetch, loaded only when this store is used. While the store
// cannot be reached, operations throw FileStoreUnavailable and nothing already stored is touched.
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { AwsClient } from 'aws4fetch';
import {
  FILE_HEAD_BYTES,
  type FileKey,
  type FileStatus,
  type FileStore,
  FileStoreUnavailable,
  fileName,
  KeyedQueue,
  receivedProblem,
  type StaleFile,
  type StoredFile,
} from './file-store.js';
import { redactUrl } from './redact-url.js';

export interface S3FileStoreOptions {
  /** The store's URL, such as https://s3.eu-west-1.amazonaws.com or http://minio:9000; objects are addressed by path. */
  endpoint: string;
  bucket: string;
  /** The region requests are signed for. Default us-east-1 (MinIO's; R2 takes `auto`). */
  region?: string;
  /** Keys start with `<prefix>/` (letters, digits, `.`, `_`, `-`, `/` between parts); default none. */
  prefix?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** How long a PUT's lock holds before another process may take it over, in ms. Default 5 minutes. */
  lockTtlMs?: number;
  /** How long one request to the store may take before it counts as unreachable, in ms. Default 30 s. */
  timeoutMs?: number;
  /** The wall clock, in milliseconds (tests). */
  now?: () => number;
  /** Called when a file's lock is found held by another PUT, before waiting for it (tests). */
  onLockBusy?: (key: FileKey) => void;
}

/** A file's manifest object: what was declared, and how far it got. */
interface Manifest extends StoredFile {
  state: 'partial' | 'complete';
  received: number;
  /** the first byte of each part object still kept, in order */
  parts: number[];
  /** ms since the epoch: the last chunk, or completion */
  changedAt: number;
}

/** Each part but the last of a multipart upload must hold at least 5 MiB; files are assembled in parts of 8 MiB. */
const ASSEMBLY_PART_BYTES = 8 * 1024 * 1024;
const PREFIX = /^(?:[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*)?$/;
const MANIFEST = /^([A-Za-z0-9._-]+)\/([A-Za-z0-9_]+)\/([A-Za-z0-9_-]+)\/manifest\.json$/;

/**
 * A tenant as one key segment of letters, digits, `.` and `-`: any other character becomes `_` and its hex code
 * (a tenant name holds no `_`, see auth.ts). S3 takes `:` and `@` in keys, but signatures over them go wrong in some
 * S3-compatible stores (moto among them), so the keys stay plain.
 */
const tenantSegment = (tenant: string) =>
  tenant.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
const tenantOf = (segment: string) =>
  segment.replace(/_([0-9a-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));

/** Offsets padded so a listing would sort parts in order. */
const partName = (offset: number) => `parts/${String(offset).padStart(15, '0')}`;

const xmlText = (text: string) =>
  text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '',
  );
const xmlValue = (xml: string, tag: string) => {
  const match = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return match?.[1] === undefined ? undefined : xmlText(match[1]);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class S3FileStore implements FileStore {
  readonly kind = 's3';
  readonly #options: S3FileStoreOptions;
  readonly #base: string;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #lockTtlMs: number;
  readonly #timeoutMs: number;
  readonly #queue = new KeyedQueue();
  /** who holds a lock, for whoever reads it */
  readonly #owner = randomUUID();
  #client: Promise<AwsClient> | undefined;

  constructor(options: S3FileStoreOptions) {
    let endpoint: URL;
    try {
      endpoint = new URL(options.endpoint);
    } catch {
      throw new Error(
        `The S3 endpoint must be a URL such as https://s3.eu-west-1.amazonaws.com, not "${options.endpoint}".`,
      );
    }
    if (!/^https?:$/.test(endpoint.protocol)) throw new Error('The S3 endpoint must be an http:// or https:// URL.');
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(options.bucket)) {
      throw new Error(`"${options.bucket}" is not a bucket name: 3 to 63 lower-case letters, digits, "." or "-".`);
    }
    const prefix = options.prefix ?? '';
    if (!PREFIX.test(prefix)) {
      throw new Error(
        `The S3 prefix "${prefix}" may hold letters, digits, ".", "_", "-", and "/" between them (no leading or trailing "/").`,
      );
    }
    if (!options.accessKeyId || !options.secretAccessKey) {
      throw new Error('S3 credentials are missing: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.');
    }
    this.#options = options;
    this.#base = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}/${options.bucket}`;
    this.#prefix = prefix;
    this.#now = options.now ?? Date.now;
    this.#lockTtlMs = options.lockTtlMs ?? 5 * 60 * 1000;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Where the files are, for banners and logs (never the credentials). */
  get location(): string {
    return `s3 bucket "${this.#options.bucket}" at ${redactUrl(this.#options.endpoint)}${this.#prefix ? ` under ${this.#prefix}/` : ''}`;
  }

  #object({ tenant, collection, id }: FileKey, name: string): string {
    const folder = `${tenantSegment(tenant)}/${collection}/${id}/${name}`;
    return this.#prefix ? `${this.#prefix}/${folder}` : folder;
  }

  /** One signed request; a store that cannot be reached, or answers 5xx or 429, throws FileStoreUnavailable. */
  async #send(
    method: string,
    object: string,
    {
      query = '',
      headers,
      body,
    }: { query?: string; headers?: Record<string, string>; body?: Uint8Array | string } = {},
  ): Promise<Response> {
    this.#client ??= import('aws4fetch').then(
      ({ AwsClient }) =>
        new AwsClient({
          accessKeyId: this.#options.accessKeyId,
          secretAccessKey: this.#options.secretAccessKey,
          ...(this.#options.sessionToken ? { sessionToken: this.#options.sessionToken } : {}),
          service: 's3',
          region: this.#options.region ?? 'us-east-1',
          // a store that answers 5xx is retried twice, briefly; then the device retries, later
          retries: 2,
          initRetryMs: 100,
        }),
    );
    const client = await this.#client;
    const url = `${this.#base}${object ? `/${object}` : ''}${query ? `?${query}` : ''}`;
    let response: Response;
    try {
      response = await client.fetch(url, {
        method,
        ...(headers ? { headers } : {}),
        ...(body === undefined ? {} : { body: body as BodyInit }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw new FileStoreUnavailable(
        `The S3 store at ${redactUrl(this.#options.endpoint)} cannot be reached (${(error as Error).cause ?? (error as Error).message}).`,
        { cause: error },
      );
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel();
      throw new FileStoreUnavailable(`The S3 store answered ${response.status} to ${method} ${object || '(bucket)'}.`);
    }
    return response;
  }

  /** An answer that is not what the operation needs, as an error naming the S3 code. */
  async #refused(response: Response, what: string): Promise<Error> {
    const text = await response.text().catch(() => '');
    const code = xmlValue(text, 'Code') ?? `HTTP ${response.status}`;
    return new Error(`S3 refused to ${what} in bucket "${this.#options.bucket}": ${code}.`);
  }

  async #ok(response: Response, what: string): Promise<Response> {
    if (!response.ok) throw await this.#refused(response, what);
    return response;
  }

  async #put(object: string, body: Uint8Array | string, what: string): Promise<void> {
    await (await this.#ok(await this.#send('PUT', object, { body }), what)).body?.cancel();
  }

  /** Deletes an object; one already gone is fine. */
  async #delete(object: string): Promise<void> {
    const response = await this.#send('DELETE', object);
    await response.body?.cancel();
    if (!response.ok && response.status !== 404) throw await this.#refused(response, `remove ${object}`);
  }

  async #manifest(key: FileKey): Promise<Manifest | undefined> {
    const response = await this.#send('GET', this.#object(key, 'manifest.json'));
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    return (await (await this.#ok(response, 'read a file manifest')).json()) as Manifest;
  }

  #writeManifest(key: FileKey, manifest: Manifest): Promise<void> {
    return this.#put(this.#object(key, 'manifest.json'), JSON.stringify(manifest), 'write a file manifest');
  }

  /** Checks the bucket answers to these credentials: the start-up errors say what to set. */
  async migrate(): Promise<void> {
    const endpoint = redactUrl(this.#options.endpoint);
    let response: Response;
    try {
      response = await this.#send('HEAD', '');
    } catch (error) {
      throw new Error(`${(error as Error).message} Check --s3-endpoint (${endpoint}) and that the store is up.`, {
        cause: error,
      });
    }
    if (response.ok) return;
    const { bucket } = this.#options;
    if (response.status === 404) {
      throw new Error(
        `The bucket "${bucket}" does not exist at ${endpoint}: create it, or set --s3-bucket to one that does.`,
      );
    }
    if (response.status === 401 || response.status === 403) {
      throw new Error(
        `${endpoint} refused the credentials for bucket "${bucket}" (HTTP ${response.status}): check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and --s3-region, and that the key may read and write the bucket.`,
      );
    }
    throw new Error(`${endpoint} answered HTTP ${response.status} for bucket "${bucket}".`);
  }

  /** In-process first, so waiting PUTs of this process make no requests; then the lock object, across processes. */
  exclusive<T>(key: FileKey, work: () => Promise<T>): Promise<T> {
    return this.#queue.run(fileName(key), async () => {
      const held = await this.#lock(key);
      try {
        return await work();
      } finally {
        // only our own lock (If-Match): one that expired and was taken over stays with its new holder
        await this.#send('DELETE', this.#object(key, 'lock'), { headers: { 'if-match': held } }).then(
          (response) => response.body?.cancel(),
          () => undefined,
        );
      }
    });
  }

  /** Creates the file's lock object, waiting while another process holds it; resolves with its ETag. */
  async #lock(key: FileKey): Promise<string> {
    const object = this.#object(key, 'lock');
    let pause = 20;
    for (;;) {
      const body = JSON.stringify({ owner: this.#owner, expiresAt: this.#now() + this.#lockTtlMs });
      const created = await this.#send('PUT', object, { headers: { 'if-none-match': '*' }, body });
      await created.body?.cancel();
      if (created.ok) return created.headers.get('etag') ?? '';
      // 412: held; 409: another conditional write on it is in flight (AWS)
      if (created.status !== 412 && created.status !== 409) throw await this.#refused(created, 'lock a file');
      this.#options.onLockBusy?.(key);
      const current = await this.#send('GET', object);
      if (current.ok) {
        const etag = current.headers.get('etag') ?? '';
        const held = (await current.json().catch(() => ({}))) as { owner?: string; expiresAt?: number };
        // our own lock is left over from a request that timed out after the store took it (this process runs one
        // piece of work per file at a time); another's is stale once expired: a holder that died
        if (held.owner === this.#owner || !(Number(held.expiresAt) > this.#now())) {
          // whoever replaces that very lock (If-Match) takes it over, the others wait on
          const taken = await this.#send('PUT', object, { headers: { 'if-match': etag }, body });
          await taken.body?.cancel();
          if (taken.ok) return taken.headers.get('etag') ?? '';
        }
      } else {
        await current.body?.cancel();
      }
      await sleep(pause);
      pause = Math.min(pause * 2, 500);
    }
  }

  async status(key: FileKey): Promise<FileStatus> {
    const manifest = await this.#manifest(key);
    if (!manifest) return { state: 'absent' };
    const file = { type: manifest.type, size: manifest.size, sha256: manifest.sha256 };
    return manifest.state === 'complete'
      ? { state: 'complete', file }
      : { state: 'partial', file, received: manifest.received };
  }

  async begin(key: FileKey, file: StoredFile): Promise<void> {
    await this.#discard(key, await this.#manifest(key));
    await this.#writeManifest(key, {
      type: file.type,
      size: file.size,
      sha256: file.sha256,
      state: 'partial',
      received: 0,
      parts: [],
      changedAt: this.#now(),
    });
  }

  /** The part first, then the manifest naming it: a part the manifest does not name is written again at its offset. */
  async append(key: FileKey, offset: number, bytes: Uint8Array): Promise<number> {
    const manifest = await this.#manifest(key);
    if (!manifest) throw new Error(`File "${key.id}" has no manifest to append to: begin it first.`);
    await this.#put(this.#object(key, partName(offset)), bytes, 'keep a chunk');
    const received = offset + bytes.length;
    await this.#writeManifest(key, {
      ...manifest,
      received,
      parts: [...manifest.parts.filter((part) => part < offset), offset],
      changedAt: this.#now(),
    });
    return received;
  }

  /** The file's parts in order, one object at a time. */
  async *#parts(key: FileKey, parts: readonly number[]): AsyncGenerator<Uint8Array> {
    for (const offset of parts) {
      const response = await this.#ok(await this.#send('GET', this.#object(key, partName(offset))), 'read a chunk');
      yield new Uint8Array(await response.arrayBuffer());
    }
  }

  /**
   * Reads the parts once: hashing them, keeping the first bytes, and uploading them as the parts of a multipart
   * upload of `file` (or one PUT for a file under 8 MiB). Only when the bytes are what was declared is the upload
   * completed; otherwise it is aborted and the parts removed.
   */
  async complete(key: FileKey, file: StoredFile): Promise<void> {
    const manifest = await this.#manifest(key);
    if (!manifest) throw new Error(`File "${key.id}" has no manifest to complete.`);
    const target = this.#object(key, 'file');
    const hash = createHash('sha256');
    const head: number[] = [];
    let buffered: Uint8Array[] = [];
    let bufferedBytes = 0;
    let uploadId: string | undefined;
    const etags: string[] = [];
    const flush = async () => {
      if (uploadId === undefined) {
        const started = await this.#ok(
          await this.#send('POST', target, { query: 'uploads', headers: { 'content-type': file.type } }),
          'start assembling a file',
        );
        uploadId = xmlValue(await started.text(), 'UploadId');
        if (!uploadId) throw new Error('S3 started a multipart upload without an UploadId.');
      }
      const part = await this.#ok(
        await this.#send('PUT', target, {
          query: `partNumber=${etags.length + 1}&uploadId=${encodeURIComponent(uploadId)}`,
          body: Buffer.concat(buffered),
        }),
        'upload a part of a file',
      );
      await part.body?.cancel();
      etags.push(part.headers.get('etag') ?? '');
      buffered = [];
      bufferedBytes = 0;
    };
    try {
      for await (const chunk of this.#parts(key, manifest.parts)) {
        hash.update(chunk);
        if (head.length < FILE_HEAD_BYTES) head.push(...chunk.subarray(0, FILE_HEAD_BYTES - head.length));
        buffered.push(chunk);
        bufferedBytes += chunk.length;
        if (bufferedBytes >= ASSEMBLY_PART_BYTES) await flush();
      }
      const problem = receivedProblem(file, hash.digest('hex'), Uint8Array.from(head));
      if (problem) {
        await this.#abort(target, uploadId);
        await this.#discard(key, manifest);
        throw problem;
      }
      if (uploadId === undefined) {
        await this.#ok(
          await this.#send('PUT', target, { body: Buffer.concat(buffered), headers: { 'content-type': file.type } }),
          'keep a file',
        ).then((response) => response.body?.cancel());
      } else {
        if (bufferedBytes > 0) await flush();
        const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${etag}</ETag></Part>`);
        const done = await this.#ok(
          await this.#send('POST', target, {
            query: `uploadId=${encodeURIComponent(uploadId)}`,
            body: `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`,
          }),
          'assemble a file',
        );
        // S3 may answer 200 with an error in the body
        const answer = await done.text();
        if (/<Error>/.test(answer)) throw new Error(`S3 could not assemble "${key.id}": ${xmlValue(answer, 'Code')}.`);
      }
    } catch (error) {
      if (uploadId !== undefined) await this.#abort(target, uploadId).catch(() => undefined);
      throw error;
    }
    const completed: Manifest = { ...manifest, state: 'complete', received: file.size, changedAt: this.#now() };
    // complete first (the parts still named, so a crash now leaves nothing a removal misses), then the parts go
    await this.#writeManifest(key, completed);
    await Promise.all(manifest.parts.map((offset) => this.#delete(this.#object(key, partName(offset)))));
    await this.#writeManifest(key, { ...completed, parts: [] });
  }

  async #abort(target: string, uploadId: string | undefined): Promise<void> {
    if (uploadId === undefined) return;
    const response = await this.#send('DELETE', target, { query: `uploadId=${encodeURIComponent(uploadId)}` });
    await response.body?.cancel();
  }

  /** Removes a partial file's parts (and the one a crash may have left past them) and its manifest. */
  async #discard(key: FileKey, manifest: Manifest | undefined): Promise<void> {
    if (!manifest) return;
    const parts = new Set([...manifest.parts, manifest.received]);
    await Promise.all([...parts].map((offset) => this.#delete(this.#object(key, partName(offset)))));
    await this.#delete(this.#object(key, 'manifest.json'));
  }

  read(key: FileKey): Readable {
    const send = () => this.#send('GET', this.#object(key, 'file'));
    const ok = (response: Response) => this.#ok(response, 'read a file');
    return Readable.from(
      (async function* () {
        const response = await ok(await send());
        if (!response.body) return;
        for await (const chunk of response.body) yield chunk as Uint8Array;
      })(),
    );
  }

  async readThumbnail(key: FileKey): Promise<Uint8Array | undefined> {
    const response = await this.#send('GET', this.#object(key, 'thumbnail.webp'));
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    return new Uint8Array(await (await this.#ok(response, 'read a thumbnail')).arrayBuffer());
  }

  putThumbnail(key: FileKey, bytes: Uint8Array): Promise<void> {
    return this.#put(this.#object(key, 'thumbnail.webp'), bytes, 'keep a thumbnail');
  }

  /**
   * Lists the manifests under the prefix, page by page, and reads those old enough to be stale. The listing asks for
   * the prefix without its trailing "/" and filters by it: a "/" in a query value breaks signature checks in some
   * S3-compatible stores (moto), and the prefix matches nothing else it could not tell apart.
   */
  async *unchangedSince(before: number): AsyncGenerator<StaleFile> {
    const within = this.#prefix ? `${this.#prefix}/` : '';
    let token: string | undefined;
    do {
      const query = new URLSearchParams({ 'list-type': '2' });
      if (this.#prefix) query.set('prefix', this.#prefix);
      if (token) query.set('continuation-token', token);
      const listing = await (
        await this.#ok(await this.#send('GET', '', { query: query.toString() }), 'list files')
      ).text();
      for (const [, entry = ''] of listing.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        const object = xmlValue(entry, 'Key') ?? '';
        if (!object.startsWith(within)) continue;
        const [, tenant, collection, id] = MANIFEST.exec(object.slice(within.length)) ?? [];
        if (!tenant || !collection || !id) continue;
        // a manifest written after `before` (by the store's clock, give or take an hour of skew) is not stale
        const modified = Date.parse(xmlValue(entry, 'LastModified') ?? '');
        if (modified >= before + 60 * 60 * 1000) continue;
        const key = { tenant: tenantOf(tenant), collection, id };
        const manifest = await this.#manifest(key);
        if (manifest && manifest.changedAt < before) {
          yield { key, state: manifest.state, changedAt: manifest.changedAt };
        }
      }
      token = xmlValue(listing, 'IsTruncated') === 'true' ? xmlValue(listing, 'NextContinuationToken') : undefined;
    } while (token);
  }

  async remove(key: FileKey, before: number): Promise<boolean> {
    const manifest = await this.#manifest(key);
    if (!manifest || manifest.changedAt >= before) return false;
    // the file first: without it nothing is served; the manifest last, so a removal cut short is found again
    await this.#delete(this.#object(key, 'file'));
    await this.#delete(this.#object(key, 'thumbnail.webp'));
    await this.#discard(key, manifest);
    return true;
  }

  async close(): Promise<void> {}
}
