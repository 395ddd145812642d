// The upload queue against a real sync server: a file the collection would not take is refused on the device
// before anything is kept or sent; a file captured while the server is unreachable is kept (across a reload too)
// and uploaded when it is back; an upload cut half-way by a dropped server resumes from the server's bytes, and
// another device reads the same file. IndexedDB is fake-indexeddb's, the server and its disk are real.
import { createHash, randomBytes } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { indexedDB } from 'fake-indexeddb';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AttachmentQueue, AttachmentRejectedError, attachmentsProperty, createAttachmentQueue } from '../src';
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

/** The queue of one device, its requests' ranges written down as they leave. */
function device(name: string, extra: { chunkBytes?: number } = {}) {
  const ranges: string[] = [];
  const queue = createAttachmentQueue({
    origin: server.origin,
    token,
    collections,
    name,
    indexedDB,
    backoff: { initialMs: 50, maxMs: 400 },
    ...extra,
    fetch: (input, init) => {
      const range = new Headers(init?.headers).get('content-range');
      if (range) ranges.push(range);
      return fetch(input, init);
    },
  });
  return { queue, ranges };
}

const statusOf = (queue: AttachmentQueue, id: string) => queue.state('tasks', id)?.status;

describe('attachments on a device', () => {
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
