// The three-way field merge behind every conflict: one-sided changes merge by themselves, fields changed on both
// sides follow the collection's rule, and `manual` fields keep the server value and are reported for a person.
import {
  DELETED,
  EDITED_AT,
  type FieldMergeRule,
  jsonEqual,
  type MergeRules,
  type PlainDocument,
  SERVER_MANAGED_FIELDS,
} from '@syncline/protocol';

export interface MergeInput {
  /** the state both sides started from (RxDB's assumedMasterState); absent when the document is new on both */
  base?: PlainDocument | undefined;
  /** this client's state (newDocumentState) */
  local: PlainDocument;
  /** the server's current state (realMasterState) */
  server: PlainDocument;
}

/** How one field changed on both sides was settled. */
export interface FieldDecision {
  field: string;
  rule: FieldMergeRule;
  /** which side's value the merged document carries: `both` when a rule combined them (union) */
  winner: 'local' | 'server' | 'both';
  kept: unknown;
  /** values the rule dropped by its own definition (for `manual`, the local value, kept in the conflict record) */
  discarded: unknown[];
}

export interface MergeResult {
  merged: PlainDocument;
  /** fields changed on both sides under a `manual` rule: the merged document carries the server value */
  manualFields: string[];
  /** fields that differed between local and server and were settled without a person (one-sided or by rule) */
  mergedFields: string[];
  /** one entry per field changed on both sides */
  decisions: FieldDecision[];
}

function ruleFor(rules: MergeRules | undefined, field: string): FieldMergeRule {
  if (field === DELETED) return 'manual';
  return rules?.fields[field] ?? rules?.fallback ?? 'latest';
}

function hasChanges(side: PlainDocument, base: PlainDocument, fields: Iterable<string>): boolean {
  for (const field of fields) {
    if (field === DELETED || SERVER_MANAGED_FIELDS.includes(field)) continue;
    if (!jsonEqual(side[field], base[field])) return true;
  }
  return false;
}

/** Merges three versions of a document field by field. Pure: no I/O, no clock. */
export function mergeDocuments(input: MergeInput, rules?: MergeRules): MergeResult {
  const { base, local, server } = input;
  const fields = new Set([...Object.keys(local), ...Object.keys(server), ...Object.keys(base ?? {})]);
  for (const field of ['_meta', '_rev', '_attachments']) fields.delete(field);
  const merged: PlainDocument = {};
  const manualFields: string[] = [];
  const mergedFields: string[] = [];
  const decisions: FieldDecision[] = [];

  for (const field of fields) {
    const l = local[field];
    const s = server[field];
    let value: unknown;
    if (SERVER_MANAGED_FIELDS.includes(field)) {
      value = s;
    } else if (jsonEqual(l, s)) {
      value = s;
    } else if (base && jsonEqual(l, base[field]) && !deletionAgainstEdit(field, 'server', input, fields)) {
      value = s;
      mergedFields.push(field);
    } else if (base && jsonEqual(s, base[field]) && !deletionAgainstEdit(field, 'local', input, fields)) {
      value = l;
      mergedFields.push(field);
    } else {
      const rule = ruleFor(rules, field);
      const decision = applyRule(field, rule, base?.[field], l, s, local, server);
      decisions.push(decision);
      if (rule === 'manual' || field === DELETED) manualFields.push(field);
      else mergedFields.push(field);
      value = decision.kept;
    }
    if (value !== undefined && value !== null) merged[field] = value;
  }
  merged[DELETED] = Boolean(merged[DELETED]);
  return { merged, manualFields, mergedFields, decisions };
}

/**
 * A deletion on one side is not a one-sided change when the other side edited the document: delete versus edit
 * goes to a person (the server state stays until then).
 */
function deletionAgainstEdit(field: string, changedSide: 'local' | 'server', input: MergeInput, fields: Set<string>) {
  if (field !== DELETED || !input.base) return false;
  const other = changedSide === 'local' ? input.server : input.local;
  return hasChanges(other, input.base, fields);
}

function applyRule(
  field: string,
  rule: FieldMergeRule,
  b: unknown,
  l: unknown,
  s: unknown,
  local: PlainDocument,
  server: PlainDocument,
): FieldDecision {
  const pick = (winner: 'local' | 'server'): FieldDecision => ({
    field,
    rule,
    winner,
    kept: winner === 'local' ? l : s,
    discarded: [winner === 'local' ? s : l],
  });
  if (typeof rule === 'object') {
    const rank = (value: unknown) => rule.order.indexOf(value as string);
    return pick(rank(l) > rank(s) ? 'local' : 'server');
  }
  switch (rule) {
    case 'local':
      return pick('local');
    case 'server':
    case 'manual':
      return pick('server');
    case 'latest': {
      const localClock = Number(local[EDITED_AT] ?? Number.NEGATIVE_INFINITY);
      const serverClock = Number(server[EDITED_AT] ?? Number.NEGATIVE_INFINITY);
      return pick(localClock > serverClock ? 'local' : 'server');
    }
    case 'max':
      if (l == null) return pick('server');
      if (s == null) return pick('local');
      return pick(Number(l) > Number(s) ? 'local' : 'server');
    case 'min':
      if (l == null) return pick('server');
      if (s == null) return pick('local');
      return pick(Number(l) < Number(s) ? 'local' : 'server');
    case 'union':
      return unionDecision(field, b, l, s);
  }
}

/** Identity of a set member: an object's `id` when it has one, otherwise its JSON. */
function memberKey(item: unknown): string {
  if (item && typeof item === 'object' && 'id' in item) return `id:${String((item as { id: unknown }).id)}`;
  return `json:${JSON.stringify(item)}`;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Three-way set merge: members added on either side are kept, members removed on either side go. A member both
 * sides changed (same id, different content) keeps the side that changed it, or the server's when both did.
 */
function unionDecision(field: string, b: unknown, l: unknown, s: unknown): FieldDecision {
  const baseByKey = new Map(asArray(b).map((item) => [memberKey(item), item]));
  const localByKey = new Map(asArray(l).map((item) => [memberKey(item), item]));
  const serverByKey = new Map(asArray(s).map((item) => [memberKey(item), item]));
  const kept: unknown[] = [];
  const discarded: unknown[] = [];
  for (const [key, serverItem] of serverByKey) {
    const localItem = localByKey.get(key);
    const baseItem = baseByKey.get(key);
    if (localItem === undefined) {
      // removed locally (it was in base), or added on the server only
      if (baseByKey.has(key) && jsonEqual(serverItem, baseItem)) discarded.push(serverItem);
      else kept.push(serverItem);
    } else if (jsonEqual(localItem, serverItem) || jsonEqual(localItem, baseItem)) {
      kept.push(serverItem);
    } else if (jsonEqual(serverItem, baseItem)) {
      kept.push(localItem);
    } else {
      kept.push(serverItem);
      discarded.push(localItem);
    }
  }
  for (const [key, localItem] of localByKey) {
    if (serverByKey.has(key)) continue;
    // removed on the server (it was in base, unchanged here), or added locally
    if (baseByKey.has(key) && jsonEqual(localItem, baseByKey.get(key))) discarded.push(localItem);
    else kept.push(localItem);
  }
  return { field, rule: 'union', winner: 'both', kept, discarded };
}
