// One stream subscription's view of the tenant topic: the events of one collection, buffered up to a bound.
// A subscriber that falls further behind is cut off (so its client reconnects and RESYNCs) rather than
// silently skipping events, which would move its checkpoint past documents it never saw.
import type { ChangeEvent, SyncPubSub } from './pubsub.js';

export const DEFAULT_STREAM_BUFFER = 1000;

export class StreamOverflowError extends Error {
  override name = 'StreamOverflowError';
}

export function changeStream(
  pubsub: SyncPubSub,
  tenant: string,
  collection: string,
  options: { buffer?: number; signal?: AbortSignal; first?: ChangeEvent } = {},
): AsyncIterableIterator<ChangeEvent> {
  const limit = options.buffer ?? DEFAULT_STREAM_BUFFER;
  // `first` goes out before any change: a stream's announcement that it is listening
  const queue: ChangeEvent[] = options.first ? [options.first] : [];
  let waiting: ((result: IteratorResult<ChangeEvent>) => void) | null = null;
  let done = false;
  let failure: Error | null = null;

  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    options.signal?.removeEventListener('abort', finish);
    waiting?.({ value: undefined, done: true });
    waiting = null;
  };

  const unsubscribe = pubsub.subscribe(tenant, (event) => {
    if (done || event.collection !== collection) return;
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve({ value: event, done: false });
      return;
    }
    if (queue.length >= limit) {
      // Nobody is waiting (the queue is full), so the next read meets the failure.
      queue.length = 0;
      failure = new StreamOverflowError(`The stream fell more than ${limit} changes behind; reconnect to resync.`);
      finish();
      return;
    }
    queue.push(event);
  });
  options.signal?.addEventListener('abort', finish, { once: true });

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      const event = queue.shift();
      if (event) return Promise.resolve({ value: event, done: false });
      if (failure) return Promise.reject(failure);
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiting = resolve;
      });
    },
    return() {
      finish();
      return Promise.resolve({ value: undefined, done: true });
    },
    throw(error?: unknown) {
      finish();
      return Promise.reject(error);
    },
  };
}
