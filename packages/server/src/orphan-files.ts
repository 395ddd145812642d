// Files no document names any more (a photo removed from its order, a document deleted, an upload never attached),
// and uploads left half-done, are removed once they have not changed for a grace period (default 24 h): when the
// server starts and then on an interval, on a timer that never keeps the process alive. A file is kept while any
// document of its tenant and collection that is not deleted lists it; nothing but the store's own files of
// collections that take files is ever touched.
import { type CollectionFiles, filesFieldOf } from '@syncline/protocol';
import type { Logger } from 'pino';
import type { SyncCollection } from './collections.js';
import type { FileStore, StaleFile } from './file-store.js';
import { periodic } from './periodic.js';
import type { Checkpoint, SyncStorage } from './storage/types.js';

export interface OrphanFileOptions {
  /** How long a file nothing names (or a partial upload) is kept since its last change, in ms. Default 24 h. */
  graceMs?: number;
  /** How often the sweep runs while the server runs, in ms. Default one hour. */
  sweepEveryMs?: number;
}

export const DEFAULT_ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;

const PAGE = 500;

export interface OrphanSweepParts {
  store: FileStore;
  storage: SyncStorage;
  collections: readonly SyncCollection[];
  logger: Logger;
  /** The wall clock, in ms (tests). */
  now?: () => number;
}

export interface OrphanSweep {
  /** Removes what is past the grace period now; resolves with how many files went. */
  sweep(): Promise<number>;
  /** Sweeps now, then every `sweepEveryMs`. */
  start(): Promise<void>;
  stop(): void;
}

/** The ids every live document of `collection` for `tenant` lists in its files field. */
async function namedFiles(storage: SyncStorage, tenant: string, collection: SyncCollection): Promise<Set<string>> {
  const field = filesFieldOf(collection.files as CollectionFiles);
  const named = new Set<string>();
  let after: Checkpoint | null = null;
  for (;;) {
    const page = await storage.pull({ tenant, collection: collection.name, after, limit: PAGE });
    for (const doc of page) {
      const files = doc.deleted ? undefined : (doc.data as Record<string, unknown>)[field];
      if (Array.isArray(files)) for (const file of files) named.add(String((file as { id?: unknown })?.id));
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) return named;
    after = { id: last.id, updatedAt: last.updatedAt };
  }
}

export function orphanSweep(
  { store, storage, collections, logger, now = Date.now }: OrphanSweepParts,
  options: OrphanFileOptions = {},
): OrphanSweep {
  const graceMs = options.graceMs ?? DEFAULT_ORPHAN_GRACE_MS;
  const every = options.sweepEveryMs ?? 60 * 60 * 1000;
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error('files.orphans.graceMs must be 0 or more ms.');
  if (!Number.isInteger(every) || every < 1)
    throw new Error('files.orphans.sweepEveryMs must be a positive whole number.');
  const withFiles = new Map(collections.filter((c) => c.files).map((c) => [c.name, c]));
  let running: Promise<number> | undefined;

  const sweepOnce = async (): Promise<number> => {
    const before = now() - graceMs;
    // the stale files of each tenant's collection, so each collection's documents are read once a sweep
    const groups = new Map<string, StaleFile[]>();
    for await (const stale of store.unchangedSince(before)) {
      if (!withFiles.has(stale.key.collection)) continue;
      const group = JSON.stringify([stale.key.tenant, stale.key.collection]);
      const files = groups.get(group) ?? [];
      files.push(stale);
      groups.set(group, files);
    }
    let removed = 0;
    for (const stale of groups.values()) {
      const { tenant, collection } = (stale[0] as StaleFile).key;
      const named = await namedFiles(storage, tenant, withFiles.get(collection) as SyncCollection);
      for (const { key, state } of stale) {
        // a partial upload past the grace period goes whoever names it: the device sends it again from the start
        if (state === 'complete' && named.has(key.id)) continue;
        if (await store.exclusive(key, () => store.remove(key, before))) removed += 1;
      }
    }
    if (removed > 0) logger.info({ removed, graceMs }, 'files no document names removed');
    return removed;
  };

  const sweep = () => {
    running ??= sweepOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  // a failed sweep never stops the server: it is logged, and the next one tries again
  const repeated = periodic(sweep, {
    everyMs: every,
    onError: (error) => logger.warn({ err: error }, 'removing orphan files failed'),
    firstRun: 'reported',
  });
  return { sweep, start: repeated.start, stop: repeated.stop };
}
