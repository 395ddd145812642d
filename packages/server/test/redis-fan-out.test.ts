// Redis fan-out: one channel per tenant, and a RESYNC for every stream when the instance's Redis subscription
// drops and comes back, or when any instance failed to publish a change (Redis pub/sub is at-most-once:
// whatever was published meanwhile, or not at all, is gone).
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { applyPush } from '../src/push.js';
import { createRedisPubSub } from '../src/redis-pubsub.js';
import type { SyncSchemas } from '../src/server.js';
import { createSyncServer } from '../src/server.js';
import { createPostgresStorage } from '../src/storage/postgres.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { requirePostgres, requireRedis } from './engines.js';
import {
  createRxClient,
  eventually,
  makeTask,
  pushTasks,
  type RxClient,
  type Task,
  testCollections,
  wire,
} from './helpers.js';
import { startBalancer } from './loopback-balancer.js';

const redisUrl = requireRedis('Redis fan-out');
const postgresUrl = requirePostgres('Redis fan-out');

describe.runIf(redisUrl && postgresUrl)('Redis fan-out', () => {
  const name = `syncline-test:${randomUUID()}`;
  let server: TestServer;
  let admin: Redis;
  let settings: SyncSchemas;
  const clients: RxClient[] = [];

  beforeAll(async () => {
    const pubsub = createRedisPubSub({
      url: redisUrl as string,
      logger: pino({ level: 'silent' }),
      connectionName: name,
    });
    await pubsub.ready();
    server = await startTestServer({
      collections: testCollections,
      postgresUrl: postgresUrl as string,
      serverOptions: { pubsub },
    });
    admin = new Redis(redisUrl as string);
    settings = (await (await fetch(`${server.origin}/sync/schemas`)).json()) as SyncSchemas;
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
    await server.close();
    admin.disconnect();
  });

  const watch = async (tenant: string) => {
    const client = await createRxClient({
      url: server.url,
      wsUrl: server.wsUrl,
      token: await server.token(tenant),
      settings,
      only: ['tasks'],
    });
    clients.push(client);
    await client.inSync();
    return client;
  };
  const titleOf = async (client: RxClient, id: string) =>
    ((await client.collection('tasks').findOne(id).exec())?.toJSON() as Task | undefined)?.title;

  it('publishes each tenant’s changes on that tenant’s channel', async () => {
    const listener = new Redis(redisUrl as string);
    const heard: Array<{ channel: string; ids: string[] }> = [];
    listener.on('pmessage', (_pattern, channel, message) => {
      const event = JSON.parse(message) as { documents: Array<{ id: string }> };
      heard.push({ channel, ids: event.documents.map((doc) => doc.id) });
    });
    await listener.psubscribe('syncline:tenant:*');
    await pushTasks(server.url, await server.token('acme'), [{ newDocumentState: wire(makeTask('a1')) }]);
    await pushTasks(server.url, await server.token('globex'), [{ newDocumentState: wire(makeTask('g1')) }]);
    await eventually(() => heard.length === 2);
    listener.disconnect();
    expect(heard).toEqual([
      { channel: 'syncline:tenant:acme', ids: ['a1'] },
      { channel: 'syncline:tenant:globex', ids: ['g1'] },
    ]);
  });

  it('RESYNCs its streams when its Redis subscription drops and returns, so nothing published meanwhile is lost', async () => {
    const watcher = await watch('dropped');
    const [tasks] = defineCollections({ tasks: testCollections.tasks });
    if (!tasks) throw new Error('no collection');
    // Written as another instance would while this one's subscription is down: its event never arrives here.
    const other = await server.openStorage();
    await applyPush(other, 'dropped', tasks, [{ newDocumentState: { ...wire(makeTask('m1', { title: 'missed' })) } }]);
    await other.close();

    const list = (await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const id = /(?:^|\s)id=(\d+)\s.*name=(\S+)/gm;
    const subscriberId = [...list.matchAll(id)].find((match) => match[2] === `${name}:subscriber`)?.[1];
    expect(subscriberId).toBeDefined();
    await admin.call('CLIENT', 'KILL', 'ID', subscriberId as string);

    await eventually(async () => expect(await titleOf(watcher, 'm1')).toBe('missed'), 30_000);
    // And the stream carries live changes again.
    await pushTasks(server.url, await server.token('dropped'), [
      { newDocumentState: wire(makeTask('m2', { title: 'live again' })) },
    ]);
    await eventually(async () => expect(await titleOf(watcher, 'm2')).toBe('live again'));
  });

  it('when an instance cannot publish a change, every instance’s streams RESYNC once Redis answers it again', async () => {
    // Instance A reaches Redis through a link the test can cut; the test server (B) keeps its own connections.
    const redisPort = Number(new URL(redisUrl as string).port);
    const link = await startBalancer([redisPort]);
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });
    const pubsub = createRedisPubSub({ url: `redis://127.0.0.1:${link.port}`, logger });
    await pubsub.ready();
    const instanceA = createSyncServer({
      collections: testCollections,
      storage: createPostgresStorage({ connectionString: server.databaseUrl as string, maxConnections: 2 }),
      pubsub,
      auth: { secret: TEST_JWT_SECRET },
      logger: 'silent',
    });
    const { url } = await instanceA.listen(0);
    try {
      const watcher = await watch('unpublished');
      link.cut();
      const pushed = await pushTasks(url, await server.token('unpublished'), [
        { newDocumentState: wire(makeTask('u1', { title: 'committed, not announced' })) },
      ]);
      expect(pushed.errors).toBeUndefined();
      // Committed on A, announced to no one: ioredis gives the message up after its retries.
      await eventually(() => warnings.some((line) => line.includes('could not be published')), 30_000);
      link.restore();
      await eventually(async () => expect(await titleOf(watcher, 'u1')).toBe('committed, not announced'), 30_000);
    } finally {
      await instanceA.close();
      await link.close();
    }
  });
});
