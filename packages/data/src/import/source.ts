// Where an import's records come from: a `localStorage` key holding a JSON array, or any array or (async) iterable
// of plain objects. A source is read, never written: the importer leaves the old data exactly as it found it.

/** The records a source holds, read. */
export interface SourceRecords<R> {
  records: Iterable<R> | AsyncIterable<R>;
  /** how many there are, when known (a progress bar needs it) */
  total?: number;
  /**
   * stands for the source's content: an unfinished import whose source no longer has the same one starts again from
   * the first record (positions would no longer point at the same records; importing a record twice is harmless)
   */
  fingerprint?: string;
}

/** A source of records to import. */
export interface ImportSource<R = unknown> {
  /** what a person would call it, for messages: `localStorage key "laundry.customers.v1"` */
  description: string;
  /** Reads the records; throws with words a person can read when they cannot be. */
  read(): SourceRecords<R> | Promise<SourceRecords<R>>;
}

/** FNV-1a over a string's UTF-16 units: enough to tell a changed source from the same one. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

export function fingerprintOf(text: string): string {
  return `${text.length}:${hashOf(text)}`;
}

function arraySource<R>(records: readonly R[], description: string, fingerprint: string | undefined): ImportSource<R> {
  return { description, read: () => ({ records, total: records.length, fingerprint }) };
}

/**
 * The JSON array stored under `key`, or undefined when there is nothing under it (no legacy data on this device).
 * Stored text that is not a JSON array is read as a source that cannot be read: the import says why, and keeps it.
 */
export function localStorageSource(
  key: string,
  storage: Pick<Storage, 'getItem'> = globalThis.localStorage,
): ImportSource | undefined {
  const raw = storage.getItem(key);
  if (raw === null) return undefined;
  const description = `localStorage key "${key}"`;
  return {
    description,
    read() {
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new Error(
          `The data under ${description} is not valid JSON (${error instanceof Error ? error.message : String(error)}); ` +
            'nothing was imported and it is kept as it is.',
        );
      }
      if (!Array.isArray(parsed)) {
        throw new Error(`The data under ${description} is not a list of records; nothing was imported and it is kept.`);
      }
      return arraySource(parsed as unknown[], description, fingerprintOf(raw)).read();
    },
  };
}

/** The source an import was given: a source as it is, an array (with its fingerprint) or an iterable. */
export function toImportSource<R>(
  given: ImportSource<R> | readonly R[] | Iterable<R> | AsyncIterable<R>,
): ImportSource<R> {
  if (Array.isArray(given)) return arraySource(given, 'the records given', fingerprintOf(JSON.stringify(given)));
  if ('read' in given && typeof given.read === 'function') return given as ImportSource<R>;
  return { description: 'the records given', read: () => ({ records: given as Iterable<R> | AsyncIterable<R> }) };
}

/** Each record with its position in the source, from `start` on, in groups of at most `size`. */
export async function* positionedBatches<R>(
  records: Iterable<R> | AsyncIterable<R>,
  start: number,
  size: number,
): AsyncGenerator<Array<{ position: number; record: R }>> {
  let position = 0;
  let batch: Array<{ position: number; record: R }> = [];
  for await (const record of records) {
    if (position >= start) batch.push({ position, record });
    position += 1;
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
