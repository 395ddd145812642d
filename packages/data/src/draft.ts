// A form's draft of one document, as pure state transitions. The draft keeps only the fields the person changed,
// each with the value they started from; every other field reads through to the live document, so a change from
// another device shows at once. A changed field that moved elsewhere since the person started is reported (base,
// theirs, mine) until they keep one, and saving applies only the changed fields onto the newest document.
import { jsonEqual, type PlainDocument } from '@syncline/protocol';

/** One field the person changed: the value they saw when they started changing it, and theirs. */
export interface DraftEdit {
  base: unknown;
  value: unknown;
}

export interface Draft<T extends object = PlainDocument> {
  /** The document as this device holds it now; `null` before it loads and once it is deleted. */
  live: T | null;
  /** True until the document has been read once. */
  loading: boolean;
  /** The person's changes by field. */
  edits: Readonly<Record<string, DraftEdit>>;
}

/** A field the person changed that another device (or another tab) changed too, since they started. */
export interface FieldChangedElsewhere {
  field: string;
  /** The value the person started from. */
  base: unknown;
  /** The value the document holds now. */
  theirs: unknown;
  /** The person's value. */
  mine: unknown;
}

export type DraftAction<T extends object = PlainDocument> =
  /** The document as it is now (a live update, or `null` once deleted). */
  | { type: 'live'; doc: T | null }
  | { type: 'set'; field: string; value: unknown }
  /** Drop the person's change: the field follows the document again. */
  | { type: 'keep-theirs'; field: string }
  /** Keep the person's change over the other device's: they have seen it, so it no longer asks. */
  | { type: 'keep-mine'; field: string }
  | { type: 'reset' }
  /** The document as the save wrote it: edits it carried are done, edits made during the save stay. */
  | { type: 'saved'; doc: T };

const noEdits: Readonly<Record<string, DraftEdit>> = Object.freeze({});

/** A document's field by name: documents are typed by their schema, edits by field name. */
const fieldOf = (doc: object, field: string): unknown => (doc as PlainDocument)[field];

export function startDraft<T extends object>(): Draft<T> {
  return { live: null, loading: true, edits: noEdits };
}

function without(edits: Readonly<Record<string, DraftEdit>>, field: string): Readonly<Record<string, DraftEdit>> {
  if (!(field in edits)) return edits;
  const { [field]: _dropped, ...rest } = edits;
  return Object.keys(rest).length === 0 ? noEdits : rest;
}

/**
 * Setting a field to the value the document holds is no change: the field follows the document again. Otherwise
 * the first change records what the person saw then as its base; later changes keep that base.
 */
function setField<T extends object>(draft: Draft<T>, field: string, value: unknown): Draft<T> {
  if (!draft.live) return draft;
  const current = fieldOf(draft.live, field);
  if (jsonEqual(value, current)) return { ...draft, edits: without(draft.edits, field) };
  const base = field in draft.edits ? draft.edits[field]?.base : current;
  return { ...draft, edits: { ...draft.edits, [field]: { base, value } } };
}

function settle<T extends object>(draft: Draft<T>, doc: T): Draft<T> {
  const edits: Record<string, DraftEdit> = {};
  for (const [field, edit] of Object.entries(draft.edits)) {
    if (!jsonEqual(edit.value, fieldOf(doc, field))) edits[field] = { base: fieldOf(doc, field), value: edit.value };
  }
  return { live: doc, loading: false, edits: Object.keys(edits).length === 0 ? noEdits : edits };
}

export function draftReducer<T extends object>(draft: Draft<T>, action: DraftAction<T>): Draft<T> {
  switch (action.type) {
    case 'live':
      return { ...draft, live: action.doc, loading: false };
    case 'set':
      return setField(draft, action.field, action.value);
    case 'keep-theirs':
      return { ...draft, edits: without(draft.edits, action.field) };
    case 'keep-mine': {
      const edit = draft.edits[action.field];
      if (!edit || !draft.live) return draft;
      return {
        ...draft,
        edits: { ...draft.edits, [action.field]: { ...edit, base: fieldOf(draft.live, action.field) } },
      };
    }
    case 'reset':
      return { ...draft, edits: noEdits };
    case 'saved':
      return settle(draft, action.doc);
  }
}

/** The fields the person changed, in the order they first changed them. */
export function touchedFields(draft: Pick<Draft, 'edits'>): string[] {
  return Object.keys(draft.edits);
}

/** What the form shows: the live document with the person's changes over it; `null` while there is none. */
export function draftValues<T extends object>(draft: Draft<T>): T | null {
  if (!draft.live) return null;
  const values: PlainDocument = { ...(draft.live as PlainDocument) };
  for (const [field, edit] of Object.entries(draft.edits)) values[field] = edit.value;
  return values as T;
}

/**
 * Changed fields whose value in `doc` is no longer the one the person started from, nor already theirs. A field
 * that reached the person's own value elsewhere is not a question.
 */
export function changedElsewhere(
  edits: Readonly<Record<string, DraftEdit>>,
  doc: object | null,
): FieldChangedElsewhere[] {
  if (!doc) return [];
  return Object.entries(edits)
    .map(([field, edit]) => ({ field, base: edit.base, theirs: fieldOf(doc, field), mine: edit.value }))
    .filter(({ base, theirs, mine }) => !jsonEqual(theirs, base) && !jsonEqual(theirs, mine));
}

/** Only the changed fields, with the person's values: what a save writes. */
export function draftPatch<T extends object>(edits: Readonly<Record<string, DraftEdit>>): Partial<T> {
  const patch: PlainDocument = {};
  for (const [field, edit] of Object.entries(edits)) patch[field] = edit.value;
  return patch as Partial<T>;
}

export type AppliedDraft<T extends object> =
  | { ok: true; doc: T; patch: Partial<T> }
  | { ok: false; changes: FieldChangedElsewhere[] };

/**
 * The person's changes applied onto `newest`, the document as the database holds it at the moment of writing:
 * every other field stays as `newest` has it. Refused, with the fields in question, when a changed field moved
 * elsewhere and the person has not decided.
 */
export function applyDraft<T extends object>(edits: Readonly<Record<string, DraftEdit>>, newest: T): AppliedDraft<T> {
  const changes = changedElsewhere(edits, newest);
  if (changes.length > 0) return { ok: false, changes };
  const patch = draftPatch<T>(edits);
  return { ok: true, doc: { ...newest, ...patch }, patch };
}
