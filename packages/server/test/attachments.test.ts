// Files documents carry, over the server's file routes: a real server on loopback, real files on disk, in
// PostgreSQL and in an S3 bucket (moto, signatures checked). A file is taken in chunks and resumed from the server's
// offset, served only whole, only to its tenant and the roles the collection allows; an image's thumbnail is made
// once and kept, upright as its EXIF says, of an animation's first frame; a file over the limit, of a type not
// allowed, or whose bytes are not what was declared is refused with a clear error; a tenant over its rate limit is
// slowed on them as on sync; an upload cut by a killed server resumes from what reached the disk; and one chunk PUT
// to two instances at once is taken once.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentsProperty, FILES_PATH } from '@syncline/protocol';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { signToken } from '../src/auth.js';
import { defineCollections } from '../src/collections.js';
import { PostgresFileStore } from '../src/postgres-file-store.js';
import { connectPostgres } from '../src/storage/postgres.js';
import { createPostgresSchema, startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { fileStores, sameFiles } from './engines.js';
import {
  expectChunkTakenOnce,
  expectServed,
  expectUploadAcross,
  get,
  holdFile,
  photo,
  put,
  sha256,
} from './file-uploads.js';
import { freePort, startServerProcess, stopProcess } from './processes.js';

const files = { types: ['image/jpeg', 'application/pdf', 'image/webp'], maxBytes: 200_000 };

const inspectionSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    note: { type: 'string' },
    attachments: attachmentsProperty,
    updatedAt: { type: 'number' },
  },
  required: ['id'],
  permissions: { read: ['owner', 'operator'], create: ['owner'], update: ['owner'] },
  files,
};

const roleToken = (tenant: string, role: string) => signToken({ secret: TEST_JWT_SECRET, tenant, role, ttl: '1h' });

const postgresUrl = inject('postgresUrl');
const stores = fileStores('file routes');

describe.each(stores)('file routes, files on $name', ({ options }) => {
  let server: TestServer;
  let owner: string;

  beforeAll(async () => {
    server = await startTestServer({ collections: { inspections: inspectionSchema as never }, ...options });
    owner = await server.token('shop-a');
  });
  afterAll(() => server.close());

  it("publish a collection's file rules with its schema, and name each problem in them at start", async () => {
    const published = (await (await fetch(`${server.origin}/sync/schemas`)).json()) as {
      collections: Record<string, { files?: unknown; schema: object }>;
    };
    expect(published.collections.inspections?.files).toEqual(files);
    expect(published.collections.inspections?.schema).not.toHaveProperty('files');

    const declaring = (rules: unknown, properties: object = inspectionSchema.properties) =>
      defineCollections({ inspections: { ...inspectionSchema, properties, files: rules } as never });
    expect(() => declaring({ types: [], maxBytes: 10 })).toThrow(
      'Collection "inspections": "files.types" must list media types such as "image/jpeg"; it is [].',
    );
    expect(() => declaring({ types: ['image/png'], maxBytes: 0 })).toThrow(/"files.maxBytes" must be a whole number/);
    expect(() => declaring({ types: ['image/png'], maxBytes: 10, thumbnails: true })).toThrow(
      '"files" has "thumbnails"; it takes field, types and maxBytes.',
    );
    expect(() => declaring({ types: ['image/png'], maxBytes: 10, field: 'photos' })).toThrow(
      '"files" lists files in "photos", which must be an array property of the schema (see attachmentsProperty).',
    );
  });

  it('take a file in chunks, say how much they hold, and serve it whole once it is complete', async () => {
    const bytes = photo(150_000);
    const upload = { origin: server.origin, token: owner, id: 'photo-chunks-1', bytes };

    expect(await (await put(upload)).json()).toEqual({ received: 0, complete: false });
    const first = await put(upload, 0, 60_000);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: 60_000, complete: false });
    // never a half file served
    expect((await get(server.origin, owner, upload.id)).status).toBe(404);

    // a retry of a chunk already there, or one ahead of the server, is told where the server's bytes end
    const behind = await put(upload, 0, 60_000);
    expect(behind.status).toBe(409);
    expect(await behind.json()).toMatchObject({
      received: 60_000,
      error: expect.stringMatching(/send from byte 60000/),
    });
    expect((await put(upload, 100_000)).status).toBe(409);

    expect(await (await put(upload)).json()).toEqual({ received: 60_000, complete: false });
    const last = await put(upload, 60_000);
    expect(last.status).toBe(201);
    expect(await last.json()).toEqual({ received: 150_000, complete: true });

    const served = await get(server.origin, owner, upload.id);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sha256(new Uint8Array(await served.arrayBuffer()))).toBe(sha256(bytes));

    // the same file again is done already; other bytes under its id are refused
    expect(await (await put(upload, 0, 10)).json()).toEqual({ received: 150_000, complete: true });
    const other = await put({ ...upload, bytes: photo(1_000) }, 0);
    expect(other.status).toBe(409);
    expect((await other.json()).error).toMatch(/already here with other content: attach the new file under a new id/);
  });

  it('keep each tenant to its own files, and each role to what the collection allows it', async () => {
    const bytes = photo(5_000);
    expect((await put({ origin: server.origin, token: owner, id: 'photo-tenant-1', bytes }, 0)).status).toBe(201);

    const otherShop = await server.token('shop-b');
    expect((await get(server.origin, otherShop, 'photo-tenant-1')).status).toBe(404);
    expect(await (await put({ origin: server.origin, token: otherShop, id: 'photo-tenant-1', bytes })).json()).toEqual({
      received: 0,
      complete: false,
    });

    const operator = await roleToken('shop-a', 'operator');
    expect((await get(server.origin, operator, 'photo-tenant-1')).status).toBe(200);
    const refusedUpload = await put({ origin: server.origin, token: operator, id: 'photo-tenant-2', bytes }, 0);
    expect(refusedUpload.status).toBe(403);
    expect((await refusedUpload.json()).error).toBe('An operator may not write inspections, nor upload its files.');
    const viewer = await roleToken('shop-a', 'viewer');
    expect((await get(server.origin, viewer, 'photo-tenant-1')).status).toBe(403);

    const anonymous = await fetch(`${server.origin}${FILES_PATH}/inspections/photo-tenant-1`);
    expect(anonymous.status).toBe(401);
    expect((await get(server.origin, owner, '../../etc')).status).toBe(404);
    expect((await fetch(`${server.origin}${FILES_PATH}/nothing/photo-tenant-1`)).status).toBe(404);
  });

  it("serve an image's thumbnail (WebP, 320 px on its longest side) to whom may read the file, and say why a file has none", async () => {
    const jpeg = new Uint8Array(
      await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7' } })
        .jpeg()
        .toBuffer(),
    );
    const upload = { origin: server.origin, token: owner, id: 'photo-thumb-1', bytes: jpeg };
    expect((await put(upload, 0)).status).toBe(201);

    const thumbnail = await get(server.origin, owner, `${upload.id}?size=thumbnail`);
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    expect(thumbnail.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const bytes = new Uint8Array(await thumbnail.arrayBuffer());
    expect(bytes.length).toBeLessThan(jpeg.length);
    const { format, width, height } = await sharp(bytes).metadata();
    expect({ format, width, height }).toEqual({ format: 'webp', width: 320, height: 213 });
    // made once and kept by the store: asked again, the server answers what the store holds, not a new one
    const key = { tenant: 'shop-a', collection: 'inspections', id: upload.id };
    const store = sameFiles(server);
    try {
      expect(sha256((await store.readThumbnail(key)) as Uint8Array)).toBe(sha256(bytes));
      const kept = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#f00' } })
        .webp()
        .toBuffer();
      await store.putThumbnail(key, kept);
    } finally {
      await store.close();
    }
    const again = new Uint8Array(await (await get(server.origin, owner, `${upload.id}?size=thumbnail`)).arrayBuffer());
    expect((await sharp(again).metadata()).width).toBe(8);

    // the file's own rules: another tenant finds nothing, a role that may not read is refused
    expect((await get(server.origin, await server.token('shop-b'), `${upload.id}?size=thumbnail`)).status).toBe(404);
    expect((await get(server.origin, await roleToken('shop-a', 'viewer'), `${upload.id}?size=thumbnail`)).status).toBe(
      403,
    );

    const pdf = new TextEncoder().encode('%PDF-1.7 a document, not a picture');
    expect((await put({ ...upload, id: 'report-thumb-1', bytes: pdf, type: 'application/pdf' }, 0)).status).toBe(201);
    const ofPdf = await get(server.origin, owner, 'report-thumb-1?size=thumbnail');
    expect(ofPdf.status).toBe(404);
    expect((await ofPdf.json()).error).toBe(
      'File "report-thumb-1" is application/pdf: only images have a thumbnail; fetch the file itself.',
    );

    // a JPEG by its first bytes, noise after them: no thumbnail, and the server goes on
    expect((await put({ ...upload, id: 'photo-noise-1', bytes: photo(3_000) }, 0)).status).toBe(201);
    const ofNoise = await get(server.origin, owner, 'photo-noise-1?size=thumbnail');
    expect(ofNoise.status).toBe(404);
    expect((await ofNoise.json()).error).toBe(
      'File "photo-noise-1" could not be read as an image, so it has no thumbnail; fetch the file itself.',
    );
    expect((await get(server.origin, owner, 'photo-noise-1')).status).toBe(200);

    const odd = await get(server.origin, owner, `${upload.id}?size=huge`);
    expect(odd.status).toBe(400);
    expect((await odd.json()).error).toBe('"size" may be thumbnail; without it the file itself is served.');
  });

  it('make the thumbnail of a photo taken on its side upright, as its EXIF orientation says', async () => {
    // stored 400 wide and 200 high, shown turned 90° clockwise (orientation 6): a portrait
    const sideways = await sharp({ create: { width: 400, height: 200, channels: 3, background: '#a53' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(sideways).metadata()).orientation).toBe(6);
    expect(
      (await put({ origin: server.origin, token: owner, id: 'photo-sideways-1', bytes: sideways }, 0)).status,
    ).toBe(201);

    const thumbnail = await get(server.origin, owner, 'photo-sideways-1?size=thumbnail');
    expect(thumbnail.status).toBe(200);
    const { width, height } = await sharp(new Uint8Array(await thumbnail.arrayBuffer())).metadata();
    expect({ width, height }).toEqual({ width: 160, height: 320 });
  });

  it('make the thumbnail of an animated image from its first frame only', async () => {
    const frame = (background: string) =>
      sharp({ create: { width: 64, height: 48, channels: 3, background } })
        .png()
        .toBuffer();
    // a red frame, then a blue one
    const animated = await sharp([await frame('#f00'), await frame('#00f')], { join: { animated: true } })
      .webp()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(2);
    const upload = { origin: server.origin, token: owner, id: 'photo-animated-1', bytes: animated, type: 'image/webp' };
    expect((await put(upload, 0)).status).toBe(201);

    const thumbnail = new Uint8Array(
      await (await get(server.origin, owner, 'photo-animated-1?size=thumbnail')).arrayBuffer(),
    );
    const { pages, width, height } = await sharp(thumbnail).metadata();
    expect({ pages: pages ?? 1, width, height }).toEqual({ pages: 1, width: 64, height: 48 });
    const [red, , blue] = (await sharp(thumbnail).stats()).channels;
    expect(red?.mean).toBeGreaterThan(200);
    expect(blue?.mean).toBeLessThan(50);
  });

  it('refuse a file over the limit, of a type not allowed, or whose bytes are not what was declared', async () => {
    const base = { origin: server.origin, token: owner };
    const tooBig = await put({ ...base, id: 'photo-big-1', bytes: photo(200_001) }, 0, 10);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).error).toBe('This file is 0.2 MB; files here can be at most 0.2 MB.');

    const gif = await put({ ...base, id: 'photo-gif-1', bytes: photo(100), type: 'image/gif' }, 0);
    expect(gif.status).toBe(415);
    expect((await gif.json()).error).toBe(
      'This file is of type image/gif; attach one of image/jpeg, application/pdf, image/webp.',
    );

    // declared a PDF, holds a JPEG: refused once its bytes are in, and nothing kept
    const disguised = await put({ ...base, id: 'photo-pdf-1', bytes: photo(100), type: 'application/pdf' }, 0);
    expect(disguised.status).toBe(415);
    expect((await disguised.json()).error).toBe(
      "The file's content is not application/pdf, as it was declared; nothing was kept.",
    );
    expect((await get(server.origin, owner, 'photo-pdf-1')).status).toBe(404);

    const garbled = await put({ ...base, id: 'photo-sha-1', bytes: photo(100), digest: 'a'.repeat(64) }, 0);
    expect(garbled.status).toBe(422);
    expect((await garbled.json()).error).toMatch(/do not match the SHA-256 declared .*send the file again/);
    expect(await (await put({ ...base, id: 'photo-sha-1', bytes: photo(100), digest: 'a'.repeat(64) })).json()).toEqual(
      {
        received: 0,
        complete: false,
      },
    );
  });
});

describe('file routes under a tenant rate limit', () => {
  let server: TestServer;

  beforeAll(async () => {
    // a burst of 3, then one request a second
    server = await startTestServer({
      collections: { inspections: inspectionSchema as never },
      serverOptions: { limits: { tenantRate: 1, tenantBurst: 3 } },
    });
  });
  afterAll(() => server?.close());

  it('answer a tenant over its limit 429 with Retry-After and the reason, from the bucket GraphQL uses too; other tenants go on', async () => {
    const shopA = await server.token('shop-a');
    const upload = { origin: server.origin, token: shopA, id: 'limited-photo', bytes: photo(1_000) };
    // twenty at once: the burst goes through, the rest are refused (a token a second comes back meanwhile, at most)
    const answers = await Promise.all(Array.from({ length: 20 }, () => put(upload)));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(10);
    const first = limited[0] as Response;
    expect(Number(first.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await first.json()) as { error: string; code: string };
    expect(body.code).toBe('RATE_LIMITED');
    expect(body.error).toMatch(/^Too many requests from this tenant: .*nothing was lost, send the same request again/);

    // GraphQL and files share one bucket per tenant: sync requests made now are refused as well
    const graphql = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${server.origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${shopA}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        }),
      ),
    );
    expect(graphql.filter((answer) => answer.status === 429).length).toBeGreaterThan(5);

    // another tenant has its own bucket
    const shopB = await server.token('shop-b');
    expect((await put({ ...upload, token: shopB })).status).toBe(200);
  });
});

describe('an upload cut by a killed server', () => {
  const running = new Set<ChildProcess>();
  const dir = mkdtempSync(join(tmpdir(), 'syncline-files-kill-'));
  afterEach(async () => {
    await Promise.all([...running].map((child) => stopProcess(child, 'SIGKILL')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes from the bytes that reached the disk, and the file is whole', async () => {
    writeFileSync(join(dir, 'schemas.json'), JSON.stringify({ inspections: inspectionSchema }));
    const port = await freePort();
    const args = ['--port', String(port), '--db', join(dir, 'sync.sqlite'), '--schema', join(dir, 'schemas.json')];
    const env = { SYNCLINE_JWT_SECRET: TEST_JWT_SECRET };
    const origin = `http://127.0.0.1:${port}`;
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'shop-a', ttl: '1h' });
    const upload = { origin, token, id: 'photo-killed-1', bytes: photo(180_000) };

    const { child } = await startServerProcess(args, { cwd: dir, env, running });
    expect((await put(upload, 0, 90_000)).status).toBe(200);
    expect(await stopProcess(child, 'SIGKILL')).toBe(null);

    await startServerProcess(args, { cwd: dir, env, running });
    expect(await (await put(upload)).json()).toEqual({ received: 90_000, complete: false });
    expect((await get(origin, token, upload.id)).status).toBe(404);
    expect((await put(upload, 90_000)).status).toBe(201);
    const served = new Uint8Array(await (await get(origin, token, upload.id)).arrayBuffer());
    expect(sha256(served)).toBe(sha256(upload.bytes));
  });
});

describe.runIf(postgresUrl)('files in PostgreSQL, served by two server processes', () => {
  const running = new Set<ChildProcess>();
  const dir = mkdtempSync(join(tmpdir(), 'syncline-files-pg-'));
  let schema: { url: string; drop: () => Promise<void> } | undefined;
  afterAll(async () => {
    await Promise.all([...running].map((child) => stopProcess(child, 'SIGKILL')));
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('take half a file on A and the rest on B, serve it whole from either, and only to its tenant', async () => {
    schema = await createPostgresSchema(postgresUrl as string);
    writeFileSync(join(dir, 'schemas.json'), JSON.stringify({ inspections: inspectionSchema }));
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { SYNCLINE_JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: schema.url };
    const start = (port: number) =>
      startServerProcess(['--port', String(port), '--schema', join(dir, 'schemas.json')], { cwd: dir, env, running });
    const [a] = await Promise.all([start(portA), start(portB)]);
    expect(a.banner).toMatch(/files in the database/);
    const [originA, originB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'shop-a', ttl: '1h' });
    const otherShop = await signToken({ secret: TEST_JWT_SECRET, tenant: 'shop-b', ttl: '1h' });
    await expectUploadAcross(originA, originB, token, otherShop);
  });
});

describe.runIf(postgresUrl)('files in PostgreSQL, one chunk PUT to two instances at once', () => {
  const servers: TestServer[] = [];
  let holder: PostgresFileStore | undefined;
  afterAll(async () => {
    await holder?.close();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('take the chunk once, tell the other upload where the bytes end, and serve one whole file', async () => {
    const collections = { inspections: inspectionSchema as never };
    const a = await startTestServer({ collections, postgresUrl: postgresUrl as string, fileStore: 'postgres' });
    servers.push(a);
    const databaseUrl = a.databaseUrl as string;
    // another instance on the same files: its own in-process queue, so only PostgreSQL's lock keeps them apart
    const b = await startTestServer({
      collections,
      serverOptions: { files: { store: new PostgresFileStore({ connectionString: databaseUrl, maxConnections: 2 }) } },
    });
    servers.push(b);
    const token = await a.token('shop-a');
    const bytes = photo(120_000);
    const id = 'photo-raced-1';

    // a third process holds the file's lock, so both PUTs reach it before either writes
    holder = new PostgresFileStore({ connectionString: databaseUrl, maxConnections: 2 });
    const lock = await holdFile(holder, { tenant: 'shop-a', collection: 'inspections', id });
    const answers = Promise.all([a, b].map((server) => put({ origin: server.origin, token, id, bytes }, 0, 60_000)));
    const waiting = connectPostgres<unknown>({ connectionString: databaseUrl, maxConnections: 1 });
    try {
      // both PUTs wait on the same advisory lock in this run's database
      await expect
        .poll(
          async () =>
            Number(
              (
                await sql<{ waiting: string }>`select count(*) as waiting from pg_locks
                  where locktype = 'advisory' and not granted
                  and database = (select oid from pg_database where datname = current_database())`.execute(waiting)
              ).rows[0]?.waiting,
            ),
          { timeout: 20_000 },
        )
        .toBe(2);
    } finally {
      await waiting.destroy();
    }
    await lock.release();
    await expectChunkTakenOnce(await answers, 60_000);

    expect((await put({ origin: b.origin, token, id, bytes }, 60_000)).status).toBe(201);
    await expectServed(a.origin, token, id, bytes);
  });
});
