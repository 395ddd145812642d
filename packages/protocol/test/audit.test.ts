// What the audit trail records of a write: whether it created, updated or deleted its document, and each top-level
// field it changed from what to what (JSON text; null where absent; the null rule holds; the server's fields never).
import { describe, expect, it } from 'vitest';
import { fieldChanges, writeOperation } from '../src';

describe('the audit rules', () => {
  it('tells a creation, an update and a deletion, and a deleted document brought back as a creation', () => {
    const live = { id: 'a', title: 'x', _deleted: false };
    expect(writeOperation(undefined, live)).toBe('create');
    expect(writeOperation(live, { ...live, title: 'y' })).toBe('update');
    expect(writeOperation(live, { ...live, _deleted: true })).toBe('delete');
    expect(writeOperation({ ...live, _deleted: true }, live)).toBe('create');
  });

  it('lists the changed fields with their values as JSON, reading null as absent', () => {
    const before = { id: 'a', title: 'x', tags: ['a'], note: null, updatedAt: 1, _deleted: false };
    const after = { id: 'a', title: 'y', tags: ['a', 'b'], updatedAt: 2, _deleted: false, priority: 3 };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'title', from: '"x"', to: '"y"' },
      { field: 'tags', from: '["a"]', to: '["a","b"]' },
      { field: 'priority', from: null, to: '3' },
    ]);
    // a deleted document's old values are not what a revival changed from
    expect(fieldChanges({ ...before, _deleted: true }, after).map((change) => change.from)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
