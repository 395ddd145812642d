// The routes files travel on, beside document sync: `PUT /sync/files/<collection>/<id>` takes a file in chunks
// (`Content-Range: bytes <first>-<last>/<size>`, the file's type as Content-Type, its SHA-256 in
// `x-syncline-sha256`), or answers how much of it the server holds (`Content-Range: bytes */<size>`, no body), so an
// upload cut short resumes where the server's bytes end; `GET` (and `HEAD`) serve a complete file, and with
// `?size=thumbnail` an image's small WebP preview (thumbnails.ts). Each answer to a
// PUT says `{ received, complete }`. The same token as sync decides the tenant (a file of another tenant is simply
// not there) and the collection's permissions the role: `read` to fetch, `create` or `update` to upload.
import { Readable } from 'node:stream';
import {
  ATTACHMENT_ID,
  allows,
  aRole,
  type CollectionFiles,
  FILE_SHA256_HEADER,
  FILES_PATH,
  fileRefusal,
  NO_THUMBNAIL,
  THUMBNAIL_SIZE,
} from '@syncline/protocol';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { AuthError, type Principal, type TokenVerifier, tokenFromHeader } from './auth.js';
import type { SyncCollection } from './collections.js';
import { FileCheckError, type FileKey, type FileStore, FileStoreUnavailable, type StoredFile } from './file-store.js';
import { NoThumbnail, THUMBNAIL_TYPE, thumbnails } from './thumbnails.js';

/** How long a device waits before sending a request again while the file store cannot be reached, in seconds. */
const STORE_RETRY_AFTER_SECONDS = 5;

/** The largest chunk one PUT may carry; a device sends files in smaller ones. */
export const MAX_FILE_CHUNK_BYTES = 8 * 1024 * 1024;

export interface FileRoutesOptions {
  collections: readonly SyncCollection[];
  store: FileStore;
  verify: TokenVerifier;
  logger: Logger;
}

const json = (body: object, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const refused = (status: number, error: string, extra: object = {}) => json({ error, ...extra }, status);

// `bytes 0-99/1000`: a chunk; `bytes */1000`: a question about how much of a file of 1000 bytes is here
function parseRange(value: string | null): { first: number; last: number; size: number } | { size: number } | null {
  const chunk = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(value ?? '');
  if (chunk) return { first: Number(chunk[1]), last: Number(chunk[2]), size: Number(chunk[3]) };
  const question = /^bytes \*\/(\d{1,15})$/.exec(value ?? '');
  return question ? { size: Number(question[1]) } : null;
}

/** Reads a request body of exactly `length` bytes; null when it holds another number of them. */
async function bodyOf(request: Request, length: number): Promise<Uint8Array | null> {
  const reader = request.body?.getReader();
  const bytes = new Uint8Array(length);
  let at = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (at + value.length > length) {
        await reader.cancel();
        return null;
      }
      bytes.set(value, at);
      at += value.length;
    }
  }
  return at === length ? bytes : null;
}

/** The sizes a GET may ask for besides the file itself. */
const SIZES = [THUMBNAIL_SIZE];

/** Headers of every file or thumbnail served: a device may keep the bytes of an id, and they never run as a page. */
const servedHeaders = (type: string, size: number, etag: string) => ({
  'content-type': type,
  'content-length': String(size),
  'cache-control': 'private, max-age=31536000, immutable',
  etag: `"${etag}"`,
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
});

export function fileRoutes({ collections, store, verify, logger }: FileRoutesOptions): Plugin {
  const withFiles = new Map(collections.filter((c) => c.files).map((c) => [c.name, c]));
  const previews = thumbnails(store, logger);

  async function answer(request: Request, url: URL): Promise<Response> {
    const [collectionName, id, ...rest] = url.pathname.slice(FILES_PATH.length + 1).split('/');
    const collection = withFiles.get(collectionName ?? '');
    if (!collection || !id || rest.length > 0) {
      return refused(
        404,
        `No such file route: files go to ${FILES_PATH}/<collection>/<id> of a collection that takes files.`,
      );
    }
    if (!ATTACHMENT_ID.test(id)) {
      return refused(400, 'A file id is 8 to 64 letters, digits, "-" or "_".');
    }
    let principal: Principal;
    try {
      principal = await verify(tokenFromHeader(request.headers.get('authorization')));
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      return refused(error.code === 'FORBIDDEN' ? 403 : 401, error.message);
    }
    const key: FileKey = { tenant: principal.tenant, collection: collection.name, id };
    const { permissions } = collection;
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (!allows(permissions?.read, principal.role)) {
        return refused(403, `${capital(aRole(principal.role))} may not read ${collection.name}, nor its files.`);
      }
      const size = url.searchParams.get('size');
      if (size !== null && !SIZES.includes(size)) {
        return refused(400, `"size" may be ${SIZES.join(', ')}; without it the file itself is served.`);
      }
      return size === THUMBNAIL_SIZE ? thumbnail(request, key) : download(request, key);
    }
    if (request.method !== 'PUT') {
      return new Response(null, { status: 405, headers: { allow: 'GET, HEAD, PUT' } });
    }
    if (!allows(permissions?.create, principal.role) && !allows(permissions?.update, principal.role)) {
      return refused(403, `${capital(aRole(principal.role))} may not write ${collection.name}, nor upload its files.`);
    }
    return upload(request, key, collection.files as CollectionFiles);
  }

  async function download(request: Request, key: FileKey): Promise<Response> {
    const status = await store.status(key);
    if (status.state !== 'complete') {
      return refused(404, `No file "${key.id}" here: it may not be uploaded yet.`);
    }
    const headers = servedHeaders(status.file.type, status.file.size, status.file.sha256);
    if (request.method === 'HEAD') return new Response(null, { headers });
    return new Response(Readable.toWeb(store.read(key)) as ReadableStream, { headers });
  }

  async function thumbnail(request: Request, key: FileKey): Promise<Response> {
    const status = await store.status(key);
    if (status.state !== 'complete') {
      return refused(404, `No file "${key.id}" here: it may not be uploaded yet.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await previews.get(key, status.file);
    } catch (error) {
      if (error instanceof NoThumbnail) return refused(404, error.message, { code: NO_THUMBNAIL });
      throw error;
    }
    const headers = servedHeaders(THUMBNAIL_TYPE, bytes.length, `${status.file.sha256}-thumbnail`);
    return new Response(request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), { headers });
  }

  async function upload(request: Request, key: FileKey, files: CollectionFiles): Promise<Response> {
    const range = parseRange(request.headers.get('content-range'));
    if (!range) {
      return refused(
        400,
        'Send "Content-Range: bytes <first>-<last>/<size>" with a chunk, or "bytes */<size>" to ask how much is here.',
      );
    }
    const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    const refusal = fileRefusal(files, { type, size: range.size });
    if (refusal)
      return refused(refusal.reason === 'type' ? 415 : refusal.reason === 'size' ? 413 : 400, refusal.message);
    const sha256 = request.headers.get(FILE_SHA256_HEADER)?.toLowerCase() ?? '';
    if (!/^[0-9a-f]{64}$/.test(sha256)) {
      return refused(400, `Send the file's SHA-256 (64 hex digits) in "${FILE_SHA256_HEADER}".`);
    }
    const declared: StoredFile = { type, size: range.size, sha256 };
    let chunk: Uint8Array | null = null;
    if ('first' in range) {
      const length = range.last - range.first + 1;
      if (length < 1 || range.last >= range.size) {
        return refused(400, `The range ${range.first}-${range.last} does not fit in a file of ${range.size} bytes.`);
      }
      if (length > MAX_FILE_CHUNK_BYTES) {
        return refused(413, `A chunk may hold at most ${MAX_FILE_CHUNK_BYTES} bytes; send the file in smaller ones.`);
      }
      chunk = await bodyOf(request, length);
      if (!chunk) return refused(400, `The body must hold exactly the ${length} bytes its Content-Range names.`);
    }
    let completed = false;
    const answered = await store.exclusive(key, async () => {
      const status = await store.status(key);
      if (status.state === 'complete') {
        if (status.file.sha256 !== sha256 || status.file.size !== range.size) {
          return refused(
            409,
            `File "${key.id}" is already here with other content: attach the new file under a new id.`,
          );
        }
        return json({ received: range.size, complete: true });
      }
      const same = status.state === 'partial' && status.file.sha256 === sha256 && status.file.size === range.size;
      const received = same && status.state === 'partial' ? status.received : 0;
      if (!chunk || !('first' in range)) return json({ received, complete: false });
      // a new file, or another content under the same id before the first was whole: start it afresh
      if (!same) await store.begin(key, declared);
      if (range.first !== received) {
        return refused(409, `The server holds ${received} bytes of "${key.id}": send from byte ${received}.`, {
          received,
          complete: false,
        });
      }
      const now = await store.append(key, range.first, chunk);
      if (now < range.size) return json({ received: now, complete: false });
      try {
        await store.complete(key, declared);
      } catch (error) {
        if (!(error instanceof FileCheckError)) throw error;
        return refused(error.reason === 'type' ? 415 : 422, error.message, { received: 0, complete: false });
      }
      logger.info({ tenant: key.tenant, collection: key.collection, id: key.id, bytes: range.size }, 'file stored');
      completed = true;
      return json({ received: range.size, complete: true }, 201);
    });
    // once the file's own work is done (and, in PostgreSQL, committed)
    if (completed) previews.prepare(key, declared);
    return answered;
  }

  return {
    onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(`${FILES_PATH}/`) || request.method === 'OPTIONS') return;
      return answer(request, url).then(endResponse, (error: unknown) => {
        if (error instanceof FileStoreUnavailable) {
          logger.warn({ err: error, path: url.pathname }, 'file store unreachable');
          const response = refused(
            503,
            `The server cannot reach its file store just now; nothing it holds was lost: send the same request again in ${STORE_RETRY_AFTER_SECONDS} seconds.`,
            { code: 'FILE_STORE_UNAVAILABLE' },
          );
          response.headers.set('retry-after', String(STORE_RETRY_AFTER_SECONDS));
          return endResponse(response);
        }
        logger.error({ err: error, path: url.pathname }, 'file request failed');
        endResponse(refused(500, 'The server could not handle the file; nothing half-done is served. Retry.'));
      });
    },
  };
}
