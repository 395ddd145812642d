// The three-way field merge behind every conflict: one-sided changes merge by themselves, fields changed on both
// sides follow the collection's rule, and `manual` fields keep the server value and are reported for a person.
import {
  type ByIdMergeRule,
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
  /**
   * the rule could not settle the field by itself (a `union` member changed on both sides, a `progression` value
   * outside its order): it is recorded for a person like a `manual` field, with the rule's result kept meanwhile
   */
  review?: boolean;
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

/** The collection's `byId` rules, by field. */
function byIdRules(rules: MergeRules | undefined): [string, ByIdMergeRule][] {
  return Object.entries(rules?.fields ?? {}).filter(
    (entry): entry is [string, ByIdMergeRule] => typeof entry[1] === 'object' && entry[1].rule === 'byId',
  );
}

/**
 * A document whose `byId` arrays give every member an id: a member stored without one gets the rule's derived id,
 * so a side stored before members had ids compares equal to one migrated since.
 */
function withMemberIds(doc: PlainDocument, byId: readonly [string, ByIdMergeRule][]): PlainDocument {
  let copy: PlainDocument | undefined;
  for (const [field, { missingId }] of byId) {
    const value = doc[field];
    if (!missingId || !Array.isArray(value) || !value.some((member) => memberKey(member).startsWith('json:'))) continue;
    copy ??= { ...doc };
    copy[field] = value.map((member, index) =>
      member && typeof member === 'object' && !('id' in member) ? { ...member, id: missingId(index, doc) } : member,
    );
  }
  return copy ?? doc;
}

/**
 * Writes the fields a `byId` rule derives from its merged array (an order's totals from its lines): they follow the
 * merge, so no decision of their own stands, and neither side's copy survives when it no longer fits the array.
 */
function deriveFields(result: MergeResult, input: MergeInput, byId: readonly [string, ByIdMergeRule][]): void {
  const { merged } = result;
  for (const [field, { derive }] of byId) {
    const value = merged[field];
    if (!derive || !Array.isArray(value)) continue;
    for (const [derived, derivedValue] of Object.entries(derive(value, merged))) {
      // a role that may not read a derived field receives documents without it: it stays absent
      if (!(derived in input.local) && !(derived in input.server)) continue;
      merged[derived] = derivedValue;
      result.decisions = result.decisions.filter((decision) => decision.field !== derived);
      result.manualFields = result.manualFields.filter((name) => name !== derived);
      const differs = !jsonEqual(derivedValue, input.server[derived]) || !jsonEqual(derivedValue, input.local[derived]);
      if (differs && !result.mergedFields.includes(derived)) result.mergedFields.push(derived);
    }
  }
}

/** Merges three versions of a document field by field. Pure: no I/O, no clock. */
export function mergeDocuments(input: MergeInput, rules?: MergeRules): MergeResult {
  const byId = byIdRules(rules);
  if (byId.length === 0) return mergeFields(input, rules);
  const sides = {
    ...(input.base ? { base: withMemberIds(input.base, byId) } : {}),
    local: withMemberIds(input.local, byId),
    server: withMemberIds(input.server, byId),
  };
  const result = mergeFields(sides, rules);
  deriveFields(result, sides, byId);
  return result;
}

function mergeFields(input: MergeInput, rules: MergeRules | undefined): MergeResult {
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
      if (rule === 'manual' || field === DELETED || decision.review) manualFields.push(field);
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
  if (typeof rule === 'object' && rule.rule === 'byId') return unionDecision(field, b, l, s, rule);
  if (typeof rule === 'object') {
    const rank = (value: unknown) => rule.order.indexOf(value as string);
    // a value outside the order cannot be ranked: the server's stays and a person decides
    if (rank(l) < 0 || rank(s) < 0) return { ...pick('server'), review: true };
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

/** Identity of a set member: an object's `id` when it has one, otherwise its JSON (equal values share a key). */
function memberKey(item: unknown): string {
  if (item && typeof item === 'object' && 'id' in item) return `id:${String((item as { id: unknown }).id)}`;
  return `json:${JSON.stringify(item)}`;
}

/** The members of an array grouped by key, in order; a key's copies are duplicates of one value (or one id). */
function groupMembers(value: unknown): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  for (const item of Array.isArray(value) ? value : []) {
    const key = memberKey(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

/**
 * How many copies of a plain value the merge keeps: each side's change to the count applies; the same change on
 * both sides applies once; opposite changes keep the server's count and need a person. Duplicates survive where
 * the array has them, and an array without them (a set) stays one.
 */
function mergedCount(base: number, local: number, server: number): { count: number; contested: boolean } {
  const [dl, ds] = [local - base, server - base];
  if (dl === ds || ds === 0) return { count: local, contested: false };
  if (dl === 0) return { count: server, contested: false };
  if (dl > 0 && ds > 0) return { count: base + Math.max(dl, ds), contested: false };
  if (dl < 0 && ds < 0) return { count: Math.max(0, base + Math.min(dl, ds)), contested: false };
  return { count: server, contested: true };
}

/**
 * One member with an id: the side that changed it wins; changed on both sides (or edited on one, removed on the
 * other), the server's edit (or the edit over the removal) is kept and the local one goes to a person.
 */
function mergeMember(b: unknown, l: unknown, s: unknown): { kept: unknown; discarded: unknown; contested: boolean } {
  if (l === undefined && s === undefined) return { kept: undefined, discarded: b, contested: false };
  if (l === undefined) {
    if (b === undefined) return { kept: s, discarded: undefined, contested: false };
    return jsonEqual(s, b)
      ? { kept: undefined, discarded: s, contested: false }
      : { kept: s, discarded: undefined, contested: true };
  }
  if (s === undefined) {
    if (b === undefined) return { kept: l, discarded: undefined, contested: false };
    return jsonEqual(l, b)
      ? { kept: undefined, discarded: l, contested: false }
      : { kept: l, discarded: undefined, contested: true };
  }
  if (jsonEqual(l, s) || jsonEqual(l, b)) return { kept: s, discarded: undefined, contested: false };
  if (b !== undefined && jsonEqual(s, b)) return { kept: l, discarded: undefined, contested: false };
  return { kept: s, discarded: l, contested: true };
}

/**
 * Three-way merge of arrays: members added on either side are kept, members removed on either side go, and
 * duplicates are counted, not collapsed. A member both sides changed differently is kept as the server has it
 * and the field goes to a person (`review`), with the local version among the discarded values: never dropped
 * without a record.
 */
function unionDecision(
  field: string,
  b: unknown,
  l: unknown,
  s: unknown,
  rule: 'union' | ByIdMergeRule = 'union',
): FieldDecision {
  const [base, local, server] = [groupMembers(b), groupMembers(l), groupMembers(s)];
  const kept: unknown[] = [];
  const discarded: unknown[] = [];
  let review = false;
  // the server's order first, then what only this device added
  for (const key of new Set([...server.keys(), ...local.keys(), ...base.keys()])) {
    const [bs, ls, ss] = [base.get(key) ?? [], local.get(key) ?? [], server.get(key) ?? []];
    if (key.startsWith('id:')) {
      const member = mergeMember(bs[0], ls[0], ss[0]);
      if (member.kept !== undefined) kept.push(member.kept);
      if (member.discarded !== undefined) discarded.push(member.discarded);
      review ||= member.contested;
      continue;
    }
    const { count, contested } = mergedCount(bs.length, ls.length, ss.length);
    const copies = ss.length >= ls.length ? ss : ls;
    const sample = copies[0] ?? bs[0];
    for (let i = 0; i < count; i++) kept.push(sample);
    for (let i = count; i < Math.max(ls.length, ss.length, bs.length); i++) discarded.push(sample);
    review ||= contested;
  }
  return { field, rule, winner: 'both', kept, discarded, ...(review ? { review } : {}) };
}
