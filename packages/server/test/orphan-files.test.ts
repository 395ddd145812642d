// Files no document names are removed after a grace period, and nothing else: a real server on loopback takes the
// files, documents are written to its database as pushes leave them (or pushed over GraphQL), and the sweep runs
// with its clock days on (on disk and in PostgreSQL). A half upload goes after a day; a complete photo nothing names
// yet stays for 30 days, so a device that pushes its order two days after the photo finished uploading still finds
// it; then one taken off its order, one of a deleted order and one never attached go, while a photo its order lists
// stays, with its thumbnail, and another tenant's documents keep nothing of this one's. An order pushed while the
// sweep runs, between its reading of the documents and its removing of the file, keeps the file. The server runs the
// same sweep on its own, on an interval.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FILE_SHA256_HEADER, FILES_PATH, type PlainDocument } from '@syncline/protocol';
import { AwsClient } from 'aws4fetch';
import { pino } from 'pino';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import type { FileKey, FileStore } from '../src/file-store.js';
import { type OrphanFileOptions, orphanSweep } from '../src/orphan-files.js';
import type { SyncStorage } from '../src/storage/types.js';
import { startTestServer, type TestServer } from '../src/testing.js';
import { fileStores, sameFiles } from './engines.js';
import { photoCollection } from './file-uploads.js';
import { bearer, gql } from './helpers.js';

const schemas = { orders: photoCollection(1_000_000) } as never;

const DAY_MS = 24 * 60 * 60 * 1000;

let jpeg: Uint8Array;
beforeAll(async () => {
  jpeg = new Uint8Array(
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#357' } })
      .jpeg()
      .toBuffer(),
  );
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads `bytes` (or its first `upTo` bytes) under `id` for `token`'s tenant; the answer's status. */
async function upload(server: TestServer, token: string, id: string, bytes: Uint8Array, upTo = bytes.length) {
  const response = await fetch(`${server.origin}${FILES_PATH}/orders/${id}`, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'image/jpeg',
      'content-range': `bytes 0-${upTo - 1}/${bytes.length}`,
      [FILE_SHA256_HEADER]: sha256(bytes),
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

/** Pushes orders over GraphQL, as a device's replication does: each lists the photos named. */
async function pushOrders(server: TestServer, token: string, orders: Record<string, string[]>) {
  const rows = Object.entries(orders).map(([id, files]) => ({
    newDocumentState: {
      id,
      attachments: files.map((file) => ({
        id: file,
        name: `${file}.jpg`,
        type: 'image/jpeg',
        size: jpeg.length,
        sha256: sha256(jpeg),
      })),
      updatedAt: 0,
      _deleted: false,
    },
  }));
  const answer = await gql(
    server.url,
    'mutation($rows: [OrdersInputPushRow!]) { pushOrders(ordersPushRow: $rows) { id } }',
    { rows },
    bearer(token),
  );
  expect(answer.errors).toBeUndefined();
}

/** The file as a client downloads it: its status and the SHA-256 of its bytes. */
async function served(server: TestServer, token: string, id: string) {
  const response = await fetch(`${server.origin}${FILES_PATH}/orders/${id}`, { headers: bearer(token) });
  return { status: response.status, sha256: response.ok ? sha256(new Uint8Array(await response.arrayBuffer())) : null };
}

/** Something an operator left among the server's files (in its folder, or under its S3 prefix), which no sweep touches. */
function strayFile(server: TestServer) {
  if (server.s3) {
    const { endpoint, bucket, prefix } = server.s3;
    const client = new AwsClient({ ...server.s3, service: 's3', retries: 0 });
    const url = `${endpoint}/${bucket}/${prefix}/shop-a/orders/notes.txt`;
    return {
      write: async () => void (await client.fetch(url, { method: 'PUT', body: 'an operator left this here' })),
      there: async () => (await client.fetch(url, { method: 'HEAD' })).status === 200,
    };
  }
  if (server.databaseUrl) return null;
  const path = join(server.filesDir, 'shop-a', 'orders', 'notes.txt');
  return { write: async () => writeFileSync(path, 'an operator left this here'), there: async () => existsSync(path) };
}

const stores = fileStores('orphan files');

describe.each(stores)('orphan files, files on $name', ({ options }) => {
  let server: TestServer;
  let storage: SyncStorage;
  let store: FileStore;

  beforeAll(async () => {
    server = await startTestServer({ collections: schemas, ...options });
    storage = await server.openStorage();
    store = sameFiles(server);
  });
  afterAll(async () => {
    await store?.close();
    await storage?.close();
    await server?.close();
  });

  /** The sweep as the server runs it, its clock at `now`. */
  const sweepAt = (now: number, options?: OrphanFileOptions, beforeRemoving?: (key: FileKey) => Promise<void>) =>
    orphanSweep(
      {
        store,
        storage,
        collections: defineCollections(schemas),
        logger: pino({ level: 'silent' }),
        now: () => now,
        ...(beforeRemoving ? { beforeRemoving } : {}),
      },
      options,
    );

  it('removes past the grace period only the files no live document of their tenant names, and half uploads', async () => {
    const [shopA, shopB] = [await server.token('shop-a'), await server.token('shop-b')];
    // before any document names them, as a device uploads a photo before its order syncs
    for (const id of ['kept-photo', 'taken-off-photo', 'deleted-order-photo', 'never-attached']) {
      expect(await upload(server, shopA, id, jpeg)).toBe(201);
    }
    expect(await upload(server, shopA, 'half-upload', jpeg, jpeg.length >> 1)).toBe(200);
    expect(await upload(server, shopB, 'kept-photo', jpeg)).toBe(201);
    expect(await status(server, shopA, 'kept-photo?size=thumbnail')).toBe(200);
    const stray = strayFile(server);
    await stray?.write();

    await writeOrders(storage, 'shop-a', {
      'order-1': ['kept-photo', 'taken-off-photo'],
      'order-2': 'deleted',
      'order-3': ['half-upload'],
    });
    // the photo comes off its order
    await writeOrders(storage, 'shop-a', { 'order-1': ['kept-photo'] });
    // shop-b names nothing of its own: shop-a's order naming "kept-photo" keeps only shop-a's

    // inside the grace period nothing goes
    expect(await sweepAt(Date.now()).sweep()).toBe(0);
    expect(await status(server, shopA, 'never-attached')).toBe(200);

    // two days on, only the half upload: a complete photo may still be named by an order a device pushes late
    expect(await sweepAt(Date.now() + 2 * DAY_MS).sweep()).toBe(1);
    expect(await status(server, shopA, 'never-attached')).toBe(200);
    // the half upload starts again from its first byte (its order names it: a half file is never served anyway)
    expect(await upload(server, shopA, 'half-upload', jpeg, jpeg.length >> 1)).toBe(200);

    // past 30 days the complete files nothing names go too, and the half upload sent again meanwhile
    expect(await sweepAt(Date.now() + 30 * DAY_MS + 60_000).sweep()).toBe(5);
    expect(await status(server, shopA, 'kept-photo')).toBe(200);
    expect(await status(server, shopA, 'kept-photo?size=thumbnail')).toBe(200);
    for (const gone of ['taken-off-photo', 'deleted-order-photo', 'never-attached', 'half-upload']) {
      expect([gone, await status(server, shopA, gone)]).toEqual([gone, 404]);
    }
    expect(await status(server, shopB, 'kept-photo')).toBe(404);
    if (stray) expect(await stray.there()).toBe(true);
  });

  it('keeps a file whose order is pushed while the sweep runs, after it read the documents and before it removes', async () => {
    const token = await server.token('shop-mid');
    for (const id of ['photo-pushed-mid-sweep', 'photo-nothing-names'])
      expect(await upload(server, token, id, jpeg)).toBe(201);
    const pushedFor: string[] = [];
    const oneDay = { graceMs: DAY_MS, completeGraceMs: DAY_MS };
    const removed = await sweepAt(Date.now() + 2 * DAY_MS, oneDay, async (key) => {
      // the sweep has read every order of the shop and found nothing naming the photo; a device pushes one now
      if (key.id !== 'photo-pushed-mid-sweep') return;
      await pushOrders(server, token, { 'order-mid': ['photo-pushed-mid-sweep'] });
      pushedFor.push(key.id);
    }).sweep();

    expect(pushedFor).toEqual(['photo-pushed-mid-sweep']);
    expect(removed).toBe(1);
    expect(await served(server, token, 'photo-pushed-mid-sweep')).toEqual({ status: 200, sha256: sha256(jpeg) });
    expect((await served(server, token, 'photo-nothing-names')).status).toBe(404);
  });

  it('keeps a complete photo for 30 days by default, so an order pushed two days after its upload still finds it', async () => {
    const token = await server.token('shop-late');
    expect(await upload(server, token, 'photo-pushed-late', jpeg)).toBe(201);
    // the tablet went offline for two days once the photo was up; the server swept meanwhile
    expect(await sweepAt(Date.now() + 2 * DAY_MS).sweep()).toBe(0);
    await pushOrders(server, token, { 'order-late': ['photo-pushed-late'] });
    expect(await sweepAt(Date.now() + 60 * DAY_MS).sweep()).toBe(0);
    expect(await served(server, token, 'photo-pushed-late')).toEqual({ status: 200, sha256: sha256(jpeg) });
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
      serverOptions: {
        files: { directory: dir, orphans: { graceMs: 500, completeGraceMs: 500, sweepEveryMs: 100 } },
      },
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
