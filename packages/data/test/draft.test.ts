// A form's draft as pure state: untouched fields follow the document, a changed field keeps the person's value and
// the value they started from, a field changed elsewhere waits for a decision, and a save applies only the changes.
import { describe, expect, it } from 'vitest';
import {
  applyDraft,
  changedElsewhere,
  type Draft,
  type DraftAction,
  draftReducer,
  draftValues,
  startDraft,
  touchedFields,
} from '../src/draft';

interface Order {
  id: string;
  priority: string;
  notes?: string;
  tags?: string[];
}

const loaded: Order = { id: 'o1', priority: 'high', notes: 'Ring twice', tags: ['fragile'] };

function run(...actions: DraftAction<Order>[]): Draft<Order> {
  return actions.reduce(draftReducer<Order>, startDraft<Order>());
}

const live = (doc: Order | null): DraftAction<Order> => ({ type: 'live', doc });
const set = (field: string, value: unknown): DraftAction<Order> => ({ type: 'set', field, value });

describe('a document draft', () => {
  it('shows nothing until the document loads, and ignores changes until then', () => {
    const draft = run(set('priority', 'low'));
    expect(draft.loading).toBe(true);
    expect(draftValues(draft)).toBeNull();
    expect(touchedFields(draft)).toEqual([]);
  });

  it('lets untouched fields follow the document while changed fields keep the person’s value', () => {
    const draft = run(live(loaded), set('notes', 'Leave at the door'), live({ ...loaded, priority: 'low' }));
    expect(draftValues(draft)).toEqual({ ...loaded, priority: 'low', notes: 'Leave at the door' });
    expect(touchedFields(draft)).toEqual(['notes']);
    expect(changedElsewhere(draft.edits, draft.live)).toEqual([]);
  });

  it('takes the value the person saw when they started changing a field as its base', () => {
    const draft = run(live(loaded), live({ ...loaded, priority: 'low' }), set('priority', 'urgent'));
    expect(draft.edits.priority).toEqual({ base: 'low', value: 'urgent' });
    expect(changedElsewhere(draft.edits, draft.live)).toEqual([]);
  });

  it('treats setting a field back to the document’s value as no change', () => {
    const draft = run(live(loaded), set('priority', 'low'), set('priority', 'high'));
    expect(touchedFields(draft)).toEqual([]);
    const same = run(live(loaded), set('tags', ['fragile']));
    expect(touchedFields(same)).toEqual([]);
  });

  it('compares with the protocol’s null rule: an absent field and null are the same value', () => {
    const draft = run(live({ id: 'o1', priority: 'high' }), set('notes', null));
    expect(touchedFields(draft)).toEqual([]);
  });

  it('reports a changed field that another device changed too, with base, theirs and mine', () => {
    const draft = run(live(loaded), set('priority', 'urgent'), live({ ...loaded, priority: 'low' }));
    expect(changedElsewhere(draft.edits, draft.live)).toEqual([
      { field: 'priority', base: 'high', theirs: 'low', mine: 'urgent' },
    ]);
    expect(draftValues(draft)?.priority).toBe('urgent');
  });

  it('does not ask when the other device reached the person’s own value', () => {
    const draft = run(live(loaded), set('priority', 'low'), live({ ...loaded, priority: 'low' }));
    expect(changedElsewhere(draft.edits, draft.live)).toEqual([]);
  });

  it('keep theirs drops the change, so the field follows the document again', () => {
    const draft = run(
      live(loaded),
      set('priority', 'urgent'),
      live({ ...loaded, priority: 'low' }),
      { type: 'keep-theirs', field: 'priority' },
      live({ ...loaded, priority: 'normal' }),
    );
    expect(touchedFields(draft)).toEqual([]);
    expect(draftValues(draft)?.priority).toBe('normal');
  });

  it('keep mine settles the question until the field moves again', () => {
    const kept = run(live(loaded), set('priority', 'urgent'), live({ ...loaded, priority: 'low' }), {
      type: 'keep-mine',
      field: 'priority',
    });
    expect(changedElsewhere(kept.edits, kept.live)).toEqual([]);
    expect(draftValues(kept)?.priority).toBe('urgent');
    const movedAgain = draftReducer(kept, live({ ...loaded, priority: 'normal' }));
    expect(changedElsewhere(movedAgain.edits, movedAgain.live)).toEqual([
      { field: 'priority', base: 'low', theirs: 'normal', mine: 'urgent' },
    ]);
  });

  it('reset drops every change', () => {
    const draft = run(live(loaded), set('priority', 'low'), set('notes', ''), { type: 'reset' });
    expect(touchedFields(draft)).toEqual([]);
    expect(draftValues(draft)).toEqual(loaded);
  });

  it('after a save keeps only the changes the save did not carry', () => {
    const draft = run(live(loaded), set('priority', 'low'), set('notes', 'Typed during the save'), {
      type: 'saved',
      doc: { ...loaded, priority: 'low' },
    });
    expect(draft.edits).toEqual({ notes: { base: 'Ring twice', value: 'Typed during the save' } });
  });

  it('keeps the changes of a document deleted elsewhere, with nothing to show', () => {
    const draft = run(live(loaded), set('notes', 'x'), live(null));
    expect(draftValues(draft)).toBeNull();
    expect(touchedFields(draft)).toEqual(['notes']);
  });
});

describe('applying a draft to the newest document', () => {
  it('writes only the changed fields, leaving every other field as the newest document has it', () => {
    const draft = run(live(loaded), set('notes', 'Leave at the door'));
    const newest = { ...loaded, priority: 'low', tags: ['fragile', 'express'] };
    expect(applyDraft(draft.edits, newest)).toEqual({
      ok: true,
      doc: { ...newest, notes: 'Leave at the door' },
      patch: { notes: 'Leave at the door' },
    });
  });

  it('refuses when a changed field moved since the person started, and names it', () => {
    const draft = run(live(loaded), set('priority', 'urgent'));
    expect(applyDraft(draft.edits, { ...loaded, priority: 'low' })).toEqual({
      ok: false,
      changes: [{ field: 'priority', base: 'high', theirs: 'low', mine: 'urgent' }],
    });
  });
});
