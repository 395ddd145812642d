// Files no document names any more (a photo removed from its order, a document deleted, an upload never attached),
// and uploads left half-done, are removed once they have not changed for a while: when the server starts and then
// on an interval, on a timer that never keeps the process alive. A half upload goes after a short grace (default
// 24 h: its device sends it again from the start); a complete file nothing names waits much longer (default 30
// days), since a device may upload a photo and go offline before its document is pushed. A file is kept while any
// document of its tenant and collection that is not deleted lists it, and that is checked again under the file's
// lock just before it goes, so a document pushed while the sweep runs keeps its file. Nothing but the store's own
// files of collections that take files is ever touched.
import { type CollectionFiles, filesFieldOf } from '@syncline/protocol';
import type { Logger } from 'pino';
import type { SyncCollection } from './collections.js';
import type { FileKey, FileStore, StaleFile } from './file-store.js';
import { periodic } from './periodic.js';
import type { Checkpoint, SyncStorage } from './storage/types.js';

export interface OrphanFileOptions {
  /** How long a half upload is kept since its last chunk, in ms. Default 24 h. */
  graceMs?: number;
  /**
   * How long a complete file no document names is kept since it completed, in ms: long enough for the device
   * that uploaded it to push the document naming it after days offline. Default 30 days (or `graceMs`, if longer).
   */
  completeGraceMs?: number;
  /** How often the sweep runs while the server runs, in ms. Default one hour. */
  sweepEveryMs?: number;
}

export const DEFAULT_ORPHAN_GRACE_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_COMPLETE_FILE_GRACE_MS = 30 * DEFAULT_ORPHAN_GRACE_MS;

const PAGE = 500;

export interface OrphanSweepParts {
  store: FileStore;
  storage: SyncStorage;
  collections: readonly SyncCollection[];
  logger: Logger;
  /** The wall clock, in ms (tests). */
  now?: () => number;
  /**
   * Called once the sweep has found a file no document names, before it takes the file's lock to remove it (tests:
   * a push that lands just then).
   */
  beforeRemoving?: (key: FileKey) => Promise<void>;
}

export interface OrphanSweep {
  /** Removes what is past the grace period now; resolves with how many files went. */
  sweep(): Promise<number>;
  /** Sweeps now, then every `sweepEveryMs`. */
  start(): Promise<void>;
  stop(): void;
}

/**
 * The ids the live documents of one tenant's collection list in its files field: read whole once, then caught up
 * with the documents written since (a tenant's writes commit in `updatedAt` order, so a pull after the last one
 * read brings every later commit). A name once seen is kept for the sweep, whatever came later: it may keep a
 * file one sweep too long, never remove one too soon.
 */
function namedFiles(storage: SyncStorage, tenant: string, collection: SyncCollection) {
  const field = filesFieldOf(collection.files as CollectionFiles);
  const named = new Set<string>();
  let after: Checkpoint | null = null;
  return async (id: string): Promise<boolean> => {
    for (;;) {
      const page = await storage.pull({ tenant, collection: collection.name, after, limit: PAGE });
      for (const doc of page) {
        const files = doc.deleted ? undefined : (doc.data as Record<string, unknown>)[field];
        if (Array.isArray(files)) for (const file of files) named.add(String((file as { id?: unknown })?.id));
      }
      const last = page.at(-1);
      if (last) after = { id: last.id, updatedAt: last.updatedAt };
      if (page.length < PAGE) return named.has(id);
    }
  };
}

export function orphanSweep(
  { store, storage, collections, logger, now = Date.now, beforeRemoving }: OrphanSweepParts,
  options: OrphanFileOptions = {},
): OrphanSweep {
  const graceMs = options.graceMs ?? DEFAULT_ORPHAN_GRACE_MS;
  const completeGraceMs = options.completeGraceMs ?? Math.max(DEFAULT_COMPLETE_FILE_GRACE_MS, graceMs);
  const every = options.sweepEveryMs ?? 60 * 60 * 1000;
  if (!Number.isFinite(graceMs) || graceMs < 0) throw new Error('files.orphans.graceMs must be 0 or more ms.');
  if (!Number.isFinite(completeGraceMs) || completeGraceMs < graceMs) {
    throw new Error(
      `files.orphans.completeGraceMs must be at least graceMs (${graceMs} ms): a complete file is kept no shorter than a half upload.`,
    );
  }
  if (!Number.isInteger(every) || every < 1)
    throw new Error('files.orphans.sweepEveryMs must be a positive whole number.');
  const withFiles = new Map(collections.filter((c) => c.files).map((c) => [c.name, c]));
  let running: Promise<number> | undefined;

  const sweepOnce = async (): Promise<number> => {
    const at = now();
    const before = { partial: at - graceMs, complete: at - completeGraceMs };
    // the stale files of each tenant's collection, so each collection's documents are read once a sweep
    const groups = new Map<string, StaleFile[]>();
    for await (const stale of store.unchangedSince(before.partial)) {
      if (!withFiles.has(stale.key.collection) || stale.changedAt >= before[stale.state]) continue;
      const group = JSON.stringify([stale.key.tenant, stale.key.collection]);
      const files = groups.get(group) ?? [];
      files.push(stale);
      groups.set(group, files);
    }
    let removed = 0;
    for (const stale of groups.values()) {
      const { tenant, collection } = (stale[0] as StaleFile).key;
      const names = namedFiles(storage, tenant, withFiles.get(collection) as SyncCollection);
      for (const { key, state } of stale) {
        // a half upload past its grace goes whoever names it: the device sends it again from the start
        if (state === 'complete' && (await names(key.id))) continue;
        await beforeRemoving?.(key);
        const gone = await store.exclusive(key, async () => {
          // asked again under the lock: a document pushed since the first read keeps its file
          if (state === 'complete' && (await names(key.id))) return false;
          return store.remove(key, before[state]);
        });
        if (gone) removed += 1;
      }
    }
    if (removed > 0) logger.info({ removed, graceMs, completeGraceMs }, 'files no document names removed');
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
