import { describe, expect, it } from 'vitest';
import { jsonEqual, sameDocumentState, stripNulls, withoutStorageFields } from '../src';

describe('the null rule: null and absent are the same value', () => {
  it('treats a field set to null on one side and absent on the other as equal, at every depth', () => {
    expect(jsonEqual({ id: 'a', notes: null }, { id: 'a' })).toBe(true);
    expect(jsonEqual({ id: 'a' }, { id: 'a', notes: null })).toBe(true);
    expect(jsonEqual({ address: { city: 'Oslo', zip: null } }, { address: { city: 'Oslo' } })).toBe(true);
    expect(jsonEqual({ lines: [{ id: 1, note: null }] }, { lines: [{ id: 1 }] })).toBe(true);
    expect(jsonEqual(null, undefined)).toBe(true);
  });

  it('still tells real differences apart', () => {
    expect(jsonEqual({ notes: '' }, {})).toBe(false);
    expect(jsonEqual({ count: 0 }, { count: null })).toBe(false);
    expect(jsonEqual({ flag: false }, {})).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([null], [])).toBe(false);
    expect(jsonEqual({ a: [1] }, { a: { 0: 1 } })).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('strips nulls from objects at every depth and keeps array positions', () => {
    const pulled = {
      id: 'a',
      notes: null,
      address: { city: 'Oslo', zip: null },
      tags: ['x', null],
      lines: [{ id: 1, note: null }],
    };
    expect(stripNulls(pulled)).toEqual({ id: 'a', address: { city: 'Oslo' }, tags: ['x', null], lines: [{ id: 1 }] });
    expect(jsonEqual(stripNulls(pulled), pulled)).toBe(true);
    // the input is left as it was; what had nothing to remove is not copied
    expect(pulled.notes).toBeNull();
    expect(pulled.address.zip).toBeNull();
    const clean = { id: 'b', address: { city: 'Oslo' }, tags: ['x', null], lines: [{ id: 1 }] };
    expect(stripNulls(clean)).toBe(clean);
    const partly = { id: 'c', address: { city: 'Oslo' }, lines: [{ id: 1 }, { id: 2, note: null }] };
    const stripped = stripNulls(partly);
    expect(stripped).toEqual({ id: 'c', address: { city: 'Oslo' }, lines: [{ id: 1 }, { id: 2 }] });
    expect(stripped.address).toBe(partly.address);
    expect(stripped.lines[0]).toBe(partly.lines[0]);
    expect(partly.lines[1]).toEqual({ id: 2, note: null });
    expect(stripNulls(null)).toBe(null);
    expect(stripNulls('text')).toBe('text');
  });
});

describe('document states as the replication compares them', () => {
  it('ignores the server clock, storage bookkeeping and a missing _deleted', () => {
    const stored = { id: 'a', title: 'Wash', updatedAt: 10, _deleted: false };
    const echoed = { id: 'a', title: 'Wash', updatedAt: 99, _rev: '2-x', _meta: { lwt: 1 }, _attachments: {} };
    expect(sameDocumentState(stored, echoed)).toBe(true);
  });

  it('sees a delete, a changed field and a field cleared to null versus a value', () => {
    const doc = { id: 'a', title: 'Wash', notes: 'fragile' };
    expect(sameDocumentState(doc, { ...doc, _deleted: true })).toBe(false);
    expect(sameDocumentState(doc, { ...doc, title: 'Dry' })).toBe(false);
    expect(sameDocumentState(doc, { ...doc, notes: null })).toBe(false);
    expect(sameDocumentState({ ...doc, notes: null }, { id: 'a', title: 'Wash' })).toBe(true);
    // whichever side holds the field the other lacks
    expect(sameDocumentState({ id: 'a', title: 'Wash' }, doc)).toBe(false);
    expect(sameDocumentState({ id: 'a', title: 'Wash' }, { id: 'a', title: 'Wash', notes: null })).toBe(true);
    expect(sameDocumentState({ id: 'a' }, { id: 'a', _deleted: true })).toBe(false);
    expect(sameDocumentState({ id: 'a' }, { id: 'a', _deleted: false, _rev: '2-b', updatedAt: 5 })).toBe(true);
    expect(sameDocumentState({ id: 'a', tags: ['x', null] }, { id: 'a', tags: ['x'] })).toBe(false);
  });

  it('drops only storage bookkeeping from a document', () => {
    expect(
      withoutStorageFields({ id: 'a', updatedAt: 3, _deleted: true, _rev: '1', _meta: {}, _attachments: {} }),
    ).toEqual({
      id: 'a',
      updatedAt: 3,
      _deleted: true,
    });
  });
});
