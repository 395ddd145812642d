// The upload queue against a real sync server: a file the collection would not take is refused on the device
// before anything is kept or sent; a file captured while the server is unreachable is kept (across a reload too)
// and uploaded when it is back; an upload cut half-way by a dropped server (or by closing the queue) resumes from the
// server's bytes, and another device reads the same file, under whatever path prefix the server is mounted at. A file
// discarded before it finished is never sent again and leaves the device. A file another device has not uploaded yet
// is asked for again until it is there, each wait saying why (not uploaded, sign in, not allowed, a pause, offline). IndexedDB is fake-indexeddb's, the server and its disk are real.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { indexedDB } from 'fake-indexeddb';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AttachmentQueue,
  type AttachmentRef,
  AttachmentRejectedError,
  attachmentsProperty,
  createAttachmentQueue,
  type FileWait,
} from '../src';
import { FileVault } from '../src/attachments/file-vault';
import { type Task, taskSchema } from './task-schemas';

const taskWithFiles = {
  ...taskSchema,
  properties: { ...taskSchema.properties, attachments: attachmentsProperty },
  files: { types: ['image/jpeg', 'image/png'], maxBytes: 1_000_000 },
} as unknown as RxJsonSchema<Task>;
const collections = { tasks: taskWithFiles, notes: taskSchema };

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ collections });
  token = await server.token('shop-files');
});
afterAll(async () => {
  await server?.close();
});

/** A JPEG as far as its first bytes go. */
function photo(size: number): Blob {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff]);
  return new Blob([bytes], { type: 'image/jpeg' });
}

const sha256 = async (blob: Blob) =>
  createHash('sha256')
    .update(new Uint8Array(await blob.arrayBuffer()))
    .digest('hex');

/**
 * The queue of one device, its requests' ranges written down as they leave. With `hangChunk`, that chunk (counted
 * from 1, questions not counted) never answers, as on a slow network, until the queue gives it up: `cut` is then
 * its request's signal.
 */
function device(name: string, extra: { chunkBytes?: number; hangChunk?: number; keepUploadedDays?: number } = {}) {
  const ranges: string[] = [];
  let chunks = 0;
  let hung: AbortSignal | undefined;
  const queue = createAttachmentQueue({
    url: server.url,
    token,
    collections,
    name,
    indexedDB,
    backoff: { initialMs: 50, maxMs: 400 },
    chunkBytes: extra.chunkBytes,
    keepUploadedDays: extra.keepUploadedDays,
    fetch: (input, init) => {
      const range = new Headers(init?.headers).get('content-range');
      if (range) ranges.push(range);
      if (!range || range.startsWith('bytes */') || ++chunks !== extra.hangChunk) return fetch(input, init);
      const cut = init?.signal ?? undefined;
      hung = cut;
      return new Promise((_, reject) => cut?.addEventListener('abort', () => reject(cut.reason)));
    },
  });
  return {
    queue,
    ranges,
    get cut() {
      return hung;
    },
  };
}

const statusOf = (queue: AttachmentQueue, id: string) => queue.state('tasks', id)?.status;

describe('attachments on a device', () => {
  it('sends files under the path prefix the sync server is mounted at', async () => {
    // a reverse proxy serving the sync server under /sync-api/: any other address is not the server's
    const mounted = 'http://proxy.test/sync-api/';
    const asked: string[] = [];
    const throughProxy: typeof fetch = (input, init) => {
      const address = String(input);
      asked.push(address);
      if (!address.startsWith(mounted)) return Promise.resolve(new Response('Not found', { status: 404 }));
      return fetch(`${server.origin}/${address.slice(mounted.length)}`, init);
    };
    const options = { token, collections, indexedDB, backoff: { initialMs: 50, maxMs: 400 }, fetch: throughProxy };
    const queue = createAttachmentQueue({ ...options, url: `${mounted}graphql`, name: 'mounted' });
    const file = photo(20_000);
    const ref = await queue.capture('tasks', file, 'door.jpg');
    await expect.poll(() => statusOf(queue, ref.id), { timeout: 20_000 }).toBe('uploaded');

    // the base address alone (with its trailing slash) reaches the same routes
    const other = createAttachmentQueue({ ...options, url: mounted, name: 'mounted-other' });
    expect(await sha256(await other.read('tasks', ref.id))).toBe(await sha256(file));
    expect(new Set(asked)).toEqual(new Set([`${mounted}sync/files/tasks/${ref.id}`]));
    await Promise.all([queue.close(), other.close()]);
  });

  it('refuses a file its collection would not take before keeping or sending anything', async () => {
    const { queue, ranges } = device('refusing');
    const gif = new Blob([new Uint8Array([0x47, 0x49, 0x46, 0x38])], { type: 'image/gif' });
    await expect(queue.capture('tasks', gif, 'stain.gif')).rejects.toThrow(
      new AttachmentRejectedError('type', 'This file is of type image/gif; attach one of image/jpeg, image/png.'),
    );
    await expect(queue.capture('tasks', photo(1_000_001))).rejects.toMatchObject({
      reason: 'size',
      message: 'This file is 1.0 MB; files here can be at most 1 MB.',
    });
    await expect(queue.capture('notes', photo(10))).rejects.toThrow('The notes collection takes no files.');
    expect(ranges).toEqual([]);
    await queue.close();
  });

  it('uploads a file cut half-way by a dropped server from where the server stopped, for another device to read', async () => {
    const { queue, ranges } = device('dropping', { chunkBytes: 8 * 1024 });
    const file = photo(600_000);
    const ref = await queue.capture('tasks', file, 'stain.jpg');
    expect(ref).toMatchObject({ name: 'stain.jpg', type: 'image/jpeg', size: 600_000, sha256: await sha256(file) });

    // the server goes away once a fifth of the file is there, and comes back once the device has noticed
    await expect
      .poll(() => queue.state('tasks', ref.id), { timeout: 20_000 })
      .toMatchObject({
        status: 'uploading',
        progress: expect.toSatisfy((progress: number) => progress >= 0.2),
      });
    let sentBeforeDrop = 0;
    await server.restart({
      whileStopped: async () => {
        sentBeforeDrop = ranges.length;
        await expect
          .poll(() => queue.state('tasks', ref.id), { timeout: 20_000 })
          .toMatchObject({ status: 'pending', problem: expect.stringMatching(/not reachable|shutting down/) });
      },
    });
    await expect.poll(() => statusOf(queue, ref.id), { timeout: 30_000 }).toBe('uploaded');

    // after the drop it asked the server where to go on, and went on from there, not from the start
    // (probes made while the server was down are written down too, so skip every probe to the first bytes sent)
    const afterDrop = ranges.slice(sentBeforeDrop);
    const firstProbe = afterDrop.findIndex((range) => range.startsWith('bytes */'));
    expect(firstProbe).toBeGreaterThanOrEqual(0);
    const next = afterDrop.slice(firstProbe).find((range) => !range.startsWith('bytes */'));
    expect(Number(/^bytes (\d+)-/.exec(next ?? '')?.[1])).toBeGreaterThan(0);

    const other = device('other-device');
    expect(other.queue.state('tasks', ref.id)).toBeUndefined();
    expect(await sha256(await other.queue.read('tasks', ref.id))).toBe(ref.sha256);
    await Promise.all([queue.close(), other.queue.close()]);
  });

  it('stops a chunk in flight when it closes, and the next open goes on from the bytes the server holds', async () => {
    const slow = device('closing', { chunkBytes: 8 * 1024, hangChunk: 3 });
    const ref = await slow.queue.capture('tasks', photo(60_000), 'hatch.jpg');
    await expect.poll(() => slow.cut).toBeDefined();
    // returns although the chunk never answered: it was aborted, not waited for
    await slow.queue.close();
    expect(slow.cut?.aborted).toBe(true);

    const reopened = device('closing', { chunkBytes: 8 * 1024 });
    await expect.poll(() => statusOf(reopened.queue, ref.id), { timeout: 20_000 }).toBe('uploaded');
    // it asked the server how much was there, then sent from the two chunks that had arrived
    expect(reopened.ranges.slice(0, 2)).toEqual(['bytes */60000', 'bytes 16384-24575/60000']);
    await reopened.queue.close();
  });

  it('discards a file taken off before it finished uploading: its request cut, its bytes freed, nothing more sent', async () => {
    const network = device('discarding', { chunkBytes: 8 * 1024, hangChunk: 1 });
    const { queue } = network;
    const file = photo(30_000);
    const removed = await queue.capture('tasks', file, 'smudge.jpg');
    const kept = await queue.capture('tasks', photo(10_000), 'kept.jpg');
    await expect.poll(() => network.cut).toBeDefined();

    const bytes = await queue.discard('tasks', removed.id);
    expect(network.cut?.aborted).toBe(true);
    expect(bytes && (await sha256(bytes))).toBe(await sha256(file));
    expect(queue.state('tasks', removed.id)).toBeUndefined();
    // the next file goes on; of the one taken off, only the question and the chunk cut short ever left
    await expect.poll(() => statusOf(queue, kept.id), { timeout: 20_000 }).toBe('uploaded');
    expect(network.ranges.filter((range) => range.endsWith('/30000'))).toEqual(['bytes */30000', 'bytes 0-8191/30000']);
    await queue.close();

    // the device's copy is gone: a queue opened on the same store lists the other file, not this one
    const reopened = device('discarding');
    await expect.poll(() => statusOf(reopened.queue, kept.id)).toBe('uploaded');
    expect(reopened.queue.state('tasks', removed.id)).toBeUndefined();
    await reopened.queue.close();
  });

  it('keeps a file captured while the server is unreachable across a reload, and sends it once it is back', async () => {
    const file = photo(40_000);
    let id = '';
    await server.restart({
      whileStopped: async () => {
        const before = device('reloading');
        ({ id } = await before.queue.capture('tasks', file, 'machine.jpg'));
        await expect
          .poll(() => before.queue.state('tasks', id), { timeout: 20_000 })
          .toMatchObject({ status: 'pending', problem: expect.stringMatching(/not reachable/) });
        await before.queue.close();
      },
    });
    const after = device('reloading');
    await expect.poll(() => statusOf(after.queue, id), { timeout: 30_000 }).toBe('uploaded');
    expect(await sha256(await after.queue.read('tasks', id))).toBe(await sha256(file));
    await after.queue.close();
  });

  it('lets go of its copy of an uploaded file once kept long enough and the server holds it, then reads the server’s', async () => {
    const file = photo(30_000);
    const before = device('expiring');
    const { id } = await before.queue.capture('tasks', file, 'stain.jpg');
    await expect.poll(() => statusOf(before.queue, id), { timeout: 30_000 }).toBe('uploaded');
    await before.queue.close();

    // the device's store, as the queue keeps it
    const vault = new FileVault('expiring', indexedDB);
    expect((await vault.get('tasks', id))?.status).toBe('uploaded');
    // opened again with copies kept no time at all: the server is asked, holds the file, and the copy goes
    const after = device('expiring', { keepUploadedDays: 0 });
    await expect.poll(async () => (await vault.get('tasks', id)) === undefined, { timeout: 30_000 }).toBe(true);
    await vault.close();
    // its state says nothing (the file is the server's), and a read brings the server's bytes, the same file
    expect(after.queue.state('tasks', id)).toBeUndefined();
    expect(await sha256(await after.queue.read('tasks', id))).toBe(await sha256(file));
    await after.queue.close();
  });

  it('sends a file again when the server no longer has it (swept as an orphan), from the bytes on the device', async () => {
    // a server that sweeps files no document names after 3 s (30 days, by default): long enough for the upload
    // again to finish on a loaded machine, since a half upload unchanged that long is swept too (ENOENT mid-upload)
    const sweeping = await startTestServer({
      collections,
      serverOptions: {
        files: {
          directory: mkdtempSync(join(tmpdir(), 'syncline-swept-')),
          orphans: { graceMs: 3_000, completeGraceMs: 3_000, sweepEveryMs: 100 },
        },
      },
    });
    try {
      const sweptToken = await sweeping.token('shop-swept');
      const ranges: string[] = [];
      const seen: string[] = [];
      // the first questions of the reopened device find no network: it asks again by itself, no wake needed
      let headsToFail = 0;
      const open = () => {
        const queue = createAttachmentQueue({
          url: sweeping.url,
          token: sweptToken,
          collections,
          name: 'swept',
          indexedDB,
          backoff: { initialMs: 50, maxMs: 400 },
          fetch: (input, init) => {
            const range = new Headers(init?.headers).get('content-range');
            if (range && !range.startsWith('bytes */')) ranges.push(range);
            if (init?.method === 'HEAD' && headsToFail > 0) {
              headsToFail -= 1;
              return Promise.reject(new TypeError('Failed to fetch'));
            }
            return fetch(input, init);
          },
        });
        queue.subscribe(() => {
          const state = ref && queue.state('tasks', ref.id);
          if (state?.status === 'pending' && state.problem) seen.push(state.problem);
        });
        return queue;
      };
      const file = photo(30_000);
      let ref: AttachmentRef | undefined;
      const first = open();
      ref = await first.capture('tasks', file, 'stain.jpg');
      await expect.poll(() => statusOf(first, ref.id), { timeout: 20_000 }).toBe('uploaded');
      await first.close();

      // its order did not reach the server in time: the file is swept
      const address = `${sweeping.origin}/sync/files/tasks/${ref.id}`;
      const headers = { authorization: `Bearer ${sweptToken}` };
      await expect.poll(async () => (await fetch(address, { headers })).status, { timeout: 20_000 }).toBe(404);
      // now it does, naming the photo
      const pushed = await fetch(sweeping.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query: 'mutation($rows: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $rows) { id } }',
          variables: {
            rows: [
              {
                newDocumentState: { id: 'stained', title: 'stained', done: false, attachments: [ref], _deleted: false },
              },
            ],
          },
        }),
      });
      expect(((await pushed.json()) as { errors?: unknown }).errors).toBeUndefined();

      // the device opens again, offline for its first two questions: once one is answered it finds the file gone and
      // sends it again, from the first byte
      ranges.length = 0;
      headsToFail = 2;
      const again = open();
      await expect
        .poll(() => seen, { timeout: 20_000 })
        .toContain('The server no longer had this file; it is sent again from this device.');
      await expect.poll(() => statusOf(again, ref.id), { timeout: 20_000 }).toBe('uploaded');
      expect(headsToFail).toBe(0);
      expect(ranges[0]).toBe(`bytes 0-29999/30000`);
      const served = await fetch(address, { headers });
      expect(served.status).toBe(200);
      expect(await sha256(await served.blob())).toBe(await sha256(file));
      await again.close();
    } finally {
      await sweeping.close();
    }
  }, 60_000);

  it('waits for a photo another device has not uploaded yet, saying so, and reads it once it is there', async () => {
    // the device that took it is offline: its requests fail as a browser's do
    let takerOnline = false;
    const taker = createAttachmentQueue({
      url: server.url,
      token,
      collections,
      name: 'taker',
      indexedDB,
      backoff: { initialMs: 50, maxMs: 400 },
      fetch: (input, init) => (takerOnline ? fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'))),
    });
    const file = photo(20_000);
    const ref = await taker.capture('tasks', file, 'valve.jpg');

    const viewer = device('viewer');
    const waits: FileWait[] = [];
    const read = viewer.queue.read('tasks', ref.id, { onWait: (wait) => waits.push(wait) });
    // asked again and again, never given up on
    await expect.poll(() => waits.length, { timeout: 20_000 }).toBeGreaterThan(2);
    expect(new Set(waits.map((wait) => `${wait.reason}: ${wait.message}`))).toEqual(
      new Set(['not-uploaded: Waiting for the other device…']),
    );
    takerOnline = true;
    taker.wake();
    expect(await sha256(await read)).toBe(await sha256(file));
    await Promise.all([taker.close(), viewer.queue.close()]);
  });

  it('tells a refused session, a refused role, a pause asked and a lost network apart, until the read is ended', async () => {
    // the session the real server refuses; the rest as a proxy or the browser would answer
    const asked: Record<string, { token?: string; fetch?: typeof fetch }> = {
      'signed-out': { token: 'not-a-token' },
      'not-allowed': {
        fetch: async () => Response.json({ error: 'An operator may not read tasks, nor its files.' }, { status: 403 }),
      },
      busy: { fetch: async () => new Response(null, { status: 429, headers: { 'retry-after': '2' } }) },
      offline: { fetch: () => Promise.reject(new TypeError('Failed to fetch')) },
    };
    const said: Record<string, string> = {};
    for (const [name, answer] of Object.entries(asked)) {
      const queue = createAttachmentQueue({ url: server.url, token, collections, name, indexedDB, ...answer });
      const reading = new AbortController();
      let first: FileWait | undefined;
      const read = queue.read('tasks', 'never-uploaded-1', {
        signal: reading.signal,
        onWait: (wait) => {
          first ??= wait;
        },
      });
      await expect.poll(() => first).toBeDefined();
      reading.abort();
      await expect(read).rejects.toMatchObject({ name: 'AbortError' });
      said[first?.reason ?? name] = first?.message ?? '';
      await queue.close();
    }
    expect(said).toEqual({
      'signed-out': 'Sign in again to see it: the server did not accept this session.',
      'not-allowed': 'An operator may not read tasks, nor its files.',
      busy: 'The server asked for a pause; it is asked again in 2 s.',
      offline: 'Offline: it shows once the network is back.',
    });
  });

  it("reads another device's photo as the server's small thumbnail, and a file without one whole", async () => {
    const taker = device('thumbnail-taker');
    const picture = await taker.queue.capture('tasks', solidPng(1_000, 500), 'counter.png');
    const noise = await taker.queue.capture('tasks', photo(5_000), 'noise.jpg');
    await expect.poll(() => statusOf(taker.queue, picture.id), { timeout: 30_000 }).toBe('uploaded');
    await expect.poll(() => statusOf(taker.queue, noise.id), { timeout: 30_000 }).toBe('uploaded');

    const viewer = device('thumbnail-viewer');
    const thumbnail = await viewer.queue.read('tasks', picture.id, { size: 'thumbnail' });
    expect(thumbnail.type).toBe('image/webp');
    expect(thumbnail.size).toBeLessThan(picture.size);
    // the server has no thumbnail of bytes that are not a picture: the file itself comes instead
    expect(await sha256(await viewer.queue.read('tasks', noise.id, { size: 'thumbnail' }))).toBe(noise.sha256);
    // this device's own copy is whole
    expect(await sha256(await taker.queue.read('tasks', picture.id, { size: 'thumbnail' }))).toBe(picture.sha256);
    await Promise.all([taker.queue.close(), viewer.queue.close()]);
  });
});

/** A PNG of one colour, `width` x `height`, written by hand (8-bit RGB, one deflated IDAT). */
function solidPng(width: number, height: number): Blob {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([0x33, 0xaa, 0x77], 1 + x * 3);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]);
  return new Blob([png], { type: 'image/png' });
}
