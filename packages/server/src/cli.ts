// The `syncline-server` command: runs the sync server, or mints a token for it. Run from the repo root with
// `pnpm -s syncline-server ...` (see --help); bin/syncline-server.mjs runs this file from source in the workspace and
// from dist/ once installed.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { syncOptionsOf, withChangedWithinDays } from '@syncline/protocol';
import { assertUsableSecret, generateSecret, signToken } from './auth.js';
import type { CollectionSchemas } from './collections.js';
import { DEFAULT_DEV_ORIGINS } from './endpoints.js';
import { redactUrl } from './redact-url.js';
import type { SqliteSynchronous } from './storage/sqlite.js';

const HELP = `syncline-server: the Syncline sync server (RxDB GraphQL replication over HTTP + graphql-ws)

Usage
  syncline-server [options]                            run the server
  syncline-server token --tenant T [--sub U] [--role R] [--ttl 1h] [--db PATH]
                                                       print a signed token for tenant T
  syncline-server --help

  In the Syncline repo: pnpm -s syncline-server ... (-s keeps pnpm's banner out of a printed token)

Server options
  --host HOST            interface to listen on (default 127.0.0.1; 0.0.0.0 for all)
  --port PORT            port (default 4000)
  --db PATH              SQLite database file (default ./data/syncline.sqlite)
  --files-dir PATH       keep the files documents carry in this folder (default: files/ beside --db)
  --files-store STORE    disk (a folder, see --files-dir), postgres (tables in the --database-url
                         database, so every instance serves every file) or s3 (a bucket of an
                         S3-compatible store: AWS S3, MinIO, R2; see --s3-*); default postgres with
                         --database-url, else disk
  --s3-endpoint URL      with --files-store s3: the store's URL (https://s3.eu-west-1.amazonaws.com,
                         http://minio:9000); objects are addressed by path
  --s3-bucket NAME       with --files-store s3: the bucket (it must exist)
  --s3-region REGION     with --files-store s3: the region requests are signed for (default
                         AWS_REGION, else us-east-1; R2 takes auto)
  --s3-prefix PREFIX     with --files-store s3: keys start with PREFIX/ (default: none)
  --orphan-grace HOURS   half uploads are removed this long after their last chunk (default 24); swept
                         on start and hourly
  --orphan-file-grace DAYS  complete files no document names are removed this long after they
                         completed (default 30, at least --orphan-grace): a device may push the
                         document naming a photo days after it uploaded it
  --synchronous MODE     SQLite synchronous: FULL (default; an acknowledged push survives a process
                         crash and a power loss) or NORMAL (survives a process crash; faster)
  --schema FILE          your collections: a JSON file { "<collection>": <RxDB JSON schema>, ... }, or an
                         ES module (.js, .mjs, .ts) exporting that map as \`schemas\` or as its default
                         export (for example \`export const schemas = defineSchemas({ ... })\` from
                         @syncline/data/schema, the same definition the app types its documents with)
                         (default: the control center's collections from @syncline/domain)
  --cors-origin ORIGIN   a browser origin allowed to call, besides the server's own; repeatable
                         (default ${DEFAULT_DEV_ORIGINS.join(', ')}; none under NODE_ENV=production)
  --trust-proxy          behind a reverse proxy: read the server's own origin (https, the public host)
                         from its Forwarded / X-Forwarded-Proto / X-Forwarded-Host headers; only when
                         every request comes through a proxy that sets them (default: ignored)
  --body-limit BYTES     largest request body or ws message (default 1048576)
  --push-batch N         most documents in one push (default 500)
  --rate-limit N         requests a second one tenant may make, sustained (GraphQL over HTTP and stream
                         subscriptions; over it: 429 with Retry-After); 0 turns it off
                         (default 50 under NODE_ENV=production, else 0)
  --rate-burst N         requests one tenant may make at once above its rate (default 10 x --rate-limit)
  --log-level LEVEL      fatal, error, warn, info (default), debug, trace or silent
  --database-url URL     PostgreSQL instead of SQLite (postgres://user:password@host:5432/db); --db then
                         only locates the development secret
  --redis-url URL        Redis pub/sub fan-out across server instances (redis://host:6379); needed
                         as soon as more than one instance serves the same database
  --keep-days COLL=DAYS  how many days of history a device keeps of a scoped collection, such as orders=90
                         (its sync scope's changedWithinDays; repeat for more collections)
  --audit-retention DAYS how long the audit trail keeps an entry (default 365); older ones are removed
                         on start and hourly

Token options
  --tenant T             the tenant the token gives access to (required)
  --sub U                the subject (user or device id)
  --role R               the role the schemas' permissions name (owner, viewer…); without it the token
                         acts as the server's default role, owner
  --ttl DURATION         lifetime: 30m, 12h, 7d, or seconds (default 1h)
  --db PATH              where the development secret lives when SYNCLINE_JWT_SECRET is unset

Environment
  SYNCLINE_JWT_SECRET    HS256 secret, at least 32 characters. Unset in development: a secret is created
                         beside the database (<db>.jwt-secret) and a ready token is printed. Required when
                         NODE_ENV=production: the server refuses to start without it.
  NODE_ENV=production    masks unexpected errors, turns GraphiQL off, requires SYNCLINE_JWT_SECRET, allows
                         no browser origin but the server's own by default, limits each tenant's rate
  DATABASE_URL, REDIS_URL  same as --database-url, --redis-url (the flags win)
  SYNCLINE_JWT_CLOCK_TOLERANCE  seconds of clock skew allowed on a token's expiry (default 5)
  SYNCLINE_DEFAULT_ROLE  the role of a token without a role claim (default owner: every right)
  SYNCLINE_METRICS_TOKEN  GET /metrics asks for "Authorization: Bearer <it>"; without it, /metrics is open
                         in development and refused in production
  SYNCLINE_AUDIT_RETENTION_DAYS  same as --audit-retention (the flag wins)
  SYNCLINE_KEEP_DAYS             same as --keep-days, comma-separated (orders=90,notes=7; the flag wins)
  SYNCLINE_FILES_STORE           same as --files-store (the flag wins)
  SYNCLINE_S3_ENDPOINT, SYNCLINE_S3_BUCKET, SYNCLINE_S3_REGION, SYNCLINE_S3_PREFIX
                                 same as --s3-endpoint, --s3-bucket, --s3-region, --s3-prefix (the flags win)
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN)
                                 the S3 credentials for --files-store s3; never taken on the command line
  SYNCLINE_ORPHAN_GRACE_HOURS    same as --orphan-grace (the flag wins)
  SYNCLINE_ORPHAN_FILE_GRACE_DAYS  same as --orphan-file-grace (the flag wins)

Endpoints
  POST /graphql          pull / push (GraphQL over HTTP)        GET /sync/schemas  replication settings
  ws   /graphql          stream (graphql-ws)                    GET /healthz, /readyz, /metrics
`;

class CliError extends Error {}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const production = () => process.env.NODE_ENV === 'production';
const secretFileFor = (db: string) => `${db}.jwt-secret`;

/** SYNCLINE_JWT_CLOCK_TOLERANCE, when set: a whole number of seconds. */
function clockTolerance(): { clockToleranceSeconds?: number } {
  const given = process.env.SYNCLINE_JWT_CLOCK_TOLERANCE;
  if (given === undefined || given === '') return {};
  const seconds = Number(given);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new CliError(`SYNCLINE_JWT_CLOCK_TOLERANCE must be a whole number of seconds, not "${given}".`);
  }
  return { clockToleranceSeconds: seconds };
}

interface Secret {
  value: string;
  /** Where a development secret was read or created; null when it came from the environment. */
  file: string | null;
  created: boolean;
}

function loadSecret(db: string, { create }: { create: boolean }): Secret {
  const fromEnv = process.env.SYNCLINE_JWT_SECRET;
  if (fromEnv) {
    try {
      assertUsableSecret(fromEnv);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    return { value: fromEnv, file: null, created: false };
  }
  if (production()) {
    throw new CliError(
      'SYNCLINE_JWT_SECRET is not set, and NODE_ENV=production: refusing to start without it.\n' +
        'Set it to a random string of at least 32 characters (for example `openssl rand -base64 48`).',
    );
  }
  const file = secretFileFor(db);
  if (existsSync(file)) return { value: readFileSync(file, 'utf8').trim(), file, created: false };
  if (!create) {
    throw new CliError(
      `No secret: SYNCLINE_JWT_SECRET is not set and there is no development secret at ${file}.\n` +
        'Set SYNCLINE_JWT_SECRET, or start the server once with the same --db to create one.',
    );
  }
  const value = generateSecret();
  // With --database-url nothing else creates --db's folder.
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { value, file, created: true };
}

/** A schema file: JSON, or an ES module (`.js`, `.mjs`, or TypeScript through tsx) exporting the map. */
async function readSchemaFile(schemaFile: string): Promise<unknown> {
  const file = resolve(schemaFile);
  if (!existsSync(file)) throw new CliError(`The schema file ${schemaFile} does not exist (looked at ${file}).`);
  try {
    if (/\.json$/i.test(file)) return JSON.parse(readFileSync(file, 'utf8'));
    const url = pathToFileURL(file).href;
    const module = (
      /\.[cm]?tsx?$/i.test(file)
        ? await (await import('tsx/esm/api')).tsImport(url, import.meta.url)
        : await import(url)
    ) as { default?: unknown; schemas?: unknown };
    const schemas = module.schemas ?? module.default;
    if (schemas === undefined) {
      throw new CliError(
        `${schemaFile} exports no schemas: export them as \`schemas\` (export const schemas = defineSchemas({ … })) or as the default export.`,
      );
    }
    return schemas;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`Cannot read the schema file ${schemaFile}: ${(error as Error).message}`);
  }
}

async function loadCollections(schemaFile: string | undefined): Promise<CollectionSchemas> {
  if (schemaFile) {
    const parsed = await readSchemaFile(schemaFile);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new CliError(`${schemaFile} must hold an object: { "<collection>": <RxDB JSON schema>, ... }.`);
    }
    return parsed as CollectionSchemas;
  }
  // Loaded lazily so the server package does not depend on the domain package's API at build time.
  const domain = (await import('@syncline/domain')) as Record<string, unknown>;
  const schemas = domain.controlCenterSchemas;
  if (!schemas || typeof schemas !== 'object') {
    throw new CliError(
      '@syncline/domain does not export controlCenterSchemas (yet): pass --schema FILE with your collections.',
    );
  }
  return schemas as CollectionSchemas;
}

/**
 * The collections with the history each keeps on a device as `--keep-days collection=DAYS` says: every
 * `changedWithinDays` of that collection's sync scope.
 */
export function withKeepDays(collections: CollectionSchemas, settings: readonly string[]): CollectionSchemas {
  const out = { ...collections };
  for (const setting of settings.filter((entry) => entry.trim() !== '')) {
    const match = /^\s*([a-zA-Z][a-zA-Z0-9_]*)\s*=\s*(\d+)\s*$/.exec(setting);
    const days = Number(match?.[2]);
    if (!match?.[1] || !(days > 0)) {
      throw new CliError(
        `--keep-days (SYNCLINE_KEEP_DAYS) takes collection=DAYS, such as orders=90; it was "${setting}".`,
      );
    }
    const name = match[1];
    const schema = out[name];
    if (!schema) throw new CliError(`--keep-days names "${name}", which is not one of the collections served.`);
    const sync = syncOptionsOf(schema);
    const scope = withChangedWithinDays(sync?.scope, days);
    if (!scope) {
      throw new CliError(
        `--keep-days names "${name}", whose sync scope keeps nothing by its last change (no "changedWithinDays").`,
      );
    }
    out[name] = { ...schema, sync: { ...sync, scope } } as CollectionSchemas[string];
  }
  return out;
}

const HOUR_MS = 60 * 60 * 1000;

const S3_FLAGS = ['endpoint', 'bucket', 'region', 'prefix'] as const;

/**
 * Where --files-store s3 keeps files, from the --s3-* flags (or SYNCLINE_S3_*), and the standard AWS credential
 * variables, which are never taken on the command line: a command line shows in `ps` and shell history.
 */
function s3Settings(values: Partial<Record<`s3-${(typeof S3_FLAGS)[number]}`, string>>) {
  const setting = (flag: (typeof S3_FLAGS)[number]) =>
    values[`s3-${flag}`] || process.env[`SYNCLINE_S3_${flag.toUpperCase()}`] || undefined;
  const endpoint = setting('endpoint');
  const bucket = setting('bucket');
  const missing = [
    ...(endpoint ? [] : ['--s3-endpoint (SYNCLINE_S3_ENDPOINT)']),
    ...(bucket ? [] : ['--s3-bucket (SYNCLINE_S3_BUCKET)']),
    ...(process.env.AWS_ACCESS_KEY_ID ? [] : ['AWS_ACCESS_KEY_ID']),
    ...(process.env.AWS_SECRET_ACCESS_KEY ? [] : ['AWS_SECRET_ACCESS_KEY']),
  ];
  if (missing.length > 0) {
    throw new CliError(
      `--files-store s3 keeps files in a bucket of an S3-compatible store: set ${missing.join(', ')}. Nothing was started.`,
    );
  }
  const prefix = setting('prefix');
  const region = setting('region') || process.env.AWS_REGION || undefined;
  return {
    endpoint: endpoint as string,
    bucket: bucket as string,
    accessKeyId: process.env.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY as string,
    ...(process.env.AWS_SESSION_TOKEN ? { sessionToken: process.env.AWS_SESSION_TOKEN } : {}),
    ...(region ? { region } : {}),
    ...(prefix ? { prefix } : {}),
  };
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${flag} must be a whole number, not "${value}".`);
  return n;
}

async function runToken(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      sub: { type: 'string' },
      role: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      db: { type: 'string', default: './data/syncline.sqlite' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.tenant) throw new CliError('token: --tenant is required (see --help).');
  const secret = loadSecret(resolve(values.db), { create: true });
  try {
    const token = await signToken({
      secret: secret.value,
      tenant: values.tenant,
      ttl: values.ttl,
      ...(values.sub ? { sub: values.sub } : {}),
      ...(values.role ? { role: values.role } : {}),
    });
    process.stdout.write(`${token}\n`);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

async function runServer(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4000' },
      db: { type: 'string', default: './data/syncline.sqlite' },
      synchronous: { type: 'string', default: 'FULL' },
      'files-dir': { type: 'string' },
      'files-store': { type: 'string' },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
      's3-region': { type: 'string' },
      's3-prefix': { type: 'string' },
      'orphan-grace': { type: 'string' },
      'orphan-file-grace': { type: 'string' },
      schema: { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'body-limit': { type: 'string' },
      'push-batch': { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-burst': { type: 'string' },
      'trust-proxy': { type: 'boolean', default: false },
      'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
      'database-url': { type: 'string' },
      'redis-url': { type: 'string' },
      'audit-retention': { type: 'string' },
      'keep-days': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const keepDays = values['keep-days'] ?? process.env.SYNCLINE_KEEP_DAYS?.split(',') ?? [];
  const retentionDays = positiveInt(
    values['audit-retention'] || process.env.SYNCLINE_AUDIT_RETENTION_DAYS || undefined,
    '--audit-retention (SYNCLINE_AUDIT_RETENTION_DAYS)',
  );
  if (retentionDays === 0) throw new CliError('--audit-retention (SYNCLINE_AUDIT_RETENTION_DAYS) must be at least 1.');
  const databaseUrl = values['database-url'] || process.env.DATABASE_URL || undefined;
  const redisUrl = values['redis-url'] || process.env.REDIS_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new CliError('--database-url (DATABASE_URL) must be a postgres:// or postgresql:// URL.');
  }
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new CliError('--redis-url (REDIS_URL) must be a redis:// or rediss:// URL.');
  }

  const filesStore =
    values['files-store'] ||
    process.env.SYNCLINE_FILES_STORE ||
    (databaseUrl && !values['files-dir'] ? 'postgres' : 'disk');
  if (filesStore !== 'disk' && filesStore !== 'postgres' && filesStore !== 's3') {
    throw new CliError(`--files-store (SYNCLINE_FILES_STORE) must be disk, postgres or s3, not "${filesStore}".`);
  }
  if (filesStore === 'postgres' && !databaseUrl) {
    throw new CliError('--files-store postgres keeps files in the database: give --database-url (DATABASE_URL) too.');
  }
  if (filesStore === 'postgres' && values['files-dir']) {
    throw new CliError('--files-dir is a folder for --files-store disk; with postgres the files go in the database.');
  }
  if (filesStore === 's3' && values['files-dir']) {
    throw new CliError('--files-dir is a folder for --files-store disk; with s3 the files go in the bucket.');
  }
  const s3 = filesStore === 's3' ? s3Settings(values) : undefined;
  if (!s3) {
    const given = S3_FLAGS.filter((flag) => values[`s3-${flag}`] !== undefined).map((flag) => `--s3-${flag}`);
    if (given.length > 0) throw new CliError(`${given.join(', ')} only apply with --files-store s3.`);
  }

  const orphanGraceHours = positiveInt(
    values['orphan-grace'] || process.env.SYNCLINE_ORPHAN_GRACE_HOURS || undefined,
    '--orphan-grace (SYNCLINE_ORPHAN_GRACE_HOURS)',
  );
  if (orphanGraceHours === 0) throw new CliError('--orphan-grace (SYNCLINE_ORPHAN_GRACE_HOURS) must be at least 1.');
  const orphanFileGraceDays = positiveInt(
    values['orphan-file-grace'] || process.env.SYNCLINE_ORPHAN_FILE_GRACE_DAYS || undefined,
    '--orphan-file-grace (SYNCLINE_ORPHAN_FILE_GRACE_DAYS)',
  );
  if (orphanFileGraceDays !== undefined && orphanFileGraceDays * 24 < (orphanGraceHours ?? 24)) {
    throw new CliError(
      `--orphan-file-grace (SYNCLINE_ORPHAN_FILE_GRACE_DAYS) must be at least --orphan-grace (${orphanGraceHours ?? 24} hours): a complete file is kept no shorter than a half upload.`,
    );
  }

  const logLevel = values['log-level'];
  if (!LOG_LEVELS.includes(logLevel)) throw new CliError(`--log-level must be one of ${LOG_LEVELS.join(', ')}.`);
  const port = positiveInt(values.port, '--port') ?? 4000;
  const synchronous = values.synchronous.toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') throw new CliError('--synchronous must be FULL or NORMAL.');
  const db = resolve(values.db);
  const collections = withKeepDays(await loadCollections(values.schema), keepDays);
  // Loaded only when serving, so `--help` and `token` answer at once.
  const { createSyncServer } = await import('./server.js');
  const { pino } = await import('pino');
  const logger = pino({ name: 'syncline-server', level: logLevel });
  const secret = loadSecret(db, { create: true });

  let storage: import('./storage/types.js').SyncStorage;
  let database: string;
  if (databaseUrl) {
    const { createPostgresStorage } = await import('./storage/postgres.js');
    database = redactUrl(databaseUrl);
    storage = createPostgresStorage({
      connectionString: databaseUrl,
      onConnectionError: (error) => logger.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects'),
    });
    try {
      await storage.ping();
    } catch (error) {
      await storage.close();
      throw new CliError(`Cannot reach PostgreSQL at ${database}: ${(error as Error).message}. Nothing was started.`);
    }
  } else {
    const { createSqliteStorage } = await import('./storage/sqlite.js');
    database = db;
    storage = createSqliteStorage({ path: db, synchronous: synchronous as SqliteSynchronous });
  }

  let pubsub: import('./pubsub.js').SyncPubSub | undefined;
  if (redisUrl) {
    const { createRedisPubSub } = await import('./redis-pubsub.js');
    const redis = createRedisPubSub({ url: redisUrl, logger });
    pubsub = redis;
    try {
      await redis.ready();
    } catch (error) {
      await Promise.all([redis.close(), storage.close()]);
      throw new CliError(`${(error as Error).message} Nothing was started.`);
    }
  }

  const bodyBytes = positiveInt(values['body-limit'], '--body-limit');
  const pushBatch = positiveInt(values['push-batch'], '--push-batch');
  const tenantRate = positiveInt(values['rate-limit'], '--rate-limit');
  const tenantBurst = positiveInt(values['rate-burst'], '--rate-burst');
  let files: import('./server.js').SyncServerOptions['files'];
  let filesLine: string;
  if (s3) {
    const { S3FileStore } = await import('./s3-file-store.js');
    let store: import('./s3-file-store.js').S3FileStore;
    try {
      store = new S3FileStore(s3);
      await store.migrate();
    } catch (error) {
      await Promise.all([storage.close(), pubsub?.close()]);
      throw new CliError(`${(error as Error).message} Nothing was started.`);
    }
    files = { store };
    filesLine = `in ${store.location}`;
  } else if (filesStore === 'postgres') {
    const { PostgresFileStore } = await import('./postgres-file-store.js');
    files = {
      store: new PostgresFileStore({
        connectionString: databaseUrl as string,
        onConnectionError: (error) => logger.warn({ err: error }, 'PostgreSQL connection lost; the pool reconnects'),
      }),
    };
    filesLine = 'in the database';
  } else {
    const directory = values['files-dir'] ? resolve(values['files-dir']) : join(dirname(db), 'files');
    files = { directory };
    filesLine = directory;
  }
  files.orphans = {
    ...(orphanGraceHours ? { graceMs: orphanGraceHours * HOUR_MS } : {}),
    ...(orphanFileGraceDays ? { completeGraceMs: orphanFileGraceDays * 24 * HOUR_MS } : {}),
  };
  let server: import('./server.js').SyncServer;
  try {
    server = createSyncServer({
      collections,
      storage,
      files,
      ...(retentionDays ? { audit: { retentionDays } } : {}),
      auth: {
        secret: secret.value,
        ...clockTolerance(),
        ...(process.env.SYNCLINE_DEFAULT_ROLE ? { defaultRole: process.env.SYNCLINE_DEFAULT_ROLE } : {}),
      },
      ...(process.env.SYNCLINE_METRICS_TOKEN
        ? { monitoring: { metricsToken: process.env.SYNCLINE_METRICS_TOKEN } }
        : {}),
      logger,
      ...(pubsub ? { pubsub } : {}),
      ...(values['cors-origin'] ? { corsOrigins: values['cors-origin'] } : {}),
      trustProxy: values['trust-proxy'],
      limits: {
        ...(bodyBytes ? { bodyBytes } : {}),
        ...(pushBatch ? { pushBatch } : {}),
        ...(tenantRate !== undefined ? { tenantRate } : {}),
        ...(tenantBurst ? { tenantBurst } : {}),
      },
    });
  } catch (error) {
    await Promise.all([storage.close(), pubsub?.close(), 'store' in files ? files.store.close() : undefined]);
    throw new CliError((error as Error).message);
  }
  const address = await server.listen(port, values.host);

  const lines = [
    `Syncline sync server on ${address.url} (stream ${address.wsUrl})`,
    `  database ${database}`,
    `  files ${filesLine}`,
  ];
  if (redisUrl) lines.push(`  fan-out through Redis at ${redactUrl(redisUrl)}`);
  if (secret.file) {
    const token = await signToken({ secret: secret.value, tenant: 'dev', sub: 'developer', ttl: '12h' });
    lines.push(
      `  development secret ${secret.created ? 'created' : 'read'} at ${secret.file} (set SYNCLINE_JWT_SECRET to use your own)`,
      '  token for tenant "dev", valid 12 h:',
      `  Authorization: Bearer ${token}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Shutdown failed: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export async function main(argv: string[]): Promise<void> {
  const [first, ...rest] = argv;
  if (first === 'token') return runToken(rest);
  if (first === 'serve') return runServer(rest);
  return runServer(argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof CliError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    known ? `syncline-server: ${(error as Error).message}\n` : `syncline-server failed: ${(error as Error).stack}\n`,
  );
  if (known) process.stderr.write('Run with --help for usage.\n');
  process.exit(1);
});
