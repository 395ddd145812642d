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

/** Runs `task` when the page has a moment (right away where there is no idle callback, as in Node). */
function whenIdle(task: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void) => unknown }).requestIdleCallback;
  if (idle) idle(task);
  else setTimeout(task, 0);
}

/**
 * Refuses, before it is stored, any insert or save of `collection` that `schema` (the app's own, as given to the
 * server, not RxDB's filled-in copy with its bookkeeping fields) does not allow. ajv (about 40 kB gzip in a browser)
 * is not in the app's first JavaScript: it loads once the database is open, when the page has a moment, so it is
 * there before a person writes, also when the network goes away soon after.
 *
 * If it cannot load all the same (offline before the app's files were cached), the write is stored unchecked: the
 * server checks every write too, and refuses one it does not allow as a failed row with its reason. A person's
 * write is never lost because code could not load. The load is tried again on the next write.
 */
export function validateLocalWrites(
  collection: RxCollection,
  name: string,
  schema: RxJsonSchema<unknown>,
  compile: (schema: RxJsonSchema<unknown>) => Promise<DocumentCheck> = compileDocumentCheck,
): void {
  let compiled: Promise<DocumentCheck> | undefined;
  const check = async (): Promise<DocumentCheck | undefined> => {
    compiled ??= compile(schema);
    try {
      return await compiled;
    } catch (error) {
      compiled = undefined;
      console.warn(
        `Syncline could not load the local check of ${name} (${String(error)}); the server checks this write.`,
      );
      return undefined;
    }
  };
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
  whenIdle(() => void check());
}
