// Every local write to a synced collection is checked against its schema before it is stored, in production as
// in development, so a document the server would refuse is refused at once, at the call that wrote it, with
// words a person can act on; nothing invalid is stored and nothing already stored changes.
import { DELETED, STORAGE_FIELDS } from '@syncline/protocol';
import type { RxCollection, RxJsonSchema } from 'rxdb';

export class InvalidDocumentError extends Error {
  readonly collectionName: string;
  readonly documentId: string;
  readonly path: string;

  constructor(message: string, collectionName: string, documentId: string, path: string) {
    super(message);
    this.collectionName = collectionName;
    this.documentId = documentId;
    this.path = path;
    this.name = 'InvalidDocumentError';
  }
}

/** What the schema says of a document: the first problem in words, or nothing. */
export type DocumentCheck = (doc: Record<string, unknown>) => { path: string; message: string } | undefined;

export async function compileDocumentCheck(schema: RxJsonSchema<unknown>): Promise<DocumentCheck> {
  const { getValidator } = await import('rxdb/plugins/validate-ajv');
  const validate = getValidator(schema);
  return (doc) => {
    const plain: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(doc)) {
      if (!STORAGE_FIELDS.includes(key) && key !== DELETED) plain[key] = value;
    }
    const [first] = validate(plain) as Array<{ instancePath?: string; message?: string }>;
    return first ? { path: first.instancePath || '/', message: first.message ?? 'is not valid' } : undefined;
  };
}

/** How long a write waits for the check to load before it is stored unchecked (a load that hangs, offline). */
const LOAD_WAIT_MS = 3_000;

/** A collection's schema check as it loads: the check, or undefined when it could not load in time (tried again next). */
export type LoadDocumentCheck = () => Promise<DocumentCheck | undefined>;

/**
 * The check of `schema` (the app's own, as given to the server, not RxDB's filled-in copy with its bookkeeping
 * fields), loaded on first use. ajv (about 40 kB gzip in a browser) is not in the app's first JavaScript. If it cannot
 * load (offline before the app's files were cached), or does not within 3 s, the answer is undefined and the load
 * is tried again on the next call.
 */
export function documentCheckLoader(
  name: string,
  schema: RxJsonSchema<unknown>,
  compile: (schema: RxJsonSchema<unknown>) => Promise<DocumentCheck> = compileDocumentCheck,
): LoadDocumentCheck {
  let compiled: Promise<DocumentCheck> | undefined;
  return async () => {
    compiled ??= compile(schema);
    try {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const waited = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`not loaded within ${LOAD_WAIT_MS / 1000} s`)), LOAD_WAIT_MS);
      });
      return await Promise.race([compiled, waited]).finally(() => clearTimeout(timer));
    } catch (error) {
      compiled = undefined;
      console.warn(
        `Syncline could not load the local check of ${name} (${String(error)}); the server checks this write.`,
      );
      return undefined;
    }
  };
}

/**
 * Refuses, before it is stored, any insert or save of `collection` that its schema check does not allow. The check
 * loads while the database opens (resolves once it has, or could not), so it is there before a person writes, also
 * when the network goes away soon after.
 *
 * If it cannot load all the same, the write is stored unchecked: the server checks every write too, and refuses one
 * it does not allow as a failed row with its reason. A person's write is never lost because code could not load.
 */
export function guardLocalWrites(collection: RxCollection, name: string, check: LoadDocumentCheck): Promise<void> {
  const primary = collection.schema.primaryPath as string;
  const guard = async (data: Record<string, unknown>) => {
    const problem = (await check())?.(data);
    if (!problem) return;
    const id = String(data[primary] ?? '(no id)');
    throw new InvalidDocumentError(
      `Document "${id}" of ${name} is invalid at ${problem.path}: ${problem.message}. Nothing was stored; ` +
        'correct it and save again.',
      name,
      id,
      problem.path,
    );
  };
  collection.preInsert(guard, false);
  collection.preSave(guard, false);
  return check().then(() => undefined);
}

/** `guardLocalWrites` with the check of `schema` (see `documentCheckLoader`). */
export function validateLocalWrites(
  collection: RxCollection,
  name: string,
  schema: RxJsonSchema<unknown>,
  compile: (schema: RxJsonSchema<unknown>) => Promise<DocumentCheck> = compileDocumentCheck,
): Promise<void> {
  return guardLocalWrites(collection, name, documentCheckLoader(name, schema, compile));
}
