// The one rule for document values on both ends of the wire: `null` and an absent property are the same value
// (GraphQL answers null for an absent optional field, RxDB's schemas expect absence). Equality, null stripping and
// document-state comparison all follow it, so the server, the merge and the conflict viewer agree on what changed.
import { DELETED, SERVER_MANAGED_FIELDS, STORAGE_FIELDS } from './fields.js';

export type PlainDocument = Record<string, unknown>;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `null` and `undefined` both mean "no value". */
export function isAbsent(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

export function isPlainObject(value: unknown): value is PlainDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep equality of JSON values where an absent property and `null` are the same thing, at every depth (array
 * items included: positions count, so `[null]` equals `[undefined]` but not `[]`).
 */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isAbsent(a) || isAbsent(b)) return isAbsent(a) && isAbsent(b);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let at = 0; at < a.length; at++) if (!jsonEqual(a[at], b[at])) return false;
    return true;
  }
  const left = a as PlainDocument;
  const right = b as PlainDocument;
  for (const key of Object.keys(left)) if (!jsonEqual(left[key], right[key])) return false;
  for (const key of Object.keys(right)) if (!(key in left) && !isAbsent(right[key])) return false;
  return true;
}

const ignoredInState = new Set([...STORAGE_FIELDS, ...SERVER_MANAGED_FIELDS]);

/**
 * Equality of two states of a document as the replication sees them: server-managed and storage fields ignored,
 * a missing `_deleted` read as "not deleted", null read as absent.
 */
export function sameDocumentState(a: PlainDocument, b: PlainDocument): boolean {
  if (a === b) return true;
  // each key of either once, with no set of them made and no function per call (it runs for every document a push or
  // a pull compares, often several times)
  for (const key of Object.keys(a)) {
    if (ignoredInState.has(key)) continue;
    if (key === DELETED ? Boolean(a[key]) !== Boolean(b[key]) : !jsonEqual(a[key], b[key])) return false;
  }
  for (const key of Object.keys(b)) {
    if (ignoredInState.has(key) || Object.hasOwn(a, key)) continue;
    if (key === DELETED ? Boolean(b[key]) : !isAbsent(b[key])) return false;
  }
  return true;
}

/**
 * Removes properties whose value is `null` or `undefined`, at every depth of nested objects and inside arrays'
 * objects. Array items themselves keep their positions (a null item stays), so indexes never shift. A value with
 * nothing to remove is returned as it is (a pull's page is mostly such documents: none is copied), one with
 * something to remove as a copy, the input never changed.
 */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let at = 0; at < value.length; at++) {
      const item: unknown = value[at];
      const stripped = stripNulls(item);
      if (stripped !== item && !out) out = value.slice(0, at);
      out?.push(stripped);
    }
    return (out ?? value) as T;
  }
  if (!isPlainObject(value)) return value;
  let out: PlainDocument | undefined;
  const keys = Object.keys(value);
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at] as string;
    const inner = value[key];
    const stripped = isAbsent(inner) ? undefined : stripNulls(inner);
    if (stripped !== inner && !out) {
      // the first change: a copy of what came before it (all kept as they were)
      out = {};
      for (const before of keys.slice(0, at)) out[before] = value[before];
    }
    if (out && stripped !== undefined) out[key] = stripped;
  }
  return (out ?? value) as T;
}

/** A document without RxDB's storage bookkeeping (`_meta`, `_rev`, `_attachments`). */
export function withoutStorageFields(doc: PlainDocument): PlainDocument {
  const out: PlainDocument = {};
  for (const [key, value] of Object.entries(doc)) if (!STORAGE_FIELDS.includes(key)) out[key] = value;
  return out;
}
