// Files no document names are removed after a grace period, and nothing else: a real server on loopback takes the
// files, documents are written to its database as pushes leave them, and the sweep runs with its clock a day on (on
// disk and in PostgreSQL). A photo its order still lists stays, with its thumbnail; one taken off its order, one of
// a deleted order, one never attached and a half upload go; another tenant's documents keep nothing of this one's.
// The server runs the same sweep on its own, on an interval.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentsProperty, FILE_SHA256_HEADER, FILES_PATH, type PlainDocument } from '@syncline/protocol';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { DiskFileStore } from '../src/disk-file-store.js';
import type { FileStore } from '../src/file-store.js';
import { orphanSweep } from '../src/orphan-files.js';
import { PostgresFileStore } from '../src/postgres-file-store.js';
import type { SyncStorage } from '../src/storage/types.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { fileStores } from './engines.js';

const schemas = {
  orders: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      attachments: attachmentsProperty,
      updatedAt: { type: 'number' },
    },
    required: ['id'],
    files: { types: ['image/jpeg'], maxBytes: 1_000_000 },
  },
} as never;

const DAY_MS = 24 * 60 * 60 * 1000;

let jpeg: Uint8Array;
beforeAll(async () => {
  jpeg = new Uint8Array(
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#357' } })
      .jpeg()
      .toBuffer(),
  );
});

/** Uploads `bytes` (or its first `upTo` bytes) under `id` for `token`'s tenant; the answer's status. */
async function upload(server: TestServer, token: string, id: string, bytes: Uint8Array, upTo = bytes.length) {
  const response = await fetch(`${server.origin}${FILES_PATH}/orders/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'image/jpeg',
      'content-range': `bytes 0-${upTo - 1}/${bytes.length}`,
      [FILE_SHA256_HEADER]: createHash('sha256').update(bytes).digest('hex'),
    },
    body: bytes.slice(0, upTo),
  });
  return response.status;
}

const status = async (server: TestServer, token: string, path: string) =>
  (await fetch(`${server.origin}${FILES_PATH}/orders/${path}`, { headers: { authorization: `Bearer ${token}` } }))
    .status;

/** Documents as a push leaves them in the database: `files` names the ids each order lists. */
async function writeOrders(storage: SyncStorage, tenant: string, orders: Record<string, string[] | 'deleted'>) {
  await storage.transaction(tenant, async (tx) => {
    const docs = Object.entries(orders).map(([id, files]) => {
      const updatedAt = tx.nextUpdatedAt();
      const attachments = (files === 'deleted' ? ['deleted-order-photo'] : files).map((file) => ({
        id: file,
        name: `${file}.jpg`,
        type: 'image/jpeg',
        size: 1,
        sha256: '0'.repeat(64),
      }));
      const data = { id, attachments, updatedAt, _deleted: files === 'deleted' } as unknown as PlainDocument;
      return { id, updatedAt, deleted: files === 'deleted', data };
    });
    await tx.write('orders', docs);
  });
}

const stores = fileStores('orphan files in PostgreSQL');

describe.each(stores)('orphan files, files on $name', ({ options }) => {
  let server: TestServer;
  let storage: SyncStorage;
  let store: FileStore;

  beforeAll(async () => {
    server = await startTestServer({ collections: schemas, ...options });
    storage = await server.openStorage();
    // the same files as another process sees them
    store = server.databaseUrl
      ? new PostgresFileStore({ connectionString: server.databaseUrl, maxConnections: 2 })
      : new DiskFileStore(server.filesDir);
  });
  afterAll(async () => {
    await store?.close();
    await storage?.close();
    await server?.close();
  });

  it('removes past the grace period only the files no live document of their tenant names, and half uploads', async () => {
    const [shopA, shopB] = [await server.token('shop-a'), await server.token('shop-b')];
    // before any document names them, as a device uploads a photo before its order syncs
    for (const id of ['kept-photo', 'taken-off-photo', 'deleted-order-photo', 'never-attached']) {
      expect(await upload(server, shopA, id, jpeg)).toBe(201);
    }
    expect(await upload(server, shopA, 'half-upload', jpeg, jpeg.length >> 1)).toBe(200);
    expect(await upload(server, shopB, 'kept-photo', jpeg)).toBe(201);
    expect(await status(server, shopA, 'kept-photo?size=thumbnail')).toBe(200);
    const stray = server.databaseUrl ? null : join(server.filesDir, 'shop-a', 'orders', 'notes.txt');
    if (stray) writeFileSync(stray, 'an operator left this here');

    await writeOrders(storage, 'shop-a', {
      'order-1': ['kept-photo', 'taken-off-photo'],
      'order-2': 'deleted',
      'order-3': ['half-upload'],
    });
    // the photo comes off its order
    await writeOrders(storage, 'shop-a', { 'order-1': ['kept-photo'] });
    // shop-b names nothing of its own: shop-a's order naming "kept-photo" keeps only shop-a's

    const sweepAt = (now: number) =>
      orphanSweep({
        store,
        storage,
        collections: defineCollections(schemas),
        logger: pino({ level: 'silent' }),
        now: () => now,
      });
    // inside the grace period nothing goes
    expect(await sweepAt(Date.now()).sweep()).toBe(0);
    expect(await status(server, shopA, 'never-attached')).toBe(200);

    expect(await sweepAt(Date.now() + DAY_MS + 60_000).sweep()).toBe(5);
    expect(await status(server, shopA, 'kept-photo')).toBe(200);
    expect(await status(server, shopA, 'kept-photo?size=thumbnail')).toBe(200);
    for (const gone of ['taken-off-photo', 'deleted-order-photo', 'never-attached', 'half-upload']) {
      expect([gone, await status(server, shopA, gone)]).toEqual([gone, 404]);
    }
    expect(await status(server, shopB, 'kept-photo')).toBe(404);
    // the half upload starts again from its first byte
    expect(await upload(server, shopA, 'half-upload', jpeg, jpeg.length >> 1)).toBe(200);
    if (stray) expect(existsSync(stray)).toBe(true);
  });
});

describe('the server sweeping orphan files on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'syncline-orphans-'));
  let server: TestServer;
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('removes a file nothing names once its grace period is over, and keeps the one an order lists', async () => {
    server = await startTestServer({
      collections: schemas,
      serverOptions: { files: { directory: dir, orphans: { graceMs: 500, sweepEveryMs: 100 } } },
    });
    const token = await server.token('shop-a');
    const storage = await server.openStorage();
    await writeOrders(storage, 'shop-a', { 'order-1': ['listed-photo'] });
    await storage.close();
    expect(await upload(server, token, 'listed-photo', jpeg)).toBe(201);
    expect(await upload(server, token, 'unlisted-photo', jpeg)).toBe(201);

    await expect.poll(() => status(server, token, 'unlisted-photo'), { timeout: 20_000 }).toBe(404);
    expect(await status(server, token, 'listed-photo')).toBe(200);
  });
});
