// With Redis fan-out, a stream announces that it listens (STREAM_READY) only once Redis has taken its SUBSCRIBE:
// the server's `listening()` sends a PING behind the SUBSCRIBEs and waits for its answer, which Redis gives after
// them. Here the subscriber's connection reaches Redis through a proxy that holds every chunk 400 ms each way,
// and another connection publishes the moment `listening()` resolves: the event must be heard. Beside it, the
// window this closes: published right after subscribing, without waiting, the same event is lost.
import { type ChangeEvent, createRedisPubSub, type RedisPubSub } from '@syncline/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../support/fault-proxy';

const redisUrl = inject('redisUrl');
// a machine without Redis fails here, saying why (.ci/run installs it), rather than quietly testing less
if (!redisUrl) {
  it('needs Redis', () => {
    throw new Error(`The Redis listening suite could not run: ${inject('redisMissing')}`);
  });
}

const HOLD_MS = 400;

const event = (id: string): ChangeEvent => ({
  collection: 'items',
  documents: [{ id, title: id, updatedAt: 1 }],
  checkpoint: { id, updatedAt: 1 },
  previousCheckpoint: null,
});

describe.runIf(redisUrl)('a stream listening through a slow Redis connection', () => {
  let proxy: FaultProxy;
  let slow: RedisPubSub;
  let direct: RedisPubSub;

  beforeAll(async () => {
    const target = new URL(redisUrl as string);
    proxy = await startFaultProxy({
      targetPort: Number(target.port || 6379),
      random: () => 0.999,
      maxDelayMs: HOLD_MS,
    });
    slow = createRedisPubSub({ url: `redis://127.0.0.1:${proxy.port}`, connectionName: 'listening-slow' });
    direct = createRedisPubSub({ url: redisUrl as string, connectionName: 'listening-direct' });
    await Promise.all([slow.ready(), direct.ready()]);
    // from here on, every chunk between the slow subscriber and Redis waits
    proxy.fault('delay', 5 * 60_000);
  });

  afterAll(async () => {
    // the last UNSUBSCRIBEs are still on their way: let them through before closing
    proxy?.heal();
    await slow?.listening?.();
    await slow?.close();
    await direct?.close();
    await proxy?.close();
  });

  it('hears an event published the moment listening() resolves', async () => {
    const tenant = `listening-${Date.now().toString(36)}`;
    const heard: string[] = [];
    const stop = slow.subscribe(tenant, (change) => heard.push(String(change.checkpoint.id)));
    try {
      const started = Date.now();
      await slow.listening?.();
      // the answer came back through the held connection: the SUBSCRIBE went out and its confirmation came back
      expect(Date.now() - started).toBeGreaterThanOrEqual(HOLD_MS);
      await direct.publish(tenant, event('after-listening'));
      await expect.poll(() => heard, { timeout: 5_000 }).toEqual(['after-listening']);
    } finally {
      stop();
    }
  });

  it('(the window it closes) loses an event published right after subscribing, without waiting', async () => {
    const tenant = `not-yet-${Date.now().toString(36)}`;
    const heard: string[] = [];
    const stop = slow.subscribe(tenant, (change) => heard.push(String(change.checkpoint.id)));
    try {
      await direct.publish(tenant, event('too-early'));
      await slow.listening?.();
      await direct.publish(tenant, event('in-time'));
      await expect.poll(() => heard, { timeout: 5_000 }).toContain('in-time');
      expect(heard).toEqual(['in-time']);
    } finally {
      stop();
    }
  });
});
