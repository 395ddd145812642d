// Brings up what the PostgreSQL, Redis and S3 suites need, once per run: the machine's PostgreSQL cluster (started
// if it is down) with a throwaway database, a private redis-server on a free port, and a moto_server playing S3
// (signatures checked) with a bucket. All are removed when the run ends. Where neither can be had, the suites that need them say so loudly and skip, except under CI, where a
// missing engine fails the run.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { type S3Place, startMoto, startRedis, stopProcess } from './processes.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A throwaway database for this run (the test server makes a schema per server), or null. */
    postgresUrl: string | null;
    /** Why there is no PostgreSQL, when there is none. */
    postgresMissing: string;
    /** A private redis-server for this run, or null. */
    redisUrl: string | null;
    redisMissing: string;
    /** A moto_server for this run: its endpoint, a bucket, and a key it checks signatures against; or null. */
    s3: S3Place | null;
    s3Missing: string;
  }
}

const quiet = { stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], encoding: 'utf8' as const };

/** The admin URL: SYNCLINE_TEST_POSTGRES_URL, or the local Debian cluster reached over its socket by peer auth. */
function localPostgres(): string {
  const given = process.env.SYNCLINE_TEST_POSTGRES_URL;
  if (given) return given;
  let listing: string;
  try {
    listing = execFileSync('pg_lsclusters', ['--no-header'], quiet);
  } catch {
    throw new Error(
      'pg_lsclusters is not installed (apt-get install postgresql), and SYNCLINE_TEST_POSTGRES_URL is unset',
    );
  }
  if (!listing.trim()) {
    // A fresh install whose package made no cluster (Docker images often skip it): make the usual one.
    const versions = readdirSync('/usr/lib/postgresql').sort((x, y) => Number(y) - Number(x));
    if (!versions[0]) throw new Error('PostgreSQL is installed without a server version in /usr/lib/postgresql');
    execFileSync('pg_createcluster', [versions[0], 'main'], quiet);
    listing = execFileSync('pg_lsclusters', ['--no-header'], quiet);
  }
  const [version, name, port, status] = listing.trim().split('\n')[0]?.split(/\s+/) ?? [];
  if (!version || !name || !port) throw new Error('no PostgreSQL cluster found by pg_lsclusters');
  if (status !== 'online') execFileSync('pg_ctlcluster', [version, name, 'start'], quiet);
  // A role named after this OS user, so the socket's peer authentication lets these tests in without a password.
  const role = userInfo().username;
  if (role !== 'postgres') {
    const ident = `"${role.replaceAll('"', '""')}"`;
    const literal = `'${role.replaceAll("'", "''")}'`;
    execFileSync(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        'psql',
        '-p',
        port,
        '-v',
        'ON_ERROR_STOP=1',
        '-qc',
        `do $$ begin if not exists (select from pg_roles where rolname = ${literal}) then create role ${ident} login createdb; end if; end $$`,
      ],
      quiet,
    );
  }
  return `postgres://${encodeURIComponent(role)}@localhost:${port}/postgres?host=/var/run/postgresql`;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const cleanups: Array<() => Promise<void>> = [];

  try {
    const admin = localPostgres();
    const database = `syncline_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await withClient(admin, (client) => client.query(`create database ${database}`));
    const url = new URL(admin);
    url.pathname = `/${database}`;
    project.provide('postgresUrl', url.toString());
    project.provide('postgresMissing', '');
    cleanups.push(async () => {
      await withClient(admin, (client) => client.query(`drop database if exists ${database} with (force)`));
    });
  } catch (error) {
    const reason = `PostgreSQL is unavailable: ${(error as Error).message}`;
    if (process.env.CI) throw new Error(`${reason}. CI needs it: .ci/run installs postgresql.`);
    project.provide('postgresUrl', null);
    project.provide('postgresMissing', reason);
  }

  try {
    const redis = await startRedis();
    project.provide('redisUrl', redis.url);
    project.provide('redisMissing', '');
    cleanups.push(async () => {
      await stopProcess(redis.child);
    });
  } catch (error) {
    const reason = `Redis is unavailable: ${(error as Error).message}`;
    if (process.env.CI) throw new Error(`${reason}. CI needs it: .ci/run installs redis-server.`);
    project.provide('redisUrl', null);
    project.provide('redisMissing', reason);
  }

  try {
    const moto = await startMoto();
    project.provide('s3', moto.s3);
    project.provide('s3Missing', '');
    cleanups.push(async () => {
      await stopProcess(moto.child);
    });
  } catch (error) {
    const reason = `moto_server (S3) is unavailable: ${(error as Error).message}`;
    if (process.env.CI) throw new Error(`${reason}. CI needs it: .ci/run installs moto[server].`);
    project.provide('s3', null);
    project.provide('s3Missing', `${reason} (pip install 'moto[server]')`);
  }

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
