// Fields a merge rule settled without a person (changed on both sides, one side's value kept by the collection's
// rule): which rule, which value won and which lost, so a value that changed by itself can be seen and reversed.
import { type FieldMergeRule, jsonEqual, type PlainDocument, type SettlementRecord } from '@syncline/protocol';
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

/**
 * Where a value came from, seen from the device that shows it: its own edit (`local`), the server's state the merge
 * ran into (`server`), or the edit of the other device that merged (`other`).
 */
export type SettledSide = 'local' | 'server' | 'other';

/** A settled field as a list shows it: where it was recorded, when, and what the document holds now. */
export interface SettledFieldEntry extends Omit<SettledField, 'winner'> {
  /** the side that won and the side that lost, seen from this device */
  winner: SettledSide;
  loser: SettledSide;
  /** the record it is kept in, for `reverseSettledField` */
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
    // a rule that combines both sides has no loser to list
    if (typeof rule === 'object' && rule.rule === 'byId') continue;
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
export function settledFieldState(
  settled: Pick<SettledField, 'field' | 'won' | 'lost'>,
  current: PlainDocument | null,
): SettledFieldState {
  const now = current?.[settled.field];
  if (current && jsonEqual(now, settled.won)) return 'kept';
  if (current && jsonEqual(now, settled.lost)) return 'reversed';
  return 'changed';
}

/**
 * A record of settled fields as the lists read it: a synced settlement (any device's), or a local conflict record
 * from before settlements synced (this device's, no `device`).
 */
export interface SettledRecord {
  id: string;
  collectionName: string;
  documentId: string;
  detectedAt: number;
  settled?: SettledField[];
  /** the device that merged; absent: this one */
  device?: string;
}

const fromJson = (text: string | undefined): unknown => (text === undefined ? undefined : JSON.parse(text));

/** The settled fields of one merge as they travel: one settlement per field, values as JSON text. */
export function settlementsOf(
  merge: Pick<SettlementRecord, 'collectionName' | 'documentId' | 'settledAt' | 'device'> & { id: string },
  settled: readonly SettledField[],
): SettlementRecord[] {
  return settled.map(({ field, rule, winner, won, lost }) => ({
    ...merge,
    id: `${merge.id}|${field}`,
    field,
    rule,
    winner,
    ...(won === undefined ? {} : { wonJson: JSON.stringify(won) }),
    ...(lost === undefined ? {} : { lostJson: JSON.stringify(lost) }),
  }));
}

/** A synced settlement as the lists read it. */
export function settledRecordOf(settlement: SettlementRecord): SettledRecord {
  const { id, collectionName, documentId, settledAt, device, field, rule, winner } = settlement;
  const [won, lost] = [fromJson(settlement.wonJson), fromJson(settlement.lostJson)];
  return {
    id,
    collectionName,
    documentId,
    detectedAt: settledAt,
    device,
    settled: [
      {
        field,
        rule: rule as SettledRule,
        winner,
        ...(won === undefined ? {} : { won }),
        ...(lost === undefined ? {} : { lost }),
      },
    ],
  };
}

/** Both sides of a settled field seen from `device`: on another device than the one that merged, its edit is `other`. */
function sidesOf(winner: SettledField['winner'], merger: string | undefined, device: string | undefined) {
  const elsewhere = merger !== undefined && merger !== device;
  const local: SettledSide = elsewhere ? 'other' : 'local';
  return winner === 'local' ? { winner: local, loser: 'server' as const } : { winner: 'server' as const, loser: local };
}

/**
 * The records' settled fields against the document as it is now: newest first, one per field (its latest), with
 * the sides seen from `device` (this device's id; records without one were merged here).
 */
export function settledFieldEntries(
  records: readonly SettledRecord[],
  current: PlainDocument | null,
  device?: string,
): SettledFieldEntry[] {
  const entries: SettledFieldEntry[] = [];
  const seen = new Set<string>();
  for (const record of [...records].sort((a, b) => b.detectedAt - a.detectedAt)) {
    for (const settled of record.settled ?? []) {
      if (seen.has(settled.field)) continue;
      seen.add(settled.field);
      entries.push({
        ...settled,
        ...sidesOf(settled.winner, record.device, device),
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

/**
 * The records' documents with a settled field that can still be reversed (`kept`), the most recently settled
 * first, each with all its settled fields read against the document as `read` finds it now.
 */
export function settledDocuments(
  records: readonly SettledRecord[],
  read: (collectionName: string, documentId: string) => PlainDocument | null,
  device?: string,
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
    const entries = settledFieldEntries(group, doc, device);
    if (entries.some((entry) => entry.state === 'kept')) documents.push({ collectionName, documentId, doc, entries });
  }
  const newest = (document: SettledDocument) => Math.max(...document.entries.map((entry) => entry.settledAt));
  return documents.sort((a, b) => newest(b) - newest(a));
}
