// What a device keeps of a collection (its sync scope), declared in the collection's sync options:
//
//   sync: { scope: { keep: [{ field: 'status', in: ['received', 'washing'] }, { changedWithinDays: 30 }],
//                    claims: { location: 'site' } } }
//
// A document is in scope while any `keep` condition holds (no `keep`: every document) and, for each `claims`
// entry, its field equals that claim of the device's token (a token without the claim keeps every value). The
// server pulls and streams only what is in scope; a document the device may hold that is changed out of scope
// reaches it as removed (`_deleted`, which a stock RxDB client takes as the server's and never pushes back), while
// the server's document stays as it is. A device also lets go of what time has taken out of scope. A change the
// device has not sent yet is never removed: RxDB keeps a local write over the server's state until it is pushed.
import { UPDATED_AT } from './fields.js';

export type ScopeValue = string | number | boolean;

/** Kept while the document's field holds one of the values. */
export interface ScopeFieldCondition {
  field: string;
  in: readonly ScopeValue[];
}

/** Kept while the document was changed on the server in the last `changedWithinDays` days (its `updatedAt`). */
export interface ScopeRecentCondition {
  changedWithinDays: number;
}

export type ScopeCondition = ScopeFieldCondition | ScopeRecentCondition;

export interface SyncScope {
  /** kept while any of these holds; absent or empty: every document */
  keep?: readonly ScopeCondition[];
  /** top-level field -> token claim: kept while the field equals the device's claim (a token without it keeps all) */
  claims?: Readonly<Record<string, string>>;
}

/** What a scope is judged against: the server's clock and the device's token claims. */
export interface ScopeContext {
  now: number;
  claims?: Readonly<Record<string, unknown>>;
}

const DAY_MS = 86_400_000;

const isRecent = (condition: ScopeCondition): condition is ScopeRecentCondition => 'changedWithinDays' in condition;

/** Whether a document is in the scope (a deleted one is judged by its last state). */
export function inSyncScope(scope: SyncScope, doc: Readonly<Record<string, unknown>>, context: ScopeContext): boolean {
  for (const [field, claim] of Object.entries(scope.claims ?? {})) {
    const value = context.claims?.[claim];
    if (value !== undefined && doc[field] !== value) return false;
  }
  const keep = scope.keep ?? [];
  if (keep.length === 0) return true;
  return keep.some((condition) =>
    isRecent(condition)
      ? Number(doc[UPDATED_AT] ?? 0) >= context.now - condition.changedWithinDays * DAY_MS
      : condition.in.includes(doc[condition.field] as ScopeValue),
  );
}

/**
 * A Mango selector (RxDB's query language) for the documents time and their own fields have taken out of the scope:
 * those no `keep` condition holds for, and, given the device's token claims, those whose field differs from its claim
 * (the device signed in for another site, say). Undefined when the scope keeps every document by these.
 */
export function outOfScopeSelector(
  scope: SyncScope,
  now: number,
  claims?: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  const keep = scope.keep ?? [];
  const outBy: Record<string, unknown>[] = [];
  if (keep.length > 0) {
    outBy.push({
      $and: keep.map((condition) =>
        isRecent(condition)
          ? { [UPDATED_AT]: { $lt: now - condition.changedWithinDays * DAY_MS } }
          : { [condition.field]: { $nin: [...condition.in] } },
      ),
    });
  }
  for (const [field, claim] of Object.entries(scope.claims ?? {})) {
    const value = claims?.[claim];
    // a token without the claim keeps every value (as inSyncScope); a claim that is no plain value matches nothing
    if (value !== undefined) outBy.push({ [field]: { $ne: value } });
  }
  if (outBy.length <= 1) return outBy[0];
  return { $or: outBy };
}

/** A token's claims named by a scope, as a key: devices with the same ones see the same documents. */
export function scopeClaimsKey(scope: SyncScope, claims: Readonly<Record<string, unknown>> | undefined): string {
  return Object.values(scope.claims ?? {})
    .map((claim) => `${claim}=${JSON.stringify(claims?.[claim] ?? null)}`)
    .join('&');
}

/** What is wrong with a scope, in words, given the schema's top-level properties; undefined when it is fine. */
export function syncScopeProblem(scope: unknown, properties: Readonly<Record<string, unknown>>): string | undefined {
  const at = (path = '') => `"sync.scope${path}"`;
  if (!scope || typeof scope !== 'object' || Array.isArray(scope)) {
    return `${at()} must be an object such as { "keep": [{ "changedWithinDays": 30 }] }; it is ${JSON.stringify(scope)}.`;
  }
  for (const key of Object.keys(scope)) {
    if (key !== 'keep' && key !== 'claims') return `${at()} has "${key}"; it takes keep and claims.`;
  }
  const { keep, claims } = scope as { keep?: unknown; claims?: unknown };
  if (keep !== undefined) {
    if (!Array.isArray(keep)) return `${at('.keep')} must be a list of conditions; it is ${JSON.stringify(keep)}.`;
    for (const [index, condition] of keep.entries()) {
      const problem = conditionProblem(condition, properties);
      if (problem) return `${at(`.keep[${index}]`)} ${problem}`;
    }
  }
  if (claims !== undefined) {
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
      return `${at('.claims')} must map fields to token claims, such as { "location": "site" }; it is ${JSON.stringify(claims)}.`;
    }
    for (const [field, claim] of Object.entries(claims)) {
      if (!(field in properties)) return `${at('.claims')} names "${field}", which is not one of the schema's fields.`;
      if (typeof claim !== 'string' || claim === '') {
        return `${at(`.claims.${field}`)} must name a token claim; it is ${JSON.stringify(claim)}.`;
      }
    }
  }
  return undefined;
}

function conditionProblem(condition: unknown, properties: Readonly<Record<string, unknown>>): string | undefined {
  if (!condition || typeof condition !== 'object' || Array.isArray(condition)) {
    return `must be { "field": …, "in": [...] } or { "changedWithinDays": n }; it is ${JSON.stringify(condition)}.`;
  }
  const keys = Object.keys(condition).sort().join(',');
  if (keys === 'changedWithinDays') {
    const days = (condition as ScopeRecentCondition).changedWithinDays;
    return typeof days === 'number' && Number.isFinite(days) && days > 0
      ? undefined
      : `changedWithinDays must be a positive number of days; it is ${JSON.stringify(days)}.`;
  }
  if (keys === 'field,in') {
    const { field, in: values } = condition as ScopeFieldCondition;
    if (typeof field !== 'string' || !(field in properties)) {
      return `names the field ${JSON.stringify(field)}, which is not one of the schema's fields.`;
    }
    const plain = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);
    return Array.isArray(values) && values.length > 0 && values.every(plain)
      ? undefined
      : `"in" must be a non-empty list of strings, numbers or booleans; it is ${JSON.stringify(values)}.`;
  }
  return `must be { "field": …, "in": [...] } or { "changedWithinDays": n }; it has ${keys || 'nothing'}.`;
}

/**
 * The scope with every `changedWithinDays` set to `days` (a deployment keeps more or less history than the schema
 * says); undefined when the scope keeps nothing by its last change.
 */
export function withChangedWithinDays(scope: SyncScope | undefined, days: number): SyncScope | undefined {
  const keep = scope?.keep ?? [];
  if (!keep.some(isRecent)) return undefined;
  return { ...scope, keep: keep.map((condition) => (isRecent(condition) ? { changedWithinDays: days } : condition)) };
}
