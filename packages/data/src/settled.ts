// Fields a merge rule settled without a person (changed on both sides, one side's value kept by the collection's
// rule): which rule, which value won and which lost, so a value that changed by itself can be seen and reversed.
import { type FieldMergeRule, jsonEqual, type PlainDocument } from '@syncline/protocol';
import type { FieldDecision } from './merge';
import { bookkeeping } from './sync-state';

/** The rules that settle a field by picking one side (`union` keeps both sides; `manual` goes to a person). */
export type SettledRule = Exclude<FieldMergeRule, object | 'union' | 'manual'> | 'progression';

/** One field a rule settled: the side that won and the value that lost (what reversing writes back). */
export interface SettledField {
  field: string;
  rule: SettledRule;
  /** the side whose value the merged document carries: this device (`local`) or the server */
  winner: 'local' | 'server';
  /** the value kept; absent when the winning side had none */
  won?: unknown;
  /** the value the rule dropped; absent when the losing side had none */
  lost?: unknown;
}

/**
 * `kept`: the document still carries the winner; `reversed`: it carries the loser (reversed here or elsewhere);
 * `changed`: someone wrote a third value since, so reversing would overwrite what the person has not seen.
 */
export type SettledFieldState = 'kept' | 'reversed' | 'changed';

/** A settled field as a list shows it: where it was recorded, when, and what the document holds now. */
export interface SettledFieldEntry extends SettledField {
  /** the record it is kept in (the `conflicts` collection), for `reverseSettledField` */
  recordId: string;
  collectionName: string;
  documentId: string;
  settledAt: number;
  state: SettledFieldState;
}

/**
 * The decisions of a merge that a rule settled by picking a side. `union` has no loser to list (a member both
 * sides changed goes to a person), nor do fields a person never edits (clocks, `_deleted`).
 */
export function settledByRules(decisions: readonly FieldDecision[]): SettledField[] {
  const settled: SettledField[] = [];
  for (const decision of decisions) {
    const { field, rule, winner } = decision;
    if (winner === 'both' || decision.review || rule === 'manual' || rule === 'union' || bookkeeping.has(field)) {
      continue;
    }
    const [lost] = decision.discarded;
    settled.push({
      field,
      rule: typeof rule === 'object' ? rule.rule : rule,
      winner,
      ...(decision.kept == null ? {} : { won: decision.kept }),
      ...(lost == null ? {} : { lost }),
    });
  }
  return settled;
}

/** Where a settled field stands against the document as it is now (`null` once deleted reads as changed). */
export function settledFieldState(settled: SettledField, current: PlainDocument | null): SettledFieldState {
  const now = current?.[settled.field];
  if (current && jsonEqual(now, settled.won)) return 'kept';
  if (current && jsonEqual(now, settled.lost)) return 'reversed';
  return 'changed';
}

/** The records' settled fields against the document as it is now: newest first, one per field (its latest). */
export function settledFieldEntries(
  records: readonly {
    id: string;
    collectionName: string;
    documentId: string;
    detectedAt: number;
    settled?: SettledField[];
  }[],
  current: PlainDocument | null,
): SettledFieldEntry[] {
  const entries: SettledFieldEntry[] = [];
  const seen = new Set<string>();
  for (const record of [...records].sort((a, b) => b.detectedAt - a.detectedAt)) {
    for (const settled of record.settled ?? []) {
      if (seen.has(settled.field)) continue;
      seen.add(settled.field);
      entries.push({
        ...settled,
        recordId: record.id,
        collectionName: record.collectionName,
        documentId: record.documentId,
        settledAt: record.detectedAt,
        state: settledFieldState(settled, current),
      });
    }
  }
  return entries;
}

/** One document's settled fields, for the list across documents. */
export interface SettledDocument {
  collectionName: string;
  documentId: string;
  /** the document as this device holds it now; `null` once deleted */
  doc: PlainDocument | null;
  entries: SettledFieldEntry[];
}

type SettledRecord = Parameters<typeof settledFieldEntries>[0][number];

/**
 * The records' documents with a settled field that can still be reversed (`kept`), the most recently settled
 * first, each with all its settled fields read against the document as `read` finds it now.
 */
export function settledDocuments(
  records: readonly SettledRecord[],
  read: (collectionName: string, documentId: string) => PlainDocument | null,
): SettledDocument[] {
  const byDocument = new Map<string, SettledRecord[]>();
  for (const record of records) {
    const key = JSON.stringify([record.collectionName, record.documentId]);
    byDocument.set(key, [...(byDocument.get(key) ?? []), record]);
  }
  const documents: SettledDocument[] = [];
  for (const group of byDocument.values()) {
    const [{ collectionName, documentId }] = group as [SettledRecord];
    const doc = read(collectionName, documentId);
    const entries = settledFieldEntries(group, doc);
    if (entries.some((entry) => entry.state === 'kept')) documents.push({ collectionName, documentId, doc, entries });
  }
  const newest = (document: SettledDocument) => Math.max(...document.entries.map((entry) => entry.settledAt));
  return documents.sort((a, b) => newest(b) - newest(a));
}
