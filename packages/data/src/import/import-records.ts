// Moves records from an old store (a localStorage key, any array or iterable) into one collection, once: batch by
// batch, its progress kept on the device after each batch, so a reload half-way goes on where it stopped, and a
// finished import answers its report and writes nothing. See batch.ts for what happens to each record.
import type { RxCollection } from 'rxdb';
import type { AnyRxDatabase } from '../any-database';
import { findInternals } from '../internals';
import { type BatchOutcome, type ImportMap, importBatch } from './batch';
import { type ImportReport, readImportReport, saveImportReport } from './report';
import { type ImportSource, positionedBatches, type SourceRecords, toImportSource } from './source';

export interface ImportRecordsOptions<R = unknown> {
  /** names the import on this device: once finished, an import by this id answers its report and writes nothing */
  importId: string;
  /** the collection the documents go to */
  collection: string;
  source: ImportSource<R> | readonly R[] | Iterable<R> | AsyncIterable<R>;
  /**
   * old shape -> the collection's document; without it each record is the document. It must give the same document
   * for the same record every time (no clock, no random id): an import that goes on after an interruption
   * recognises its own earlier writes by their content. Throw an Error whose message a person reads for a record it
   * cannot convert: the report lists it with that message.
   */
  map?: ImportMap<R>;
  /** records per batch (default 100): each batch is one write, then the progress is kept */
  batchSize?: number;
  /** a pause between batches, so a large import in the background leaves the app its time (default 0: one tick) */
  pauseMs?: number;
  /** stops after the batch under way (its progress kept); the import then rejects with the signal's reason */
  signal?: AbortSignal;
  /** called with the report after each batch */
  onProgress?: (report: ImportReport) => void;
}

const identity = <R>(record: R) => record as unknown as Record<string, unknown>;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function freshReport(
  options: Pick<ImportRecordsOptions, 'importId' | 'collection'>,
  source: Pick<ImportSource, 'description'>,
  read: Pick<SourceRecords<unknown>, 'total' | 'fingerprint'>,
): ImportReport {
  return {
    importId: options.importId,
    collectionName: options.collection,
    state: 'running',
    source: source.description,
    ...(read.fingerprint === undefined ? {} : { sourceFingerprint: read.fingerprint }),
    ...(read.total === undefined ? {} : { total: read.total }),
    done: 0,
    imported: 0,
    alreadyPresent: [],
    notImported: [],
    startedAt: Date.now(),
  };
}

/** The report after one more batch: its records handled, the position after its last. */
function withBatch(report: ImportReport, outcome: BatchOutcome, done: number): ImportReport {
  return {
    ...report,
    done,
    imported: report.imported + outcome.imported,
    alreadyPresent: [...report.alreadyPresent, ...outcome.alreadyPresent],
    notImported: [...report.notImported, ...outcome.notImported],
  };
}

/** Goes on from a stored report when it is of the same source and collection; starts afresh otherwise. */
function resumed(stored: ImportReport | undefined, fresh: ImportReport): ImportReport {
  if (
    !stored ||
    stored.collectionName !== fresh.collectionName ||
    stored.sourceFingerprint !== fresh.sourceFingerprint ||
    stored.total !== fresh.total
  ) {
    return fresh;
  }
  const { problem: _problem, ...rest } = stored;
  return { ...rest, state: 'running' };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run<R>(database: AnyRxDatabase, options: ImportRecordsOptions<R>): Promise<ImportReport> {
  const stored = await readImportReport(database, options.importId);
  if (stored?.state === 'finished') return stored;
  const collection = database.collections[options.collection] as RxCollection | undefined;
  if (!collection) throw new Error(`The database has no collection "${options.collection}" to import into.`);
  const source = toImportSource(options.source);
  let report: ImportReport | undefined = stored;
  const fail = async (problem: string) => {
    const failed: ImportReport = {
      ...(report ?? freshReport(options, source, {})),
      state: 'failed',
      problem,
    };
    await saveImportReport(database, failed);
    return new Error(problem);
  };

  let read: SourceRecords<R>;
  try {
    read = await source.read();
  } catch (error) {
    throw await fail(messageOf(error));
  }
  report = resumed(stored, freshReport(options, source, read));
  await saveImportReport(database, report);
  options.onProgress?.(report);

  const convert = options.map ?? identity;
  const loadCheck = findInternals(database)?.documentChecks[options.collection];
  const size = Math.max(1, options.batchSize ?? 100);
  try {
    for await (const batch of positionedBatches(read.records, report.done, size)) {
      options.signal?.throwIfAborted();
      const outcome = await importBatch(collection, batch, convert, await loadCheck?.());
      // kept after the batch's write: an interruption in between imports the batch again, which finds its records
      // there as written and counts them once
      report = withBatch(report, outcome, (batch.at(-1)?.position ?? report.done) + 1);
      await saveImportReport(database, report);
      options.onProgress?.(report);
      await pause(options.pauseMs ?? 0);
    }
  } catch (error) {
    if (options.signal?.aborted || database.closed) throw error;
    throw await fail(
      `The import stopped at record ${report.done + 1}: ${messageOf(error)}. Nothing was lost: it goes on from ` +
        'there when the app starts again.',
    );
  }
  report = { ...report, state: 'finished', total: report.done, finishedAt: Date.now() };
  await saveImportReport(database, report);
  options.onProgress?.(report);
  return report;
}

/** Imports running in this JavaScript realm, by database and import id: a second call joins the first. */
const running = new WeakMap<object, Map<string, { done: Promise<ImportReport>; signal?: AbortSignal }>>();

interface LockManagerLike {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: () => Promise<T>): Promise<T>;
}

/** Other tabs of the app import the same data one at a time (Web Locks, where there are). */
function oneTabAtATime<T>(name: string, signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks;
  return locks ? locks.request(name, signal ? { signal } : {}, task) : task();
}

/**
 * Runs the import `options.importId` into `database`, or goes on with it where it stopped, and resolves with its
 * report once every record of the source is handled. A finished import resolves with its stored report at once and
 * writes nothing. The source is never changed. Progress: `onProgress`, `importReport$` or `useImportReport`.
 */
export function importRecords<R = unknown>(
  database: AnyRxDatabase,
  options: ImportRecordsOptions<R>,
): Promise<ImportReport> {
  const runs = running.get(database) ?? new Map();
  running.set(database, runs);
  const current = runs.get(options.importId);
  // a second caller joins the run under way, unless that one was told to stop: then it goes on after it
  if (current && !current.signal?.aborted) return current.done;
  const after = current ? current.done.catch(() => undefined) : Promise.resolve();
  const done = after.then(() =>
    oneTabAtATime(`syncline-import:${database.name}:${options.importId}`, options.signal, () => run(database, options)),
  );
  const entry = { done, signal: options.signal };
  runs.set(options.importId, entry);
  const forget = () => {
    if (runs.get(options.importId) === entry) runs.delete(options.importId);
  };
  done.then(forget, forget);
  return done;
}
