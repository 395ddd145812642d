// Change fan-out: after a push commits, its written documents go to every stream of the same tenant.
// One topic per tenant. The in-memory bus serves one process; the Redis bus (redis-pubsub.ts) implements the same
// interface over `@graphql-yoga/redis-event-target`, which is why the default is built on an EventTarget.
import { setMaxListeners } from 'node:events';
import type { PlainDocument } from '@syncline/protocol';
import type { Checkpoint } from './storage/types.js';

/** What one committed push changed in one collection. */
export interface ChangeEvent {
  readonly collection: string;
  readonly documents: readonly PlainDocument[];
  readonly checkpoint: Checkpoint;
  /** the collection's checkpoint before this commit: a client behind it missed one and must pull */
  readonly previousCheckpoint?: Checkpoint | null;
}

export interface SyncPubSub {
  /** Delivers `event` to every subscriber of `tenant`, in this and (for a distributed bus) other processes. */
  publish(tenant: string, event: ChangeEvent): void | Promise<void>;
  /** Listens to one tenant's topic; returns the function that stops listening. */
  subscribe(tenant: string, listener: (event: ChangeEvent) => void): () => void;
  /**
   * Resolves once the listeners subscribed so far hear every event published from now on (a distributed bus
   * confirms its subscription with the broker). Without it, a listener hears events as soon as it subscribes.
   */
  listening?(): Promise<void>;
  /**
   * Called when the bus may have lost events (a distributed bus reconnecting): the server then closes every
   * stream with a retryable code, so each client reconnects and sends RESYNC.
   */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

export const tenantTopic = (tenant: string) => `syncline:tenant:${tenant}`;

export interface EventTargetPubSubOptions {
  /** Where events travel. Must deliver events with a `detail` (a CustomEvent) or `data` property. */
  eventTarget: EventTarget;
  /** Release what the event target holds (connections). */
  close?: () => Promise<void>;
  /** See `SyncPubSub.listening`. */
  listening?: () => Promise<void>;
}

/** A SyncPubSub over any EventTarget; `triggerResync()` is what a reconnecting transport calls. */
export interface EventTargetPubSub extends SyncPubSub {
  triggerResync(): void;
}

export function createEventTargetPubSub({
  eventTarget,
  close,
  listening,
}: EventTargetPubSubOptions): EventTargetPubSub {
  const resyncListeners = new Set<() => void>();
  return {
    ...(listening ? { listening } : {}),
    publish(tenant, event) {
      eventTarget.dispatchEvent(new CustomEvent(tenantTopic(tenant), { detail: event }));
    },
    subscribe(tenant, listener) {
      const handler = (event: Event) => {
        const payload = (event as CustomEvent<ChangeEvent>).detail ?? (event as unknown as { data: ChangeEvent }).data;
        listener(payload);
      };
      eventTarget.addEventListener(tenantTopic(tenant), handler);
      return () => eventTarget.removeEventListener(tenantTopic(tenant), handler);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    triggerResync() {
      for (const listener of resyncListeners) listener();
    },
    async close() {
      resyncListeners.clear();
      await close?.();
    },
  };
}

/** The single-process bus (the default). */
export function createInMemoryPubSub(): EventTargetPubSub {
  const eventTarget = new EventTarget();
  // one listener per connected stream of a tenant: more than Node's default 10 is normal, not a leak
  setMaxListeners(0, eventTarget);
  return createEventTargetPubSub({ eventTarget });
}
