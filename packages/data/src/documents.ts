// Plain-document helpers shared by the merge, the conflict handler and the replication: equality that ignores
// what the server manages, and removal of GraphQL's nulls.

/** Fields only the server writes (`updatedAt`, the checkpoint): never part of an equality or a conflict. */
export const serverManagedFields: readonly string[] = ['updatedAt'];

/** Storage bookkeeping RxDB keeps next to a document; never replicated, never compared. */
const storageFields = new Set(['_meta', '_rev', '_attachments']);

export type PlainDocument = Record<string, unknown>;

/** Deep equality of JSON values where an absent property and `null` are the same thing. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const left = a as PlainDocument;
  const right = b as PlainDocument;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (!jsonEqual(left[key], right[key])) return false;
  return true;
}

/** Equality of two document states as the replication sees them: server-managed and storage fields ignored. */
export function sameDocumentState(a: PlainDocument, b: PlainDocument): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (storageFields.has(key) || serverManagedFields.includes(key)) continue;
    if (key === '_deleted' ? Boolean(a[key]) !== Boolean(b[key]) : !jsonEqual(a[key], b[key])) return false;
  }
  return true;
}

/** Removes `null` recursively: GraphQL answers null for an absent optional field, RxDB's schemas expect absence. */
export function stripNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => stripNulls(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: PlainDocument = {};
  for (const [key, inner] of Object.entries(value as PlainDocument)) {
    if (inner !== null && inner !== undefined) out[key] = stripNulls(inner);
  }
  return out as T;
}

/** A document without RxDB's storage bookkeeping. */
export function withoutStorageFields(doc: PlainDocument): PlainDocument {
  const out: PlainDocument = {};
  for (const [key, value] of Object.entries(doc)) if (!storageFields.has(key)) out[key] = value;
  return out;
}
