// Change fan-out across server instances: `@graphql-yoga/redis-event-target` over two ioredis connections (one
// publishes, one subscribes), one channel per tenant. Redis pub/sub is at-most-once: a message sent while an
// instance's subscription is down is gone. So when the subscription comes back, the instance closes its streams
// and every client reconnects and RESYNCs (pulls from its checkpoint); and a publish that fails is followed, once
// Redis answers again, by a notice on a shared channel that makes every instance do the same.

import { hostname } from 'node:os';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import { type Logger, pino } from 'pino';
import { createEventTargetPubSub, type EventTargetPubSub } from './pubsub.js';
import { redactUrl } from './redact-url.js';

/** Where instances tell each other that an event may have been lost. */
export const RESYNC_CHANNEL = 'syncline:resync';

export interface RedisPubSubOptions {
  /** `redis://[:password@]host:6379[/db]`, or `rediss://` for TLS. */
  url: string;
  /** Where connection losses and returns are logged. Default: a pino logger at `warn`. */
  logger?: Logger;
  /**
   * How this instance's two connections are named in Redis's `CLIENT LIST` (`<name>:subscriber`,
   * `<name>:publisher`). Default `syncline:<hostname>:<pid>`.
   */
  connectionName?: string;
}

export interface RedisPubSub extends EventTargetPubSub {
  /**
   * Resolves once both connections are ready; rejects at the first connection error before that, or after
   * `timeoutMs` (default 10 s). For start-up: a server that cannot reach Redis should say so and stop.
   */
  ready(timeoutMs?: number): Promise<void>;
}

export function createRedisPubSub({
  url,
  logger: given,
  connectionName = `syncline:${hostname()}:${process.pid}`,
}: RedisPubSubOptions): RedisPubSub {
  const logger = given ?? pino({ name: 'syncline-redis', level: 'warn' });
  const where = redactUrl(url);
  // The subscriber queues its SUBSCRIBEs for as long as Redis is away (it resubscribes on return by itself).
  const subscriber = new Redis(url, { maxRetriesPerRequest: null, connectionName: `${connectionName}:subscriber` });
  // The publisher gives up on a message after a few reconnect attempts rather than queueing without bound.
  const publisher = new Redis(url, { maxRetriesPerRequest: 5, connectionName: `${connectionName}:publisher` });

  let lastError: Error | null = null;
  for (const [role, client] of [
    ['subscriber', subscriber],
    ['publisher', publisher],
  ] as const) {
    let reported = false;
    // Without a listener ioredis prints every reconnect failure; one line per outage is enough.
    client.on('error', (error: Error) => {
      lastError = error;
      if (!reported) logger.warn({ err: error, redis: where, role }, 'Redis connection failed; retrying');
      reported = true;
    });
    client.on('ready', () => {
      if (reported) logger.warn({ redis: where, role }, 'Redis connection back');
      reported = false;
    });
  }

  let publishLost = false;
  const announceLoss = () => {
    publishLost = false;
    publisher
      .publish(RESYNC_CHANNEL, JSON.stringify({ reason: 'publish failed' }))
      .catch((error: Error) => lostPublish(error));
  };
  const lostPublish = (error: Error) => {
    logger.warn({ err: error, redis: where }, 'a change event could not be published: streams will resync');
    publishLost = true;
    if (publisher.status === 'ready') announceLoss();
  };
  publisher.on('ready', () => {
    if (publishLost) announceLoss();
  });

  // The event target publishes without awaiting; a rejected publish must not become an unhandled rejection.
  const publishClient = new Proxy(publisher, {
    get(target, property, receiver) {
      if (property === 'publish') {
        return (channel: string, message: string) => target.publish(channel, message).catch(lostPublish);
      }
      return Reflect.get(target, property, receiver);
    },
  });
  // Likewise its SUBSCRIBE and UNSUBSCRIBE while Redis is down (a stream opening during a Redis restart): the
  // rejection is logged, not left unhandled; when Redis is back every stream is closed and resubscribes.
  const subscribeClient = new Proxy(subscriber, {
    get(target, property, receiver) {
      if (property === 'subscribe' || property === 'unsubscribe') {
        return (...channels: string[]) =>
          target[property](...channels).catch((error: Error) => {
            logger.warn(
              { err: error, redis: where, channels },
              `Redis ${property} failed: streams resync when it is back`,
            );
          });
      }
      return Reflect.get(target, property, receiver);
    },
  });
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });

  const pubsub = createEventTargetPubSub({
    eventTarget,
    // a PING queued behind the SUBSCRIBEs sent so far answers once they are in place
    listening: () => subscriber.ping().then(() => undefined),
    close: async () => {
      await Promise.all(
        [subscriber, publisher].map((client) =>
          client.status === 'ready' ? client.quit().then(undefined, () => client.disconnect()) : client.disconnect(),
        ),
      );
    },
  });

  const resync = () => {
    logger.warn({ redis: where }, 'Redis may have dropped change events: closing streams so clients resync');
    pubsub.triggerResync();
  };
  eventTarget.addEventListener(RESYNC_CHANNEL, resync);

  let subscribedOnce = false;
  subscriber.on('ready', () => {
    if (!subscribedOnce) {
      subscribedOnce = true;
      return;
    }
    // ioredis announces 'ready' just before it sends its SUBSCRIBEs again; a PING queued behind them answers once
    // they are in place, so clients that resync right away find their tenant's channel listening.
    setImmediate(() => {
      subscriber.ping().then(resync, resync);
    });
  });

  return {
    ...pubsub,
    ready(timeoutMs = 10_000) {
      const waitFor = (client: Redis) =>
        client.status === 'ready'
          ? Promise.resolve()
          : new Promise<void>((resolve, reject) => {
              const fail = (error: Error) => {
                client.off('ready', succeed);
                reject(new Error(`Cannot reach Redis at ${where}: ${error.message}.`));
              };
              const succeed = () => {
                client.off('error', fail);
                resolve();
              };
              client.once('ready', succeed);
              client.once('error', fail);
            });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `Redis at ${where} did not answer within ${timeoutMs} ms${lastError ? ` (${lastError.message})` : ''}.`,
              ),
            ),
          timeoutMs,
        );
      });
      return Promise.race([
        Promise.all([waitFor(subscriber), waitFor(publisher)]).then(() => undefined),
        timeout,
      ]).finally(() => clearTimeout(timer));
    },
  };
}
