// Reaching documents outside a device's sync scope, on demand: an old order found by its number or customer and
// opened while online. The server answers from every stored document of the tenant the caller may read, whatever the
// scope; the device holds what it opens while it is shown, and lets go of it afterwards (see sync-scope.ts).

/** The query's field. */
export const LOOKUP_FIELD = 'lookupDocuments';

/** Documents an answer holds at most; a lookup asks for fewer with `limit`. */
export const MAX_LOOKUP = 50;
export const DEFAULT_LOOKUP = 20;

/**
 * What to look up in a collection: documents by id, or those whose `field` starts with `prefix` (ignoring case; a
 * number field is matched on its digits), newest change first. Deleted documents are never answered.
 */
export interface LookupRequest {
  ids?: readonly string[];
  field?: string;
  prefix?: string;
  /** 1 to MAX_LOOKUP; default DEFAULT_LOOKUP */
  limit?: number;
}

/** Each document is its JSON text, as the reader's role may see it (fields it may not read left out). */
export const LOOKUP_QUERY = `query LookupDocuments($collection: String!, $ids: [String!], $field: String, $prefix: String, $limit: Int) {
  ${LOOKUP_FIELD}(collection: $collection, ids: $ids, field: $field, prefix: $prefix, limit: $limit)
}`;

/**
 * What is wrong with a lookup, in words, given the collection's top-level properties (a field must be a string or
 * integer property); undefined when it can be answered.
 */
export function lookupProblem(
  request: LookupRequest,
  properties: Readonly<Record<string, { type?: unknown } | undefined>>,
): string | undefined {
  const { ids, field, prefix, limit = DEFAULT_LOOKUP } = request;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOOKUP) {
    return `limit must be a whole number from 1 to ${MAX_LOOKUP}; it is ${JSON.stringify(limit)}.`;
  }
  const either = 'Give either ids or a field and a prefix to look up.';
  if (ids != null) {
    if (field != null) return either;
    return ids.length === 0 || ids.length > MAX_LOOKUP ? `ids must hold 1 to ${MAX_LOOKUP} ids.` : undefined;
  }
  if (field == null) return either;
  const type = properties[field]?.type;
  if (type !== 'string' && type !== 'integer') {
    return `"${field}" is not a text or whole-number field of the collection; look up by one that is.`;
  }
  if (typeof prefix !== 'string' || prefix.trim() === '') return 'prefix must be the text to look for.';
  if (prefix.length > 200) return 'prefix must be at most 200 characters.';
  return undefined;
}
