// The storage engines every protocol suite runs against: the embedded SQLite default and PostgreSQL (a
// throwaway database the global setup made for this run) with Redis fan-out, as a scaled-out deployment runs.
// A suite is written once and declared per engine.
import { describe, inject, it } from 'vitest';
import { DiskFileStore } from '../src/disk-file-store.js';
import type { FileStore } from '../src/file-store.js';
import { PostgresFileStore } from '../src/postgres-file-store.js';
import { S3FileStore } from '../src/s3-file-store.js';
import type { TestServer } from '../src/testing.js';

export interface Engine {
  readonly name: 'sqlite' | 'postgres';
  /** For `startTestServer`: a PostgreSQL database it may create a schema in; absent for SQLite. */
  readonly postgresUrl?: string;
  /** With PostgreSQL, the fan-out goes through Redis too, as in a scaled-out deployment. */
  readonly redisUrl?: string;
}

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');

export const engines: readonly Engine[] = [
  { name: 'sqlite' },
  ...(postgresUrl ? [{ name: 'postgres' as const, postgresUrl, ...(redisUrl ? { redisUrl } : {}) }] : []),
];

/** Declares `suite` once per engine, as `describe('<title> on <engine>')`. */
export function describeOnEngines(title: string, suite: (engine: Engine) => void): void {
  for (const engine of engines) {
    describe(`${title} on ${engine.name}${engine.redisUrl ? ' with Redis fan-out' : ''}`, () => suite(engine));
  }
  if (!postgresUrl) describeWithout('postgres', title, inject('postgresMissing'));
}

/** The run's PostgreSQL database, or a failing test that says why the machine has none. */
export function requirePostgres(title: string): string | null {
  if (!postgresUrl) describeWithout('postgres', title, inject('postgresMissing'));
  return postgresUrl;
}

/** The run's private Redis, or a failing test that says why the machine has none. */
export function requireRedis(title: string): string | null {
  if (!redisUrl) describeWithout('redis', title, inject('redisMissing'));
  return redisUrl;
}

/**
 * A suite whose engine this machine lacks fails, saying why and how to get it: `.ci/run` installs PostgreSQL and
 * Redis, so a missing one is a broken machine, never a run that quietly tested less.
 */
function describeWithout(what: string, title: string, reason: string) {
  describe(`${title} on ${what}`, () => {
    it(`needs ${what}`, () => {
      throw new Error(`${title} could not run on ${what}: ${reason}`);
    });
  });
}

/** The run's moto_server playing S3 (signatures checked), or a failing test that says why the machine has none. */
export function requireS3(title: string) {
  const s3 = inject('s3');
  if (!s3) describeWithout('S3', title, inject('s3Missing'));
  return s3;
}

/**
 * Where a files suite keeps its files, for `startTestServer`: on disk, in PostgreSQL and in an S3 bucket (or a test
 * saying why not).
 */
export function fileStores(title: string) {
  const url = requirePostgres(`${title} in PostgreSQL`);
  const s3 = requireS3(`${title} in S3`);
  return [
    { name: 'disk', options: {} },
    ...(url ? [{ name: 'PostgreSQL', options: { postgresUrl: url, fileStore: 'postgres' as const } }] : []),
    ...(s3 ? [{ name: 'S3', options: { fileStore: 's3' as const, s3 } }] : []),
  ];
}

/** The files `server` keeps, as another process sees them: its PostgreSQL tables, its bucket, or its folder. Close it after. */
export function sameFiles(server: TestServer): FileStore {
  if (server.s3) return new S3FileStore(server.s3);
  return server.databaseUrl
    ? new PostgresFileStore({ connectionString: server.databaseUrl, maxConnections: 2 })
    : new DiskFileStore(server.filesDir);
}
