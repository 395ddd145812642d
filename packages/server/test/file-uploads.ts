// A device's side of the file routes, for the files suites: a photo's bytes, the PUT and GET it sends for a file of
// the `inspections` collection, and what it sees when two instances race for one file.
import { createHash, randomBytes } from 'node:crypto';
import { attachmentsProperty, FILE_SHA256_HEADER, FILES_PATH } from '@syncline/protocol';
import { expect } from 'vitest';
import type { FileKey, FileStore } from '../src/file-store.js';

/** A collection whose documents carry JPEG photos of up to `maxBytes`, as the file suites' servers take them. */
export function photoCollection(maxBytes: number) {
  return {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      attachments: attachmentsProperty,
      updatedAt: { type: 'number' },
    },
    required: ['id'],
    files: { types: ['image/jpeg'], maxBytes },
  };
}

/** A JPEG as far as its first bytes go, then `size - 3` random ones. */
export function photo(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff]);
  return bytes;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Upload {
  origin: string;
  token: string;
  id: string;
  bytes: Uint8Array;
  type?: string;
  digest?: string;
}

/** PUTs bytes [first, end) of the file; without `first`, asks how much of it the server holds. */
export function put(
  { origin, token, id, bytes, type = 'image/jpeg', digest = sha256(bytes) }: Upload,
  first?: number,
  end?: number,
) {
  const range =
    first === undefined ? `bytes */${bytes.length}` : `bytes ${first}-${(end ?? bytes.length) - 1}/${bytes.length}`;
  return fetch(`${origin}${FILES_PATH}/inspections/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': type,
      'content-range': range,
      [FILE_SHA256_HEADER]: digest,
    },
    ...(first === undefined ? {} : { body: bytes.slice(first, end ?? bytes.length) }),
  });
}

export const get = (origin: string, token: string, id: string) =>
  fetch(`${origin}${FILES_PATH}/inspections/${id}`, { headers: { authorization: `Bearer ${token}` } });

/**
 * Runs `store.exclusive` on `key` as a third process would, and resolves once it holds the file's lock: the PUTs
 * sent meanwhile all wait for it. `release()` lets them go, once they are seen waiting.
 */
export async function holdFile(store: FileStore, key: FileKey): Promise<{ release: () => Promise<void> }> {
  let release = () => {};
  let held = () => {};
  const heldNow = new Promise<void>((resolve) => {
    held = resolve;
  });
  const holding = store.exclusive(key, async () => {
    held();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
  });
  await heldNow;
  return {
    release: async () => {
      release();
      await holding;
    },
  };
}

/** One chunk PUT to two instances at once: one took it (200), the other is told where the bytes end (409). */
export async function expectChunkTakenOnce(answers: Response[], received: number) {
  const bodies = await Promise.all(answers.map(async (answer) => [answer.status, await answer.json()] as const));
  expect(bodies.map(([status]) => status).sort()).toEqual([200, 409]);
  for (const [, body] of bodies) expect(body).toMatchObject({ received, complete: false });
}

/** GETs the file and checks it is `bytes`, whole. */
export async function expectServed(origin: string, token: string, id: string, bytes: Uint8Array) {
  const served = await get(origin, token, id);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-length')).toBe(String(bytes.length));
  expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(bytes));
}

/**
 * Two instances sharing one store, as a device moving between them sees them: half a file PUT to A, the rest to B
 * (B knows what A took and refuses a chunk that does not follow it), then served whole by both, only to `token`'s
 * tenant (`otherTenant` finds nothing).
 */
export async function expectUploadAcross(originA: string, originB: string, token: string, otherTenant: string) {
  const bytes = photo(190_000);
  const onA = { origin: originA, token, id: 'photo-shared-1', bytes };
  const onB = { ...onA, origin: originB };
  expect(await (await put(onA, 0, 95_000)).json()).toEqual({ received: 95_000, complete: false });
  expect(await (await put(onB)).json()).toEqual({ received: 95_000, complete: false });
  expect((await put(onB, 0, 10)).status).toBe(409);
  expect((await get(originA, token, onA.id)).status).toBe(404);
  expect((await put(onB, 95_000)).status).toBe(201);
  for (const origin of [originA, originB]) {
    await expectServed(origin, token, onA.id, bytes);
    expect((await get(origin, otherTenant, onA.id)).status).toBe(404);
  }
}
