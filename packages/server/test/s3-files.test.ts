// Files kept in an S3 bucket (moto_server playing S3, every request's signature checked but where a suite says
// otherwise), as a scaled-out deployment runs them: two `syncline-server` processes share one bucket (half a file
// on one, the rest on the other, served by either, only to its tenant); one chunk PUT to two instances at once is
// taken once, the other told where the bytes end; a file over 16 MiB is assembled by multipart upload and comes back
// with its SHA-256; the command refuses a bucket that is not there, a key the store refuses and a wrong signature,
// saying what to set; and while the store is stalled or killed, uploads and downloads answer 503 with Retry-After,
// then go on once it is back.
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth.js';
import type { FileKey } from '../src/file-store.js';
import { S3FileStore } from '../src/s3-file-store.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { requireS3 } from './engines.js';
import {
  expectChunkTakenOnce,
  expectServed,
  expectUploadAcross,
  get,
  holdFile,
  photo,
  photoCollection,
  put,
} from './file-uploads.js';
import { freePort, type Moto, runCommand, startMoto, startServerProcess, stopProcess } from './processes.js';

const collections = { inspections: photoCollection(40_000_000) as never };

const tokenFor = (tenant: string) => signToken({ secret: TEST_JWT_SECRET, tenant, ttl: '1h' });

const s3 = requireS3('files in an S3 bucket');

describe.runIf(s3)('files in an S3 bucket, through the syncline-server command', () => {
  const running = new Set<ChildProcess>();
  const dir = mkdtempSync(join(tmpdir(), 'syncline-files-s3-'));
  const place = s3 as NonNullable<typeof s3>;
  const credentials = { AWS_ACCESS_KEY_ID: place.accessKeyId, AWS_SECRET_ACCESS_KEY: place.secretAccessKey };
  const flags = (prefix: string, bucket = place.bucket) => [
    '--schema',
    join(dir, 'schemas.json'),
    '--files-store',
    's3',
    '--s3-endpoint',
    place.endpoint,
    '--s3-bucket',
    bucket,
    '--s3-prefix',
    prefix,
  ];
  beforeAll(() => writeFileSync(join(dir, 'schemas.json'), JSON.stringify(collections)));
  afterEach(async () => {
    await Promise.all([...running].map((child) => stopProcess(child, 'SIGKILL')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('take half a file on A and the rest on B, serve it whole from either, only to its tenant, and never print the key', async () => {
    const prefix = `shared-${randomUUID().slice(0, 8)}`;
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { SYNCLINE_JWT_SECRET: TEST_JWT_SECRET, ...credentials };
    const start = (port: number, db: string) =>
      startServerProcess(['--port', String(port), '--db', join(dir, db), ...flags(prefix)], {
        cwd: dir,
        env,
        running,
      });
    const [a] = await Promise.all([start(portA, 'a.sqlite'), start(portB, 'b.sqlite')]);
    expect(a.banner).toContain(`files in s3 bucket "${place.bucket}" at ${place.endpoint}/ under ${prefix}/`);
    expect(a.banner).not.toContain(place.secretAccessKey);
    expect(a.banner).not.toContain(place.accessKeyId);

    const [originA, originB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    // tenant names with ":" and "@", which the store's keys spell plainly (moto's signature checks trip on them)
    await expectUploadAcross(originA, originB, await tokenFor('shop:a@north'), await tokenFor('shop:b@north'));
  });

  it('refuse to start on a bucket that is not there, a key the store does not know, or a wrong secret, saying what to set', async () => {
    const env = { SYNCLINE_JWT_SECRET: TEST_JWT_SECRET };
    const db = ['--db', join(dir, 'refused.sqlite')];
    const noBucket = await runCommand([...db, ...flags('x', 'no-such-bucket')], {
      cwd: dir,
      env: { ...env, ...credentials },
    });
    expect(noBucket.code).toBe(1);
    expect(noBucket.stderr).toContain(
      `The bucket "no-such-bucket" does not exist at ${place.endpoint}/: create it, or set --s3-bucket to one that does. Nothing was started.`,
    );

    const unknownKey = await runCommand([...db, ...flags('x')], {
      cwd: dir,
      env: { ...env, AWS_ACCESS_KEY_ID: 'AKIANOBODYKNOWS00000', AWS_SECRET_ACCESS_KEY: 'not-a-secret-of-moto' },
    });
    expect(unknownKey.code).toBe(1);
    expect(unknownKey.stderr).toMatch(
      /refused the credentials for bucket "syncline-test" \(HTTP 403\): check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and --s3-region/,
    );

    // the right key signed with the wrong secret: moto checks the signature, and the server says so at start
    const wrongSecret = await runCommand([...db, ...flags('x')], {
      cwd: dir,
      env: { ...env, ...credentials, AWS_SECRET_ACCESS_KEY: `${place.secretAccessKey}x` },
    });
    expect(wrongSecret.code).toBe(1);
    expect(wrongSecret.stderr).toMatch(/refused the credentials .*HTTP 403/);
    expect(wrongSecret.stderr).not.toContain(place.secretAccessKey);
  });
});

describe.runIf(s3)('files in an S3 bucket, one chunk PUT to two instances at once', () => {
  const servers: TestServer[] = [];
  let release = async () => {};
  afterAll(async () => {
    await release();
    await Promise.all(servers.map((server) => server.close()));
  });

  it('take the chunk once, tell the other upload where the bytes end, and serve one whole file', async () => {
    const place = { ...(s3 as NonNullable<typeof s3>), prefix: `raced-${randomUUID().slice(0, 8)}` };
    const id = 'photo-raced-1';
    // each instance says when it finds the file's lock held by another; each has its own in-process queue, so only
    // the lock object in the bucket keeps them apart
    const waiting = new Set<string>();
    let bothWaiting = () => {};
    const bothWaitingNow = new Promise<void>((resolve) => {
      bothWaiting = resolve;
    });
    const instance = async (name: string) => {
      const store = new S3FileStore({
        ...place,
        onLockBusy: (key: FileKey) => {
          if (key.id !== id) return;
          waiting.add(name);
          if (waiting.size === 2) bothWaiting();
        },
      });
      const server = await startTestServer({ collections, serverOptions: { files: { store } } });
      servers.push(server);
      return server;
    };
    const [a, b] = [await instance('A'), await instance('B')];
    const token = await a.token('shop-a');
    const bytes = photo(120_000);

    // a third process holds the file's lock, so both PUTs reach it before either writes
    const lock = await holdFile(new S3FileStore(place), { tenant: 'shop-a', collection: 'inspections', id });
    release = lock.release;
    const answers = Promise.all([a, b].map((server) => put({ origin: server.origin, token, id, bytes }, 0, 60_000)));
    await bothWaitingNow;
    await lock.release();
    await expectChunkTakenOnce(await answers, 60_000);

    expect((await put({ origin: b.origin, token, id, bytes }, 60_000)).status).toBe(201);
    await expectServed(a.origin, token, id, bytes);
  });
});

describe.runIf(s3)('a file over 16 MiB in an S3 bucket', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ collections, fileStore: 's3', s3: s3 as NonNullable<typeof s3> });
  });
  afterAll(() => server?.close());

  it('is taken in 8 MiB chunks, assembled by multipart upload, and comes back byte for byte', async () => {
    const token = await server.token('shop-a');
    const bytes = photo(17 * 1024 * 1024 + 12_345);
    const upload = { origin: server.origin, token, id: 'photo-large-1', bytes };
    const chunk = 8 * 1024 * 1024;
    for (let first = 0; first < bytes.length; first += chunk) {
      const end = Math.min(first + chunk, bytes.length);
      const answer = await put(upload, first, end);
      expect(await answer.json()).toEqual({ received: end, complete: end === bytes.length });
    }
    await expectServed(server.origin, token, upload.id, bytes);
  });
});

// A moto of its own, which this suite stalls and kills. Its signatures are not checked: a restarted moto has
// forgotten the IAM user (and key) it made, and the server keeps the key it started with.
describe.runIf(s3)('while the S3 store is stalled or killed', () => {
  let moto: Moto;
  let server: TestServer;
  beforeAll(async () => {
    moto = await startMoto({ checkSignatures: false });
    // a stalled store counts as unreachable after 1.5 s (30 s by default)
    server = await startTestServer({ collections, fileStore: 's3', s3: { ...moto.s3, timeoutMs: 1_500 } });
  });
  afterAll(async () => {
    moto?.child.kill('SIGCONT');
    await server?.close();
    await stopProcess(moto.child, 'SIGKILL');
  });

  const refusedForNow = async (answer: Response) => {
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('5');
    expect(await answer.json()).toEqual({
      error:
        'The server cannot reach its file store just now; nothing it holds was lost: send the same request again in 5 seconds.',
      code: 'FILE_STORE_UNAVAILABLE',
    });
  };

  it('answer 503 with Retry-After, lose nothing while it is stalled, and go on once it is back or restarted', async () => {
    const token = await server.token('shop-a');
    const whole = { origin: server.origin, token, id: 'photo-before-1', bytes: photo(40_000) };
    expect((await put(whole, 0)).status).toBe(201);
    const half = { origin: server.origin, token, id: 'photo-cut-1', bytes: photo(100_000) };
    expect((await put(half, 0, 50_000)).status).toBe(200);

    // stalled: every request times out
    moto.child.kill('SIGSTOP');
    await refusedForNow(await put(half, 50_000));
    await refusedForNow(await get(server.origin, token, whole.id));
    moto.child.kill('SIGCONT');
    // back: the whole file is there, the half one goes on from where the server's bytes end
    await expectServed(server.origin, token, whole.id, whole.bytes);
    const { received } = (await (await put(half)).json()) as { received: number };
    expect((await put(half, received)).status).toBe(201);
    await expectServed(server.origin, token, half.id, half.bytes);

    // killed: refused at once, uploads and downloads alike
    await stopProcess(moto.child, 'SIGKILL');
    const next = { origin: server.origin, token, id: 'photo-after-1', bytes: photo(30_000) };
    await refusedForNow(await put(next, 0));
    await refusedForNow(await put(next));
    await refusedForNow(await get(server.origin, token, whole.id));

    // restarted on the same port (moto keeps nothing across a restart): the device's retry lands
    moto = await startMoto({ port: moto.port, checkSignatures: false });
    expect((await put(next, 0)).status).toBe(201);
    await expectServed(server.origin, token, next.id, next.bytes);
  });
});
