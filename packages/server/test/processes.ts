// The `syncline-server` command in its own process, for the suites that run it as a person (or a fleet) would:
// start it and wait for its banner, stop it with a signal, and find free ports; and the engines it talks to, in
// processes of their own: a private redis-server, a moto_server playing S3.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AwsClient } from 'aws4fetch';

export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../bin/syncline-server.mjs');

/** The caller's environment in development, without the server's variables unless `extra` sets them. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'development', ...extra };
  for (const key of Object.keys(env)) {
    const ours =
      ['SYNCLINE_JWT_SECRET', 'DATABASE_URL', 'REDIS_URL', 'SYNCLINE_FILES_STORE'].includes(key) ||
      key.startsWith('SYNCLINE_S3_') ||
      key.startsWith('AWS_');
    if (ours && !(key in extra)) delete env[key];
  }
  return env as NodeJS.ProcessEnv;
}

/** Runs the command to completion, in `cwd`, with the caller's environment cleaned as `cleanEnv` does. */
export function runCommand(
  args: string[],
  { cwd, env = {} }: { cwd: string; env?: Record<string, string | undefined> },
) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
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
 * A private redis-server (no persistence) on `port` (default: a free one), resolved once it takes connections. Stop it
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
  await listening(port, child, 'redis-server');
  return { url, port, child };
}

/** Resolves once something accepts connections on `port` of loopback; rejects (and ends `child`) after 30 s, or if it exits. */
function listening(port: number, child: ChildProcess, what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // the last of what it printed, for the error if it exits (moto logs every request: keep only the tail)
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk).slice(-2000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('error', (error) => reject(new Error(`${what} could not start: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${output.trim()}`)));
    const started = Date.now();
    const probe = () => {
      const socket = new Socket();
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - started > 30_000) {
          child.kill('SIGKILL');
          reject(new Error(`${what} did not listen on port ${port}`));
        } else setTimeout(probe, 100);
      });
      socket.connect(port, '127.0.0.1', () => {
        socket.destroy();
        child.removeAllListeners('exit');
        resolve();
      });
    };
    probe();
  });
}

/** Where an S3 suite keeps files: a moto_server's endpoint, its bucket, and a key moto knows. */
export interface S3Place {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Moto {
  s3: S3Place;
  port: number;
  child: ChildProcess;
}

/**
 * A moto_server playing S3 on `port` (default: a free one), with the bucket `bucket` made. With `checkSignatures`
 * (the default) moto checks every request's SigV4 signature against an IAM user it is told to make first, with a
 * policy allowing S3; without it moto takes any key (a restarted moto has forgotten its users, see the outage suite).
 */
export async function startMoto({
  port,
  bucket = 'syncline-test',
  checkSignatures = true,
}: {
  port?: number;
  bucket?: string;
  checkSignatures?: boolean;
} = {}): Promise<Moto> {
  port ??= await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  // moto checks no request before this many have been made: the three that make the IAM user below
  if (checkSignatures) env.INITIAL_NO_AUTH_ACTION_COUNT = '3';
  else delete env.INITIAL_NO_AUTH_ACTION_COUNT;
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  await listening(port, child, 'moto_server');
  const endpoint = `http://127.0.0.1:${port}`;
  const region = 'us-east-1';
  let credentials = { accessKeyId: 'AKIAMOTOANYKEY000000', secretAccessKey: 'moto-takes-any-secret' };
  if (checkSignatures) {
    const iam = new AwsClient({ ...credentials, service: 'iam', region, retries: 0 });
    const call = async (params: Record<string, string>) => {
      const response = await iam.fetch(`${endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ Version: '2010-05-08', ...params }).toString(),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`moto IAM ${params.Action} answered ${response.status}: ${text}`);
      return text;
    };
    await call({ Action: 'CreateUser', UserName: 'syncline' });
    const key = await call({ Action: 'CreateAccessKey', UserName: 'syncline' });
    credentials = {
      accessKeyId: /<AccessKeyId>([^<]+)</.exec(key)?.[1] ?? '',
      secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(key)?.[1] ?? '',
    };
    await call({
      Action: 'PutUserPolicy',
      UserName: 'syncline',
      PolicyName: 'syncline-files',
      PolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      }),
    });
  }
  const s3 = { endpoint, bucket, region, ...credentials };
  await createBucket(s3);
  return { s3, port, child };
}

/** Makes the bucket `s3` names (signed with its key). */
export async function createBucket(s3: S3Place): Promise<void> {
  const client = new AwsClient({ ...s3, service: 's3', retries: 0 });
  const response = await client.fetch(`${s3.endpoint}/${s3.bucket}`, { method: 'PUT' });
  if (!response.ok)
    throw new Error(`moto could not make bucket ${s3.bucket}: ${response.status} ${await response.text()}`);
}
