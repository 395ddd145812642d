// Two instances, one truth: two `syncline-server` processes on different ports over one PostgreSQL and one Redis.
// A client reaches instance A through a tiny loopback balancer (A first, B when A does not answer), another talks
// to B. Each sees the other's writes through its stream; then A is killed mid-stream, its client fails over to B,
// RESYNCs, and both clients and the database converge.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../src/auth.js';
import type { SyncSchemas } from '../src/server.js';
import { createPostgresSchema, TEST_JWT_SECRET } from '../src/testing.js';
import { requirePostgres, requireRedis } from './engines.js';
import {
  createRxClient,
  eventually,
  makeTask,
  pullAllTasks,
  type RxClient,
  type Task,
  testCollections,
} from './helpers.js';
import { type LoopbackBalancer, startBalancer } from './loopback-balancer.js';
import { freePort, startServerProcess, stopProcess } from './processes.js';

const postgresUrl = requirePostgres('two server instances');
const redisUrl = requireRedis('two server instances');

describe.runIf(postgresUrl && redisUrl)('two server instances over one PostgreSQL and one Redis', () => {
  const running = new Set<ChildProcess>();
  const clients: RxClient[] = [];
  let dir: string;
  let schema: { url: string; drop: () => Promise<void> };
  let lb: LoopbackBalancer;
  let instanceA: ChildProcess;
  let portB: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncline-scale-'));
    schema = await createPostgresSchema(postgresUrl as string);
    const schemaFile = join(dir, 'schemas.json');
    writeFileSync(schemaFile, JSON.stringify(testCollections));
    const [portA, port] = [await freePort(), await freePort()];
    portB = port;
    const env = { SYNCLINE_JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: schema.url, REDIS_URL: redisUrl as string };
    // Both at once, as a deployment starts them: migrations take their lock, one runs them.
    const [a, b] = await Promise.all(
      [portA, portB].map((p) =>
        startServerProcess(['--schema', schemaFile, '--port', String(p)], { cwd: dir, env, running }),
      ),
    );
    instanceA = (a as { child: ChildProcess }).child;
    expect(b?.banner).toMatch(/fan-out through Redis at redis:\/\/127\.0\.0\.1/);
    lb = await startBalancer([portA, portB]);
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    for (const child of running) await stopProcess(child, 'SIGKILL');
    await lb?.close();
    await schema?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries writes between instances, and moves A’s clients to B when A dies mid-stream', async () => {
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'fleet' });
    const balanced = `http://127.0.0.1:${lb.port}`;
    const direct = `http://127.0.0.1:${portB}`;
    const settings = (await (await fetch(`${balanced}/sync/schemas`)).json()) as SyncSchemas;
    const connect = async (origin: string) => {
      const client = await createRxClient({
        url: `${origin}/graphql`,
        wsUrl: `${origin.replace('http', 'ws')}/graphql`,
        token,
        settings,
        only: ['tasks'],
      });
      clients.push(client);
      await client.inSync();
      return client;
    };
    const onA = await connect(balanced);
    const onB = await connect(direct);
    const tasks = (client: RxClient) => client.collection('tasks');
    const titleOf = async (client: RxClient, id: string) =>
      ((await tasks(client).findOne(id).exec())?.toJSON() as Task | undefined)?.title;

    // Live, both ways: neither client pulls by itself once in sync, so these arrive through the streams,
    // published by one instance and delivered through Redis by the other.
    await tasks(onA).insert(makeTask('from-a', { title: 'written on A' }));
    await eventually(async () => expect(await titleOf(onB, 'from-a')).toBe('written on A'));
    await tasks(onB).insert(makeTask('from-b', { title: 'written on B' }));
    await eventually(async () => expect(await titleOf(onA, 'from-b')).toBe('written on B'));

    // B keeps writing; A dies while its client is streaming those writes.
    const burst = (async () => {
      for (let i = 0; i < 30; i++) await tasks(onB).insert(makeTask(`burst-${String(i).padStart(2, '0')}`));
    })();
    await eventually(async () => expect(await tasks(onA).count().exec()).toBeGreaterThan(5));
    expect(await stopProcess(instanceA, 'SIGKILL')).toBeNull();
    // Written on A's client while its server is gone: kept locally, pushed once it reaches B.
    await tasks(onA).insert(makeTask('after-failover', { title: 'pushed to B' }));
    await burst;
    // Written on B after A died: A's client can only learn of it from B, once its stream has moved there.
    await tasks(onB).insert(makeTask('after-kill', { title: 'streamed from B' }));
    await eventually(async () => expect(await titleOf(onA, 'after-kill')).toBe('streamed from B'), 45_000);

    const everything = async (client: RxClient) =>
      (
        await tasks(client)
          .find({ sort: [{ id: 'asc' }] })
          .exec()
      ).map((doc) => {
        // Not updatedAt: a client may miss the echo of its own push and keep its local value (DESIGN.md).
        const { id, title } = doc.toJSON() as Task;
        return { id, title };
      });
    await eventually(async () => {
      expect(await tasks(onA).count().exec()).toBe(34);
      expect(await tasks(onB).count().exec()).toBe(34);
    }, 45_000);
    await eventually(async () => expect(await everything(onA)).toEqual(await everything(onB)), 30_000);
    const stored = (await pullAllTasks(`${direct}/graphql`, token))
      .map(({ id, title }) => ({ id, title }))
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(await everything(onA)).toEqual(stored);
    expect(stored.find((doc) => doc.id === 'after-failover')?.title).toBe('pushed to B');
  }, 120_000);
});
