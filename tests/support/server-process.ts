// The sync server as operators run it: the `syncline-server` command in its own process, on a SQLite file that
// outlives the process, so a suite can SIGKILL it at any moment and start it again on the same file and port.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signToken } from '@syncline/server';
import { TEST_JWT_SECRET } from '@syncline/server/testing';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../packages/server/bin/syncline-server.mjs');

export interface ServerProcessOptions {
  /** collection name -> RxDB JSON schema (written to a `--schema` file) */
  collections?: Record<string, unknown>;
  /** or the app's own `--schema` file (JSON or a module), read as it is */
  schemaFile?: string;
  /** the `syncline-server` bin to run: the workspace's by default, or one installed from its tarball */
  bin?: string;
  /** the process's working folder (default: a temp folder that also holds the database) */
  cwd?: string;
  /** more command-line flags */
  args?: string[];
  /** more environment (NODE_ENV defaults to development) */
  env?: Record<string, string>;
}

export interface ServerProcess {
  readonly url: string;
  readonly wsUrl: string;
  readonly origin: string;
  readonly port: number;
  readonly dbPath: string;
  /** true while a process is up */
  readonly running: boolean;
  /** the running process's id (undefined while down) */
  readonly pid: number | undefined;
  /** a token for `tenant`, valid for `ttl` (default 2 h), with more `claims` (a site the device's scope follows) */
  token(tenant: string, sub?: string, ttl?: string, claims?: Readonly<Record<string, string>>): Promise<string>;
  /** SIGKILL: no shutdown, no flush; resolves once the process is gone */
  kill(): Promise<void>;
  /** starts a process on the same port and file; resolves once it answers /readyz */
  start(): Promise<void>;
  /** stops the process (if up) and removes the temp folder */
  close(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'syncline-process-'));
  const dbPath = join(dir, 'sync.sqlite');
  const schemaPath = options.schemaFile ?? join(dir, 'schemas.json');
  if (!options.schemaFile) writeFileSync(schemaPath, JSON.stringify(options.collections ?? {}));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';

  const exited = (process: ChildProcess) =>
    new Promise<void>((done) => {
      if (process.exitCode !== null || process.signalCode !== null) return done();
      process.once('exit', () => done());
    });

  async function start() {
    if (child) throw new Error('the server process is already running');
    output = '';
    const started = spawn(
      process.execPath,
      [
        options.bin ?? BIN,
        ...['--port', String(port), '--db', dbPath, '--schema', schemaPath, '--log-level', 'warn'],
        ...(options.args ?? []),
      ],
      {
        cwd: options.cwd ?? dir,
        env: { ...process.env, NODE_ENV: 'development', SYNCLINE_JWT_SECRET: TEST_JWT_SECRET, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = started;
    started.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    started.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child !== started) throw new Error(`the server process exited while starting:\n${output}`);
      try {
        const ready = await fetch(`${origin}/readyz`);
        if (ready.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`the server process did not become ready within 60 s:\n${output}`);
  }

  async function kill() {
    const current = child;
    if (!current) return;
    current.kill('SIGKILL');
    await exited(current);
    child = undefined;
  }

  await start();
  return {
    url: `${origin}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    origin,
    port,
    dbPath,
    get running() {
      return child !== undefined;
    },
    get pid() {
      return child?.pid;
    },
    token: (tenant, sub, ttl = '2h', claims) =>
      signToken({ secret: TEST_JWT_SECRET, tenant, ttl, ...(sub ? { sub } : {}), ...(claims ? { claims } : {}) }),
    kill,
    start,
    async close() {
      const current = child;
      if (current) {
        current.kill('SIGTERM');
        const timer = setTimeout(() => current.kill('SIGKILL'), 10_000);
        await exited(current);
        clearTimeout(timer);
        child = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
