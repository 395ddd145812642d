// Document values as the server compares and stores them: GraphQL's nulls read as absent, and the
// server-managed fields left out of every equality check (DESIGN.md, "Traps already known").
import { UPDATED_AT } from './collections.js';

export type DocumentData = Record<string, unknown>;

/** Fields the server owns: never taken from a client, never part of a conflict decision. */
export const SERVER_MANAGED_FIELDS: readonly string[] = [UPDATED_AT];

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Drops properties whose value is `null` or `undefined`, at every depth of nested objects (array items are
 * kept as they are, so positions do not shift). GraphQL answers null for an absent optional field; an RxDB
 * document never holds null for one.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) ? withoutNulls(item) : item)) as T;
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined) continue;
    out[key] = isPlainObject(item) || Array.isArray(item) ? withoutNulls(item) : item;
  }
  return out as T;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => deepEqual(item, b[index]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keysA = Object.keys(a).filter((key) => a[key] !== null && a[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => b[key] !== null && b[key] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => deepEqual(a[key], b[key]));
}

/** Whether two states of a document are the same for the purpose of replication. */
export function sameDocumentState(a: DocumentData, b: DocumentData): boolean {
  const strip = (doc: DocumentData) => {
    const copy = { ...doc };
    for (const field of SERVER_MANAGED_FIELDS) delete copy[field];
    // A missing `_deleted` means "not deleted".
    copy._deleted = doc._deleted === true;
    return copy;
  };
  return deepEqual(strip(a), strip(b));
}
