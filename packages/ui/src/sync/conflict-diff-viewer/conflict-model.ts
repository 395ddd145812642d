// The three-way comparison behind the conflict viewer: each field of base (what both sides started from), local
// (this device's write) and server (what the server holds), classified, and the document a set of decisions
// produces. Pure functions over JSON, so the viewer, its tests and any other tool agree.
import {
  DELETED,
  isAbsent,
  isPlainObject,
  type JsonObject,
  type JsonValue,
  jsonEqual,
  SERVER_MANAGED_FIELDS,
  STORAGE_FIELDS,
} from '@syncline/protocol';

export type { JsonObject, JsonValue } from '@syncline/protocol';

/**
 * How one field changed: `unchanged`; changed on one side only, which merges by itself (`local`, `server`);
 * changed the same way on both (`both`); or changed differently on both, which a person decides (`conflict`).
 * Values compare by the replication contract's rule, as the merge does: `null` and an absent field are the same.
 */
export type FieldChange = 'unchanged' | 'local' | 'server' | 'both' | 'conflict';

export interface FieldDiff {
  /** A stable key for the path, safe to use as a React key. */
  key: string;
  /** Object keys from the document root; arrays are compared whole, so paths never index into them. */
  path: string[];
  /** `undefined` where the field is absent on that side. */
  base: JsonValue | undefined;
  local: JsonValue | undefined;
  server: JsonValue | undefined;
  change: FieldChange;
}

export type FieldChoice = 'local' | 'server' | 'base' | 'custom';

export interface FieldDecision {
  choice: FieldChoice;
  /** The value typed in place when `choice` is `custom`. */
  custom?: JsonValue;
}

/** Server-managed and RxDB-internal fields: never a person's decision. */
export const defaultIgnoredFields: readonly string[] = [...SERVER_MANAGED_FIELDS, ...STORAGE_FIELDS, DELETED];

function classify(
  base: JsonValue | undefined,
  local: JsonValue | undefined,
  server: JsonValue | undefined,
): FieldChange {
  const localChanged = !jsonEqual(base, local);
  const serverChanged = !jsonEqual(base, server);
  if (!localChanged && !serverChanged) return 'unchanged';
  if (localChanged && !serverChanged) return 'local';
  if (!localChanged && serverChanged) return 'server';
  return jsonEqual(local, server) ? 'both' : 'conflict';
}

const changeOrder: Record<FieldChange, number> = { conflict: 0, local: 1, server: 1, both: 1, unchanged: 2 };

/**
 * Compares three versions field by field. Nested objects are walked to their leaves (`address.city`); arrays and
 * scalars are leaves. Conflicts come first, then fields that merged by themselves, then unchanged ones, each group
 * in document order.
 */
export function diffDocuments(
  base: JsonObject | null | undefined,
  local: JsonObject | null | undefined,
  server: JsonObject | null | undefined,
  ignoreFields: readonly string[] = defaultIgnoredFields,
): FieldDiff[] {
  const out: FieldDiff[] = [];
  const ignored = new Set(ignoreFields);
  const walk = (
    b: JsonObject | undefined,
    l: JsonObject | undefined,
    s: JsonObject | undefined,
    prefix: string[],
  ): void => {
    const keys = new Set([...Object.keys(b ?? {}), ...Object.keys(l ?? {}), ...Object.keys(s ?? {})]);
    for (const key of keys) {
      if (prefix.length === 0 && ignored.has(key)) continue;
      const values = [b?.[key], l?.[key], s?.[key]] as const;
      const present = values.filter((value) => !isAbsent(value));
      const path = [...prefix, key];
      const nested =
        present.every(isPlainObject) && present.some((value) => Object.keys(value as JsonObject).length > 0);
      if (nested) {
        walk(
          values[0] as JsonObject | undefined,
          values[1] as JsonObject | undefined,
          values[2] as JsonObject | undefined,
          path,
        );
        continue;
      }
      out.push({
        key: fieldKey(path),
        path,
        base: values[0],
        local: values[1],
        server: values[2],
        change: classify(values[0], values[1], values[2]),
      });
    }
  };
  walk(base ?? undefined, local ?? undefined, server ?? undefined, []);
  return out
    .map((field, index) => ({ field, index }))
    .sort((a, b) => changeOrder[a.field.change] - changeOrder[b.field.change] || a.index - b.index)
    .map(({ field }) => field);
}

/** The key a field's diff and decision go by: its path from the document root, as JSON. */
export function fieldKey(path: readonly string[]): string {
  return JSON.stringify(path);
}

/** "items", "address.city". */
/** Field path (dot-joined, without list positions) -> what a person calls the field: a schema's `title`s. */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * What a person calls a field: its label when `labels` has one (`totals.total` -> "Total"), else each step's label
 * or name (`Totals › discount`). Without labels, the path as it is (`notes`).
 */
export function fieldLabel(field: Pick<FieldDiff, 'path'>, labels?: FieldLabels): string {
  if (!labels) return field.path.join('.');
  const whole = labels[field.path.join('.')];
  if (whole) return whole;
  return field.path.map((step, index) => labels[field.path.slice(0, index + 1).join('.')] ?? step).join(' › ');
}

/** The value a field takes in the resolved document: its decision for a conflict, the changed side otherwise. */
export function resolvedValue(field: FieldDiff, decision?: FieldDecision): JsonValue | undefined {
  switch (field.change) {
    case 'unchanged':
      return field.base;
    case 'local':
    case 'both':
      return field.local;
    case 'server':
      return field.server;
    case 'conflict':
      if (!decision) return field.server;
      return decision.choice === 'custom' ? decision.custom : field[decision.choice];
  }
}

function setPath(target: JsonObject, path: readonly string[], value: JsonValue | undefined): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isPlainObject(next)) node[key] = {};
    node = node[key] as JsonObject;
  }
  const last = path.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

/**
 * The merged document: every field from its change or decision, and ignored (server-managed) fields copied from
 * the server, falling back to local.
 */
export function buildResolvedDocument(
  fields: readonly FieldDiff[],
  decisions: Readonly<Record<string, FieldDecision>>,
  local: JsonObject | null | undefined,
  server: JsonObject | null | undefined,
  ignoreFields: readonly string[] = defaultIgnoredFields,
): JsonObject {
  const out: JsonObject = {};
  for (const key of ignoreFields) {
    const value = server?.[key] ?? local?.[key];
    if (value !== undefined) out[key] = structuredClone(value);
  }
  for (const field of fields) setPath(out, field.path, resolvedValue(field, decisions[field.key]));
  return out;
}

export interface ConflictSummary {
  conflicts: number;
  merged: number;
  unchanged: number;
  decided: number;
}

export function summarize(
  fields: readonly FieldDiff[],
  decisions: Readonly<Record<string, FieldDecision>>,
): ConflictSummary {
  let conflicts = 0;
  let merged = 0;
  let unchanged = 0;
  let decided = 0;
  for (const field of fields) {
    if (field.change === 'conflict') {
      conflicts += 1;
      if (decisions[field.key]) decided += 1;
    } else if (field.change === 'unchanged') unchanged += 1;
    else merged += 1;
  }
  return { conflicts, merged, unchanged, decided };
}

/** "3 conflicts · 7 merged · 1 of 3 decided". */
export function formatSummary({ conflicts, merged, decided }: ConflictSummary): string {
  return `${conflicts} ${conflicts === 1 ? 'conflict' : 'conflicts'} · ${merged} merged · ${decided} of ${conflicts} decided`;
}
