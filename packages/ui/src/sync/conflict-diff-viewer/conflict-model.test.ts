// The conflict viewer's three-way model: how each field is classified, the order a person reads them in, and the
// document a set of decisions writes.
import { describe, expect, it } from 'vitest';
import {
  buildResolvedDocument,
  diffDocuments,
  type FieldDecision,
  type FieldDiff,
  fieldLabel,
  formatSummary,
  type JsonObject,
  summarize,
} from './conflict-model';

/** Each field's label and change, in the order the viewer lists them. */
function changes(fields: readonly FieldDiff[]): [string, FieldDiff['change']][] {
  return fields.map((field) => [fieldLabel(field), field.change]);
}

function field(fields: readonly FieldDiff[], label: string): FieldDiff {
  const found = fields.find((candidate) => fieldLabel(candidate) === label);
  if (!found) throw new Error(`no field ${label} in ${fields.map((field) => fieldLabel(field)).join(', ')}`);
  return found;
}

/** Decisions keyed as the viewer keys them, from field labels. */
function decide(fields: readonly FieldDiff[], byLabel: Record<string, FieldDecision>): Record<string, FieldDecision> {
  return Object.fromEntries(Object.entries(byLabel).map(([label, decision]) => [field(fields, label).key, decision]));
}

describe('diffDocuments', () => {
  it('classifies each field by which side changed it', () => {
    const base = { id: 'o1', customer: 'Ada', priority: 1, notes: 'call first', status: 'new', quantity: 3 };
    const local = { id: 'o1', customer: 'Ada L.', priority: 1, notes: 'leave at door', status: 'packed', quantity: 3 };
    const server = { id: 'o1', customer: 'Ada', priority: 2, notes: 'ring twice', status: 'packed', quantity: 3 };
    const fields = diffDocuments(base, local, server);

    expect(field(fields, 'id').change).toBe('unchanged');
    expect(field(fields, 'quantity').change).toBe('unchanged');
    expect(field(fields, 'customer').change).toBe('local');
    expect(field(fields, 'priority').change).toBe('server');
    expect(field(fields, 'status').change).toBe('both');
    expect(field(fields, 'notes').change).toBe('conflict');
  });

  it('keeps every side’s value for a field, absent where that side has no such field', () => {
    const fields = diffDocuments({ id: 'o1' }, { id: 'o1', notes: 'mine' }, { id: 'o1', notes: 'theirs' });
    expect(field(fields, 'notes')).toMatchObject({
      base: undefined,
      local: 'mine',
      server: 'theirs',
      change: 'conflict',
    });
  });

  it('treats a field added or removed on one side as that side’s change', () => {
    const fields = diffDocuments(
      { id: 'o1', tag: 'rush' },
      { id: 'o1', tag: 'rush', notes: 'new' },
      { id: 'o1', phone: '555' },
    );
    expect(field(fields, 'notes')).toMatchObject({ local: 'new', server: undefined, change: 'local' });
    expect(field(fields, 'phone')).toMatchObject({ local: undefined, server: '555', change: 'server' });
    expect(field(fields, 'tag')).toMatchObject({ local: 'rush', server: undefined, change: 'server' });
  });

  it('walks nested objects to their leaves, so different sub-fields of one object merge', () => {
    const base = { address: { city: 'Lyon', street: 'Rue A', geo: { lat: 1, lng: 2 } } };
    const local = { address: { city: 'Paris', street: 'Rue A', geo: { lat: 1, lng: 2 } } };
    const server = { address: { city: 'Lyon', street: 'Rue B', geo: { lat: 1, lng: 3 } } };
    const fields = diffDocuments(base, local, server);

    expect(changes(fields)).toEqual([
      ['address.city', 'local'],
      ['address.street', 'server'],
      ['address.geo.lng', 'server'],
      ['address.geo.lat', 'unchanged'],
    ]);
    expect(field(fields, 'address.geo.lng').path).toEqual(['address', 'geo', 'lng']);
  });

  it('keeps an empty object as a field of its own, so it is not lost from the merged document', () => {
    const fields = diffDocuments({ id: 'o1', options: {} }, { id: 'o1', options: {} }, { id: 'o1', options: {} });
    expect(changes(fields)).toEqual([
      ['id', 'unchanged'],
      ['options', 'unchanged'],
    ]);
    expect(buildResolvedDocument(fields, {}, null, null)).toEqual({ id: 'o1', options: {} });
  });

  it('compares arrays whole, as one field, so any difference in them is one change', () => {
    const fields = diffDocuments({ items: ['a', 'b'] }, { items: ['a', 'b', 'c'] }, { items: ['b', 'a'] });
    expect(changes(fields)).toEqual([['items', 'conflict']]);
    expect(field(fields, 'items')).toMatchObject({ local: ['a', 'b', 'c'], server: ['b', 'a'] });
  });

  it('sees arrays of equal objects as equal, whatever their key order', () => {
    const fields = diffDocuments(
      { lines: [{ sku: 'A', qty: 1 }] },
      { lines: [{ qty: 1, sku: 'A' }] },
      { lines: [{ sku: 'A', qty: 2 }] },
    );
    expect(changes(fields)).toEqual([['lines', 'server']]);
  });

  it('sees a field gained or lost inside an array element as a change', () => {
    const fields = diffDocuments(
      { lines: [{ sku: 'A' }], parts: [{ sku: 'B', qty: 1 }] },
      { lines: [{ sku: 'A', qty: 2 }], parts: [{ sku: 'B', qty: 1 }] },
      { lines: [{ sku: 'A' }], parts: [{ sku: 'B' }] },
    );
    expect(changes(fields)).toEqual([
      ['lines', 'local'],
      ['parts', 'server'],
    ]);
  });

  it('calls the same change on both sides merged, even for nested values', () => {
    const fields = diffDocuments({ tags: ['a'] }, { tags: ['a', 'b'] }, { tags: ['a', 'b'] });
    expect(changes(fields)).toEqual([['tags', 'both']]);
  });

  it('lists conflicts first, then merged fields, then unchanged ones, each group in document order', () => {
    const base = { a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 };
    const local = { a: 1, b: 2, c: 2, d: 1, e: 2, f: 2 };
    const server = { a: 1, b: 1, c: 3, d: 3, e: 2, f: 4 };
    expect(changes(diffDocuments(base, local, server))).toEqual([
      ['c', 'conflict'],
      ['f', 'conflict'],
      ['b', 'local'],
      ['d', 'server'],
      ['e', 'both'],
      ['a', 'unchanged'],
    ]);
  });

  it('reads a field set to null on one side and absent on the other as the same value, as the merge does', () => {
    const fields = diffDocuments(
      { id: 'o1', notes: 'fragile', address: { city: 'Oslo', zip: '0150' } },
      { id: 'o1', notes: null, address: { city: 'Oslo', zip: null } },
      { id: 'o1', address: { city: 'Oslo' } },
    );
    expect(field(fields, 'notes').change).toBe('both');
    expect(field(fields, 'address.zip').change).toBe('both');
    const untouched = diffDocuments({ id: 'o1', notes: null }, { id: 'o1' }, { id: 'o1', notes: null });
    expect(changes(untouched)).toEqual([
      ['id', 'unchanged'],
      ['notes', 'unchanged'],
    ]);
  });

  it('leaves server-managed fields out of the comparison by default', () => {
    const base = { id: 'o1', updatedAt: 1, _rev: '1-a', _meta: { lwt: 1 }, _deleted: false, _attachments: {} };
    const local = { id: 'o1', updatedAt: 2, _rev: '2-b', _meta: { lwt: 2 }, _deleted: false, _attachments: {} };
    const server = { id: 'o1', updatedAt: 3, _rev: '2-c', _meta: { lwt: 3 }, _deleted: true, _attachments: {} };
    expect(changes(diffDocuments(base, local, server))).toEqual([['id', 'unchanged']]);
  });

  it('leaves out the fields it is told to ignore, and only those', () => {
    const fields = diffDocuments(
      { id: 'o1', version: 1, updatedAt: 1 },
      { id: 'o1', version: 2, updatedAt: 2 },
      {
        id: 'o1',
        version: 3,
        updatedAt: 3,
      },
      ['version'],
    );
    expect(changes(fields)).toEqual([
      ['updatedAt', 'conflict'],
      ['id', 'unchanged'],
    ]);
  });

  it('ignores a field by name only at the document’s top level', () => {
    const fields = diffDocuments({ audit: { updatedAt: 1 } }, { audit: { updatedAt: 2 } }, { audit: { updatedAt: 1 } });
    expect(changes(fields)).toEqual([['audit.updatedAt', 'local']]);
  });

  it('reads a document both sides created (no base) as conflicts where they differ and merges where they agree', () => {
    const fields = diffDocuments(null, { id: 'o1', qty: 1, notes: 'x' }, { id: 'o1', qty: 2, notes: 'x' });
    expect(changes(fields)).toEqual([
      ['qty', 'conflict'],
      ['id', 'both'],
      ['notes', 'both'],
    ]);
  });

  it('reads a deleted side as every field removed there: a field the other side edited is a conflict', () => {
    const base = { id: 'o1', status: 'new', notes: 'a' };
    const fields = diffDocuments(base, null, { id: 'o1', status: 'packed', notes: 'a' });
    expect(field(fields, 'status')).toMatchObject({ local: undefined, server: 'packed', change: 'conflict' });
    expect(field(fields, 'notes')).toMatchObject({ local: undefined, server: 'a', change: 'local' });
  });
});

describe('buildResolvedDocument', () => {
  const base = { id: 'o1', customer: 'Ada', priority: 1, notes: 'call first', address: { city: 'Lyon', zip: '1' } };
  const local = {
    id: 'o1',
    customer: 'Ada L.',
    priority: 1,
    notes: 'leave at door',
    address: { city: 'Paris', zip: '1' },
  };
  const server = { id: 'o1', customer: 'Ada', priority: 2, notes: 'ring twice', address: { city: 'Lyon', zip: '2' } };

  it('keeps every change made on one side, and the server’s value for an undecided conflict', () => {
    const fields = diffDocuments(base, local, server);
    expect(buildResolvedDocument(fields, {}, local, server)).toEqual({
      id: 'o1',
      customer: 'Ada L.',
      priority: 2,
      notes: 'ring twice',
      address: { city: 'Paris', zip: '2' },
    });
  });

  it('takes the local, server or base value a person chose for a conflict', () => {
    const fields = diffDocuments(base, local, server);
    const resolved = (choice: FieldDecision['choice']) =>
      buildResolvedDocument(fields, decide(fields, { notes: { choice } }), local, server).notes;
    expect(resolved('local')).toBe('leave at door');
    expect(resolved('server')).toBe('ring twice');
    expect(resolved('base')).toBe('call first');
  });

  it('writes the value a person typed for a conflict', () => {
    const fields = diffDocuments(base, local, server);
    const decisions = decide(fields, { notes: { choice: 'custom', custom: 'leave at door, ring twice' } });
    expect(buildResolvedDocument(fields, decisions, local, server).notes).toBe('leave at door, ring twice');
  });

  it('lets a decision on a field that merged by itself change nothing', () => {
    const fields = diffDocuments(base, local, server);
    const decisions = decide(fields, { customer: { choice: 'base' } });
    expect(buildResolvedDocument(fields, decisions, local, server).customer).toBe('Ada L.');
  });

  it('leaves out a field whose chosen side does not have it', () => {
    const fields = diffDocuments({ id: 'o1' }, { id: 'o1', notes: 'mine' }, { id: 'o1', notes: 'theirs' });
    const document = buildResolvedDocument(fields, decide(fields, { notes: { choice: 'base' } }), null, null);
    expect(document).toEqual({ id: 'o1' });
    expect(Object.hasOwn(document, 'notes')).toBe(false);
  });

  it('copies server-managed fields from the server, or from local where the server has none', () => {
    const withMeta = (doc: JsonObject, meta: JsonObject) => ({ ...doc, ...meta });
    const fields = diffDocuments(base, local, server);
    const document = buildResolvedDocument(
      fields,
      {},
      withMeta(local, { updatedAt: 5, _rev: '2-local' }),
      withMeta(server, { updatedAt: 9 }),
    );
    expect(document).toMatchObject({ updatedAt: 9, _rev: '2-local' });
  });

  it('resolves a delete versus an edit: choosing the deleted side drops the edited field, the other keeps it', () => {
    const base = { id: 'o1', status: 'new' };
    const server = { id: 'o1', status: 'packed' };
    const fields = diffDocuments(base, null, server);
    expect(buildResolvedDocument(fields, decide(fields, { status: { choice: 'local' } }), null, server)).toEqual({});
    expect(buildResolvedDocument(fields, decide(fields, { status: { choice: 'server' } }), null, server)).toEqual({
      status: 'packed',
    });
  });

  it('never shares objects or arrays with the documents it was built from', () => {
    const local = { tags: ['rush'], address: { city: 'Paris' } };
    const server = { tags: ['rush', 'fragile'], address: { city: 'Lyon' } };
    const fields = diffDocuments({ tags: ['rush'], address: { city: 'Lyon' } }, local, server);
    const document = buildResolvedDocument(fields, {}, local, server);
    (document.tags as string[]).push('late');
    (document.address as JsonObject).city = 'Nice';
    expect(server.tags).toEqual(['rush', 'fragile']);
    expect(local.address.city).toBe('Paris');
  });
});

describe('summarize and formatSummary', () => {
  it('counts conflicts, merged and unchanged fields, and how many conflicts are decided', () => {
    const fields = diffDocuments({ a: 1, b: 1, c: 1, d: 1 }, { a: 2, b: 2, c: 2, d: 1 }, { a: 3, b: 3, c: 1, d: 1 });
    const summary = summarize(fields, decide(fields, { a: { choice: 'local' } }));
    expect(summary).toEqual({ conflicts: 2, merged: 1, unchanged: 1, decided: 1 });
    expect(formatSummary(summary)).toBe('2 conflicts · 1 merged · 1 of 2 decided');
  });

  it('says "conflict" for one', () => {
    expect(formatSummary({ conflicts: 1, merged: 0, unchanged: 4, decided: 0 })).toBe(
      '1 conflict · 0 merged · 0 of 1 decided',
    );
  });
});

describe('field labels', () => {
  it('names a field by its schema title, and a nested one step by step where it has none', () => {
    const labels = { notes: 'Notes', totals: 'Totals', 'totals.total': 'Total' };
    expect(fieldLabel({ path: ['notes'] }, labels)).toBe('Notes');
    expect(fieldLabel({ path: ['totals', 'total'] }, labels)).toBe('Total');
    expect(fieldLabel({ path: ['totals', 'discount'] }, labels)).toBe('Totals › discount');
    expect(fieldLabel({ path: ['customerId'] }, labels)).toBe('customerId');
    expect(fieldLabel({ path: ['totals', 'total'] })).toBe('totals.total');
  });
});
