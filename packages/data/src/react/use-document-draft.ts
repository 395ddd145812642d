// Edit safety for forms: a draft of one document that writes only what the person changed, onto the newest
// version. The state transitions live in `../draft`; this hook subscribes to the document and writes the save.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RxDocument } from 'rxdb';
import {
  applyDraft,
  changedElsewhere,
  type Draft,
  type DraftAction,
  draftReducer,
  draftValues,
  type FieldChangedElsewhere,
  startDraft,
  touchedFields,
} from '../draft';
import { useSyncline } from './context';
import { useCollection } from './hooks';

/** What a save did. Nothing is written unless it says `saved`. */
export type DraftSaveResult<T extends object> =
  | { status: 'saved'; patch: Partial<T>; before: T; after: T }
  /** The person changed nothing (or only back to what the document holds). */
  | { status: 'unchanged' }
  /** Changed fields moved on another device and wait for keep theirs / keep mine. */
  | { status: 'changed-elsewhere'; changes: FieldChangedElsewhere[] }
  /** The document is gone from this device (deleted, or never synced here). */
  | { status: 'missing' };

export interface DraftSaveOptions<T extends object> {
  /**
   * Fields to write along with the person's changes, computed from the newest document at the moment of writing:
   * a history entry, an edited-at. Runs only when the save writes.
   */
  amend?: (newest: T, patch: Partial<T>) => Partial<T>;
}

export interface DocumentDraft<T extends object> {
  /** The document as this device holds it now, kept live; `null` while loading and once deleted. */
  doc: T | null;
  loading: boolean;
  /** What the form shows: the live document with the person's changes over it. */
  values: T | null;
  /** Fields the person changed, in the order they first changed them. */
  touched: readonly (keyof T & string)[];
  /** Changed fields that another device changed too since the person started: decide each before saving. */
  changedElsewhere: readonly FieldChangedElsewhere[];
  set: <K extends keyof T & string>(field: K, value: T[K]) => void;
  /** Take the other device's value: the field follows the document again. */
  keepTheirs: (field: keyof T & string) => void;
  /** Keep the person's value over the other device's. */
  keepMine: (field: keyof T & string) => void;
  /** Writes only the changed fields onto the newest document; refuses while a field changed elsewhere is open. */
  save: (options?: DraftSaveOptions<T>) => Promise<DraftSaveResult<T>>;
  /** Drops every change: the form shows the document as it is. */
  reset: () => void;
}

/** Thrown inside the write when the document moved under a changed field between the check and the write. */
class MovedDuringSave extends Error {
  readonly changes: FieldChangedElsewhere[];
  constructor(changes: FieldChangedElsewhere[]) {
    super('A changed field moved on another device during the save');
    this.changes = changes;
  }
}

interface Keyed<T extends object> {
  key: string;
  draft: Draft<T>;
}

/**
 * A draft of one document for an edit form. Fields the person has not changed follow live changes; a changed
 * field that another device changes too is listed in `changedElsewhere` (with the value they started from, theirs
 * and the new one) until they keep theirs or mine; `save()` writes only the changed fields onto the newest
 * document, so a change made elsewhere is never written back over. A new id (or database) starts a new draft.
 */
export function useDocumentDraft<T extends object>(collectionName: string, id: string): DocumentDraft<T> {
  const collection = useCollection<T>(collectionName);
  const key = `${useSyncline().database.token}:${collectionName}:${id}`;
  const [state, setState] = useState<Keyed<T>>(() => ({ key, draft: startDraft<T>() }));
  const draft = state.key === key ? state.draft : startDraft<T>();
  // The save reads the draft as it is when it runs, not as it was when the form last rendered.
  const latest = useRef(draft);
  latest.current = draft;

  const dispatch = useCallback(
    (action: DraftAction<T>) =>
      setState((current) => {
        const next = { key, draft: draftReducer(current.key === key ? current.draft : startDraft<T>(), action) };
        latest.current = next.draft;
        return next;
      }),
    [key],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the collection and id
  useEffect(() => {
    const subscription = collection
      .findOne(id)
      .$.subscribe((doc) => dispatch({ type: 'live', doc: doc ? (doc.toJSON() as T) : null }));
    return () => subscription.unsubscribe();
  }, [key, dispatch]);

  const save = useCallback(
    async ({ amend }: DraftSaveOptions<T> = {}): Promise<DraftSaveResult<T>> => {
      const { edits, live } = latest.current;
      if (!live) return { status: 'missing' };
      const open = changedElsewhere(edits, live);
      if (open.length > 0) return { status: 'changed-elsewhere', changes: open };
      if (touchedFields({ edits }).length === 0) return { status: 'unchanged' };
      const doc = (await collection.findOne(id).exec()) as RxDocument<T> | null;
      if (!doc) return { status: 'missing' };
      let before = doc.toJSON() as T;
      let written: Partial<T> = {};
      try {
        const after = await doc.incrementalModify((data) => {
          const { _deleted, ...newest } = data as T & { _deleted?: boolean };
          before = newest as unknown as T;
          const applied = applyDraft(edits, before);
          if (!applied.ok) throw new MovedDuringSave(applied.changes);
          written = applied.patch;
          return { ...applied.doc, ...amend?.(before, applied.patch), _deleted } as typeof data;
        });
        const saved = after.toJSON() as T;
        dispatch({ type: 'saved', doc: saved });
        return { status: 'saved', patch: written, before, after: saved };
      } catch (error) {
        // The live subscription brings the moved document to the form; RxDB still writes the unchanged state.
        if (!(error instanceof MovedDuringSave)) throw error;
        return { status: 'changed-elsewhere', changes: error.changes };
      }
    },
    [collection, id, dispatch],
  );

  const { live, loading, edits } = draft;
  return {
    doc: live,
    loading,
    values: useMemo(() => draftValues({ live, loading, edits }), [live, loading, edits]),
    touched: useMemo(() => touchedFields({ edits }) as (keyof T & string)[], [edits]),
    changedElsewhere: useMemo(() => changedElsewhere(edits, live), [edits, live]),
    set: useCallback((field, value) => dispatch({ type: 'set', field, value }), [dispatch]),
    keepTheirs: useCallback((field) => dispatch({ type: 'keep-theirs', field }), [dispatch]),
    keepMine: useCallback((field) => dispatch({ type: 'keep-mine', field }), [dispatch]),
    save,
    reset: useCallback(() => dispatch({ type: 'reset' }), [dispatch]),
  };
}
