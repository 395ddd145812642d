// One batch of an import: each record converted by the app's `map`, checked against the collection's schema, and
// written as a normal local write (so it is pending until the server has it) unless its id is already there. A
// record already there is never overwritten: identical, it counts as imported (an import that goes on after an
// interruption finds its own earlier writes so); otherwise it is reported. Nothing is dropped without a word.
import { isPlainObject, type PlainDocument, stripNulls } from '@syncline/protocol';
import type { RxCollection, RxStorageWriteError } from 'rxdb';
import { type DocumentCheck, InvalidDocumentError } from '../local-validation';
import { changedFields } from '../sync-state';
import type { ImportedRecordNote } from './report';

/** Old shape -> the collection's document; throws (with words a person reads) for a record it cannot convert. */
export type ImportMap<R> = (record: R, position: number) => PlainDocument | Promise<PlainDocument>;

export interface BatchOutcome {
  imported: number;
  alreadyPresent: ImportedRecordNote[];
  notImported: ImportedRecordNote[];
}

interface Candidate {
  position: number;
  id: string;
  doc: PlainDocument;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The id a record names itself by, for the report, when it was not converted. */
function sourceId(record: unknown): string | undefined {
  if (!isPlainObject(record)) return undefined;
  const id = record.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

const withId = (id: string | undefined) => (id === undefined ? {} : { id });

/** "orderCount must be >= 0", "the record must have required property 'name'". */
function schemaReason(collectionName: string, problem: { path: string; message: string }): string {
  const where = problem.path === '/' ? 'the record' : problem.path.slice(1).replaceAll('/', '.');
  return `Does not fit the ${collectionName} schema: ${where} ${problem.message}.`;
}

function writeErrorReason(collectionName: string, error: RxStorageWriteError<PlainDocument>): string {
  const validation = (error as { validationErrors?: Array<{ instancePath?: string; message?: string }> })
    .validationErrors?.[0];
  if (validation) {
    return schemaReason(collectionName, {
      path: validation.instancePath || '/',
      message: validation.message ?? 'is not valid',
    });
  }
  return `It could not be stored (${error.status}).`;
}

export async function importBatch<R>(
  collection: RxCollection,
  entries: ReadonlyArray<{ position: number; record: R }>,
  convert: ImportMap<R>,
  check: DocumentCheck | undefined,
): Promise<BatchOutcome> {
  const name = collection.name;
  const primary = collection.schema.primaryPath as string;
  const outcome: BatchOutcome = { imported: 0, alreadyPresent: [], notImported: [] };
  const candidates: Candidate[] = [];
  for (const { position, record } of entries) {
    let converted: unknown;
    try {
      converted = await convert(record, position);
    } catch (error) {
      outcome.notImported.push({ position, ...withId(sourceId(record)), reason: messageOf(error) });
      continue;
    }
    if (!isPlainObject(converted)) {
      outcome.notImported.push({
        position,
        ...withId(sourceId(record)),
        reason: 'The app made no document of it.',
      });
      continue;
    }
    const doc = stripNulls(converted);
    const id = typeof doc[primary] === 'string' || typeof doc[primary] === 'number' ? String(doc[primary]) : undefined;
    const problem = check?.(doc);
    if (problem || id === undefined) {
      const reason = problem ? schemaReason(name, problem) : `Does not fit the ${name} schema: it has no ${primary}.`;
      outcome.notImported.push({ position, ...withId(id ?? sourceId(record)), reason });
      continue;
    }
    candidates.push({ position, id, doc });
  }

  const stored = await collection.storageInstance.findDocumentsById(
    candidates.map((candidate) => candidate.id),
    true,
  );
  const before = new Map(stored.map((doc) => [String((doc as PlainDocument)[primary]), doc as PlainDocument]));
  const toWrite = new Map<string, Candidate>();
  const compare = (candidate: Candidate, there: PlainDocument) => {
    if (there._deleted) {
      outcome.alreadyPresent.push({
        position: candidate.position,
        id: candidate.id,
        reason: `A document with this id was deleted from ${name} (on this device or another); it was not brought back.`,
      });
    } else if (changedFields(there, candidate.doc).length === 0) {
      outcome.imported += 1;
    } else {
      outcome.alreadyPresent.push({
        position: candidate.position,
        id: candidate.id,
        reason: `A document with this id is already in ${name} with other content; it was kept as it is.`,
      });
    }
  };
  for (const candidate of candidates) {
    const there = before.get(candidate.id) ?? toWrite.get(candidate.id)?.doc;
    if (there) compare(candidate, there);
    else toWrite.set(candidate.id, candidate);
  }
  if (toWrite.size === 0) return outcome;

  const written = await write(collection, [...toWrite.values()]);
  outcome.imported += written.imported;
  for (const { candidate, error } of written.errors) {
    if (error.status === 409 && error.documentInDb) compare(candidate, error.documentInDb as PlainDocument);
    else outcome.notImported.push({ position: candidate.position, id: candidate.id, reason: error.reason });
  }
  return outcome;
}

interface WriteFailure {
  status: number;
  documentInDb?: unknown;
  reason: string;
}

interface Written {
  imported: number;
  errors: Array<{ candidate: Candidate; error: WriteFailure }>;
}

function failureOf(collectionName: string, error: RxStorageWriteError<PlainDocument>): WriteFailure {
  return {
    status: error.status,
    documentInDb: 'documentInDb' in error ? error.documentInDb : undefined,
    reason: writeErrorReason(collectionName, error),
  };
}

/** A record's own refusal: a conflict with what is stored, or its schema. Anything else is the storage failing. */
const refusesRecord = (status: number) => status === 409 || status === 422;

async function insert(collection: RxCollection, candidates: Candidate[]): Promise<Written> {
  const byId = new Map(candidates.map((candidate) => [candidate.id, candidate]));
  const result = await collection.bulkInsert(candidates.map((candidate) => candidate.doc));
  const failing = result.error.find((error) => !refusesRecord(error.status));
  if (failing) throw new Error(`the device could not store ${collection.name} (storage error ${failing.status})`);
  return {
    imported: result.success.length,
    errors: result.error.flatMap((error) => {
      const candidate = byId.get(String(error.documentId));
      const failure = failureOf(collection.name, error as RxStorageWriteError<PlainDocument>);
      return candidate ? [{ candidate, error: failure }] : [];
    }),
  };
}

/**
 * Inserts the documents in one write; should that write fail as a whole (the schema check of local writes refusing
 * one document), one at a time, so one bad document never keeps the others out. Any other failure (a full disk, a
 * closed database) is thrown: the import stops there, its progress kept, and goes on at its next run.
 */
async function write(collection: RxCollection, candidates: Candidate[]): Promise<Written> {
  try {
    return await insert(collection, candidates);
  } catch {
    const written: Written = { imported: 0, errors: [] };
    for (const candidate of candidates) {
      try {
        const one = await insert(collection, [candidate]);
        written.imported += one.imported;
        written.errors.push(...one.errors);
      } catch (error) {
        if (!(error instanceof InvalidDocumentError)) throw error;
        written.errors.push({ candidate, error: { status: 422, reason: error.message } });
      }
    }
    return written;
  }
}
