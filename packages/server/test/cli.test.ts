// The `syncline-server` command as a person runs it, in its own process: help, secrets and tokens, refusals,
// a stock RxDB client built only from `GET /sync/schemas`, and a crash (SIGKILL) and restart on the same file.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSchemas } from '../src/server.js';
import { bearer, createRxClient, eventually, gql, type RxClient } from './helpers.js';
import { freePort, runCommand, startServerProcess, stopProcess } from './processes.js';

const SECRET = 'cli-test-secret-0123456789-0123456789-abcdef';
let dir: string;
const running = new Set<ChildProcess>();
const clients: RxClient[] = [];

/** Runs the command to completion. */
const run = (args: string[], env: Record<string, string | undefined> = {}) => runCommand(args, { cwd: dir, env });

const start = (args: string[], env: Record<string, string | undefined> = {}) =>
  startServerProcess(args, { cwd: dir, env, running });
const stop = stopProcess;

const claims = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'syncline-cli-'));
});

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  for (const child of running) await stop(child, 'SIGKILL');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('syncline-server', () => {
  it('documents every flag and variable in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const word of [
      '--host',
      '--port',
      '--db',
      '--database-url',
      '--redis-url',
      '--schema',
      '--synchronous',
      '--files-dir',
      '--files-store',
      '--s3-endpoint',
      '--s3-bucket',
      '--s3-region',
      '--s3-prefix',
      'SYNCLINE_S3_ENDPOINT',
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      '--orphan-grace',
      '--orphan-file-grace',
      'SYNCLINE_ORPHAN_FILE_GRACE_DAYS',
      '--body-limit',
      '--cors-origin',
      'token --tenant',
      '--sub',
      '--ttl',
      'SYNCLINE_JWT_SECRET',
      'NODE_ENV=production',
    ]) {
      expect(stdout).toContain(word);
    }
  });

  it('refuses to start in production without SYNCLINE_JWT_SECRET', async () => {
    const { code, stderr } = await run(['--db', join(dir, 'prod.sqlite')], { NODE_ENV: 'production' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/SYNCLINE_JWT_SECRET is not set, and NODE_ENV=production: refusing to start/);
  });

  it('refuses a database or Redis it cannot reach, without printing the password', async () => {
    // independent refusals, run side by side
    const [pg, redis, mysql] = await Promise.all([
      run(['--database-url', 'postgres://ana:hunter2@127.0.0.1:1/sync']),
      run(['--db', join(dir, 'redis.sqlite')], { REDIS_URL: 'redis://:hunter2@127.0.0.1:1' }),
      run([], { DATABASE_URL: 'mysql://localhost/x' }),
    ]);
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(/Cannot reach PostgreSQL at postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/sync/);
    expect(pg.stderr).toMatch(/Nothing was started/);
    expect(pg.stderr).not.toContain('hunter2');
    expect(redis.code).toBe(1);
    expect(redis.stderr).toMatch(/Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/);
    expect(redis.stderr).not.toContain('hunter2');
    expect(mysql.code).toBe(1);
    expect(mysql.stderr).toMatch(/must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('refuses an audit retention that is not a whole number of days, from the flag or the environment', async () => {
    const [zero, words] = await Promise.all([
      run(['--db', join(dir, 'audit.sqlite'), '--audit-retention', '0']),
      run(['--db', join(dir, 'audit.sqlite')], { SYNCLINE_AUDIT_RETENTION_DAYS: 'a year' }),
    ]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/--audit-retention \(SYNCLINE_AUDIT_RETENTION_DAYS\) must be at least 1\./);
    expect(words.code).toBe(1);
    expect(words.stderr).toMatch(/must be a whole number, not "a year"/);
  });

  it('refuses a files store it cannot use, and orphan graces that do not fit', async () => {
    const db = join(dir, 'files.sqlite');
    const s3 = ['--db', db, '--files-store', 's3', '--s3-endpoint', 'http://127.0.0.1:1', '--s3-bucket', 'photos'];
    const [nowhere, bare, noSecret, onCommandLine, s3Elsewhere, badPrefix, unreachable, noDatabase, zero, shorter] =
      await Promise.all([
        run(['--db', db, '--files-store', 'cloud']),
        run(['--db', db, '--files-store', 's3']),
        run(['--db', db, '--s3-endpoint', 'http://127.0.0.1:1', '--s3-bucket', 'photos'], {
          SYNCLINE_FILES_STORE: 's3',
          AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        }),
        run(['--db', db, '--files-store', 's3', '--s3-secret-access-key', 'hunter2']),
        run(['--db', db, '--s3-bucket', 'photos']),
        run(s3, { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', SYNCLINE_S3_PREFIX: '/files/' }),
        run(s3, { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'hunter2-secret' }),
        run(['--db', db], { SYNCLINE_FILES_STORE: 'postgres' }),
        run(['--db', db, '--orphan-grace', '0']),
        run(['--db', db, '--orphan-grace', '72'], { SYNCLINE_ORPHAN_FILE_GRACE_DAYS: '2' }),
      ]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toMatch(
      /--files-store \(SYNCLINE_FILES_STORE\) must be disk, postgres or s3, not "cloud"\./,
    );
    // S3 names what is missing, and takes credentials only from the environment
    expect(bare.code).toBe(1);
    expect(bare.stderr).toContain(
      '--files-store s3 keeps files in a bucket of an S3-compatible store: set --s3-endpoint (SYNCLINE_S3_ENDPOINT), --s3-bucket (SYNCLINE_S3_BUCKET), AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY. Nothing was started.',
    );
    expect(noSecret.stderr).toMatch(/set AWS_SECRET_ACCESS_KEY\. Nothing was started\./);
    expect(onCommandLine.code).toBe(1);
    expect(onCommandLine.stderr).toMatch(/Unknown option '--s3-secret-access-key'/);
    expect(s3Elsewhere.stderr).toMatch(/--s3-bucket only apply with --files-store s3\./);
    expect(badPrefix.stderr).toMatch(/The S3 prefix "\/files\/" may hold letters, digits/);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /The S3 store at http:\/\/127\.0\.0\.1:1\/? cannot be reached .* Check --s3-endpoint .* Nothing was started\./,
    );
    expect(unreachable.stderr).not.toContain('hunter2');
    expect(noDatabase.stderr).toMatch(/--files-store postgres keeps files in the database: give --database-url/);
    expect(zero.stderr).toMatch(/--orphan-grace \(SYNCLINE_ORPHAN_GRACE_HOURS\) must be at least 1\./);
    expect(shorter.code).toBe(1);
    expect(shorter.stderr).toMatch(
      /--orphan-file-grace \(SYNCLINE_ORPHAN_FILE_GRACE_DAYS\) must be at least --orphan-grace \(72 hours\): a complete file is kept no shorter than a half upload\./,
    );
  });

  it('in development, keeps a secret beside the database and prints a token that works', async () => {
    const db = join(dir, 'dev', 'sync.sqlite');
    const port = await freePort();
    const { child, banner } = await start(['--db', db, '--port', String(port)]);
    expect(statSync(`${db}.jwt-secret`).mode & 0o777).toBe(0o600);
    const printed = /Authorization: Bearer (\S+)/.exec(banner)?.[1];
    expect(printed).toBeTruthy();
    expect(claims(printed as string)).toMatchObject({ tenant: 'dev', sub: 'developer' });

    const minted = await run(['token', '--tenant', 'acme', '--sub', 'ana', '--ttl', '2h', '--db', db]);
    expect(minted.code).toBe(0);
    const token = minted.stdout.trim();
    const payload = claims(token);
    expect(payload).toMatchObject({ tenant: 'acme', sub: 'ana' });
    expect(Number(payload.exp) - Number(payload.iat)).toBe(7200);

    const url = `http://127.0.0.1:${port}/graphql`;
    // The default collections come from @syncline/domain; __typename needs none of them.
    for (const candidate of [printed as string, token]) {
      const answer = await gql(url, '{ __typename }', {}, bearer(candidate));
      expect(answer.data).toEqual({ __typename: 'Query' });
    }
    expect(await stop(child)).toBe(0);
  });

  it('reads --schema from JSON, an ES module or a TypeScript module, and says what is wrong with a bad one', async () => {
    const notes = {
      version: 0,
      primaryKey: 'id',
      type: 'object',
      properties: { id: { type: 'string', maxLength: 100 }, text: { type: 'string' }, updatedAt: { type: 'number' } },
      required: ['id'],
    };
    const files = {
      'notes.json': JSON.stringify({ notes }),
      'notes.mjs': `export default ${JSON.stringify({ notes })};`,
      // TypeScript syntax, loaded through tsx as the app's own schema module would be
      'notes.ts': `type Schemas = Record<string, object>;\nexport const schemas: Schemas = ${JSON.stringify({ notes })};`,
    };
    // one server per kind of file, side by side
    await Promise.all(
      Object.entries(files).map(async ([name, text]) => {
        writeFileSync(join(dir, name), text);
        const port = await freePort();
        const { child } = await start(['--schema', name, '--db', join(dir, `${name}.sqlite`), '--port', String(port)]);
        const settings = (await (await fetch(`http://127.0.0.1:${port}/sync/schemas`)).json()) as SyncSchemas;
        expect(Object.keys(settings.collections), name).toEqual(['notes', 'syncline_settlements']);
        expect(await stop(child)).toBe(0);
      }),
    );

    writeFileSync(join(dir, 'empty.mjs'), 'export const other = 1;');
    writeFileSync(join(dir, 'broken.json'), '{ "notes": ');
    const [empty, missing, broken] = await Promise.all([
      run(['--schema', 'empty.mjs', '--db', join(dir, 'empty.sqlite')]),
      run(['--schema', 'nowhere.ts', '--db', join(dir, 'missing.sqlite')]),
      run(['--schema', 'broken.json', '--db', join(dir, 'broken.sqlite')]),
    ]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/empty\.mjs exports no schemas: export them as `schemas`/);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/The schema file nowhere\.ts does not exist/);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Cannot read the schema file broken\.json: .*JSON/);
  });

  it('mints tokens from SYNCLINE_JWT_SECRET when it is set', async () => {
    const [{ code, stdout }, missing] = await Promise.all([
      run(['token', '--tenant', 'acme'], { SYNCLINE_JWT_SECRET: SECRET }),
      run(['token'], { SYNCLINE_JWT_SECRET: SECRET }),
    ]);
    expect(code).toBe(0);
    expect(Number(claims(stdout.trim()).exp) - Number(claims(stdout.trim()).iat)).toBe(3600);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--tenant is required/);
  });
});

// A schema with a nested object and no arrays: RxDB 17.6's query builders write an invalid selection for
// array properties (DESIGN.md, "Traps already known"), and this test uses nothing but those builders.
const machineSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    name: { type: 'string' },
    state: { type: 'string', enum: ['idle', 'running', 'error'] },
    cycles: { type: 'integer', minimum: 0 },
    telemetry: {
      type: 'object',
      properties: {
        temperature: { type: 'number' },
        spindle: { type: 'object', properties: { rpm: { type: 'number' } } },
      },
    },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'name', 'state', 'cycles', 'updatedAt'],
  additionalProperties: false,
};

describe('a stock RxDB client against `syncline-server --schema`', () => {
  it('replicates with queries built only from GET /sync/schemas, and loses nothing across a crash', async () => {
    const schemaFile = join(dir, 'schemas.json');
    writeFileSync(schemaFile, JSON.stringify({ machines: machineSchema }));
    const db = join(dir, 'stock', 'sync.sqlite');
    const port = await freePort();
    const args = ['--schema', schemaFile, '--db', db, '--port', String(port)];
    const env = { SYNCLINE_JWT_SECRET: SECRET };
    let { child } = await start(args, env);

    const origin = `http://127.0.0.1:${port}`;
    const settings = (await (await fetch(`${origin}/sync/schemas`)).json()) as SyncSchemas;
    // Syncline's own settlements are listed too (flat, so a stock client's queries read them)
    expect(Object.keys(settings.collections)).toEqual(['machines', 'syncline_settlements']);
    expect(settings.collections.machines).toMatchObject({
      checkpointFields: ['id', 'updatedAt'],
      deletedField: '_deleted',
      headerFields: ['Authorization'],
    });
    const token = (await run(['token', '--tenant', 'fleet'], env)).stdout.trim();
    const connect = async () => {
      const client = await createRxClient({
        url: `${origin}${settings.graphqlPath}`,
        wsUrl: `ws://127.0.0.1:${port}${settings.graphqlPath}`,
        token,
        settings,
      });
      clients.push(client);
      return client;
    };
    const a = await connect();
    const b = await connect();
    const machines = (client: RxClient) => client.collection('machines');

    await machines(a).bulkInsert(
      Array.from({ length: 50 }, (_, i) => ({
        id: `m${i}`,
        name: `Machine ${i}`,
        state: 'idle',
        cycles: i,
        telemetry: { temperature: 20 + i, spindle: { rpm: 1000 } },
        updatedAt: 0,
      })),
    );
    await a.inSync();
    await eventually(async () => expect(await machines(b).count().exec()).toBe(50));
    const streamed = (await machines(b).findOne('m7').exec())?.toJSON();
    expect(streamed).toMatchObject({ telemetry: { temperature: 27, spindle: { rpm: 1000 } } });
    const before = Math.max(...(await machines(b).find().exec()).map((d) => d.get('updatedAt') as number));

    // The last push is acknowledged, then the process dies without a chance to flush anything.
    await (await machines(a).findOne('m3').exec())?.incrementalPatch({ state: 'running', cycles: 99 });
    await a.inSync();
    expect(await stop(child, 'SIGKILL')).toBeNull();

    ({ child } = await start(args, env));
    const fresh = await connect();
    await fresh.inSync();
    expect(await machines(fresh).count().exec()).toBe(50);
    expect((await machines(fresh).findOne('m3').exec())?.toJSON()).toMatchObject({ state: 'running', cycles: 99 });

    // The clock went on where it stopped, and the old clients' streams came back.
    await (await machines(b).findOne('m4').exec())?.incrementalPatch({ state: 'error' });
    await eventually(async () => expect((await machines(a).findOne('m4').exec())?.get('state')).toBe('error'), 30_000);
    const after = (await machines(a).findOne('m4').exec())?.get('updatedAt') as number;
    expect(after).toBeGreaterThan(before);
    expect(await stop(child)).toBe(0);
  }, 120_000);
});
