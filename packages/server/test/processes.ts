// The `syncline-server` command in its own process, for the suites that run it as a person (or a fleet) would:
// start it and wait for its banner, stop it with a signal, and find free ports.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/syncline-server.mjs');

/** The caller's environment in development, without the server's variables unless `extra` sets them. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', ...extra };
  for (const key of ['SYNCLINE_JWT_SECRET', 'DATABASE_URL', 'REDIS_URL']) if (!(key in extra)) delete env[key];
  return env as NodeJS.ProcessEnv;
}

/** Starts the server and resolves with its banner once it listens; `running` tracks it until it exits. */
export function startServerProcess(
  args: string[],
  { cwd, env = {}, running }: { cwd: string; env?: Record<string, string | undefined>; running: Set<ChildProcess> },
) {
  return new Promise<{ child: ChildProcess; banner: string }>((done, fail) => {
    const child = spawn(process.execPath, [BIN, '--log-level', 'warn', ...args], { cwd, env: cleanEnv(env) });
    running.add(child);
    let banner = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      banner += chunk;
      if (/Syncline sync server on/.test(banner) && /\n\s*$/.test(banner))
        setTimeout(() => done({ child, banner }), 50);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      running.delete(child);
      fail(new Error(`exited with ${code}: ${stderr}`));
    });
  });
}

/** Sends `signal` and resolves with the exit code (null when a signal ended it). */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<number | null>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/**
 * A private redis-server (no persistence) on `port` (default: a free one), resolved once it answers PING. Stop it
 * with `stopProcess(child)`; start it again on the same port to play a Redis restart.
 */
export async function startRedis(port?: number): Promise<{ url: string; port: number; child: ChildProcess }> {
  port ??= await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `redis://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) => reject(new Error(`redis-server could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.trim()}`)));
    const started = Date.now();
    const probe = () => {
      const socket = new Socket();
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - started > 10_000) reject(new Error(`redis-server did not answer on ${url}`));
        else setTimeout(probe, 50);
      });
      socket.connect(port, '127.0.0.1', () => {
        socket.write('PING\r\n');
        socket.once('data', () => {
          socket.destroy();
          resolve();
        });
      });
    };
    probe();
  });
  child.removeAllListeners('exit');
  return { url, port, child };
}
