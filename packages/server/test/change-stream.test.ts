// A stream's view of the tenant topic: its collection only, in order, and cut off (never silently thinned)
// when it falls too far behind, so the client reconnects and RESYNCs.
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { changeStream } from '../src/change-stream.js';
import { mapStream, type SyncContext } from '../src/graphql-schema.js';
import { createInMemoryPubSub } from '../src/pubsub.js';

const event = (collection: string, id: string) => ({
  collection,
  documents: [{ id }],
  checkpoint: { id, updatedAt: 1 },
});

describe('change stream', () => {
  it('delivers its tenant’s events of its collection, in order', async () => {
    const pubsub = createInMemoryPubSub();
    const stream = changeStream(pubsub, 'acme', 'tasks');
    pubsub.publish('acme', event('tasks', 'a'));
    pubsub.publish('acme', event('notes', 'n'));
    pubsub.publish('globex', event('tasks', 'g'));
    pubsub.publish('acme', event('tasks', 'b'));
    expect((await stream.next()).value?.checkpoint.id).toBe('a');
    expect((await stream.next()).value?.checkpoint.id).toBe('b');
    await stream.return?.();
    expect(await stream.next()).toEqual({ value: undefined, done: true });
  });

  it('closes a ws client that falls behind with 1013, so it reconnects and resyncs', async () => {
    const pubsub = createInMemoryPubSub();
    const closed: Array<[number, string]> = [];
    const context: SyncContext = {
      authenticate: () => Promise.reject(new Error('unused')),
      log: pino({ level: 'silent' }),
      closeConnection: (code, reason) => closed.push([code, reason]),
    };
    const stream = mapStream(changeStream(pubsub, 'acme', 'tasks', { buffer: 2 }), context);
    for (const id of ['a', 'b', 'c']) pubsub.publish('acme', event('tasks', id));
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(closed).toEqual([[1013, 'Stream fell behind: reconnect and resync']]);
  });
});
