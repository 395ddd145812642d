// The mapping from the data layer's records to the views' props, as an app with its own layout would use it:
// names people recognise, the three versions the viewer compares, and decisions turned into choices.
import type { ConflictRecord, SyncStateRecord } from '@syncline/data';
import { describe, expect, it } from 'vitest';
import { diffDocuments, fieldKey } from '../sync/conflict-diff-viewer';
import { describeDocument, documentNoun } from './describe-document';
import {
  choicesKeeping,
  conflictChoices,
  conflictInboxItem,
  conflictVersions,
  settledFields,
  syncQueueItem,
} from './sync-records';

const base = { id: 'o-1', number: 1042, notes: 'Two stains', status: 'washing', updatedAt: 5 };
const notesConflict: ConflictRecord = {
  id: 'orders|o-1|100',
  collectionName: 'orders',
  documentId: 'o-1',
  fields: ['notes'],
  mergedFields: ['status'],
  base,
  local: { ...base, notes: 'Press only', _deleted: false },
  server: { ...base, notes: 'Wash at 30', status: 'drying', updatedAt: 9, _deleted: false },
  status: 'open',
  detectedAt: 100,
};
const deletedOnServer: ConflictRecord = {
  ...notesConflict,
  id: 'orders|o-1|200',
  fields: ['_deleted'],
  mergedFields: ['notes'],
  server: { ...base, _deleted: true },
};

describe('naming documents', () => {
  it('reads a title, a name or a number before falling back to the id', () => {
    expect(describeDocument('tickets', { title: 'Printer jams', name: 'ignored' }, 't-1')).toBe('Printer jams');
    expect(describeDocument('machines', { name: 'Washer 3' }, 'm-3')).toBe('Washer 3');
    expect(describeDocument('orders', { number: 1042, customerName: 'Ada' }, 'o-1')).toBe('Order #1042');
    expect(describeDocument('tickets', { title: '  ' }, 't-17')).toBe('Ticket t-17');
  });

  it('names a collection by one of its documents', () => {
    expect(['orders', 'categories', 'boxes', 'addresses', 'inventory'].map(documentNoun)).toEqual([
      'Order',
      'Category',
      'Box',
      'Address',
      'Inventory',
    ]);
  });
});

describe('conflict records', () => {
  it('become inbox items named after the document, by the app’s own description when it has one', () => {
    expect(conflictInboxItem(notesConflict)).toEqual({
      id: notesConflict.id,
      collection: 'orders',
      documentId: 'o-1',
      documentLabel: 'Order #1042',
      fields: ['notes'],
      detectedAt: 100,
    });
    const describe = (collection: string, doc: Record<string, unknown>) => `${collection}: ${String(doc.status)}`;
    // the server's version names it, unless the server deleted it
    expect(conflictInboxItem(notesConflict, describe).documentLabel).toBe('orders: drying');
    expect(
      conflictInboxItem({ ...deletedOnServer, local: { ...base, status: 'folding' } }, describe).documentLabel,
    ).toBe('orders: folding');
  });

  it('show the viewer only the fields a person has to decide', () => {
    const versions = conflictVersions(notesConflict);
    expect(versions.ignoreFields).toEqual(expect.arrayContaining(['updatedAt', 'status', 'number', 'id']));
    expect(versions.ignoreFields).not.toContain('notes');
    expect(diffDocuments(versions.base, versions.local, versions.server, versions.ignoreFields)).toEqual([
      expect.objectContaining({ key: fieldKey(['notes']), change: 'conflict' }),
    ]);
    expect(settledFields(notesConflict)).toEqual(versions.ignoreFields);
  });

  it('pass the deleted side of a delete versus edit as null, with every field in view', () => {
    const versions = conflictVersions(deletedOnServer);
    expect(versions.server).toBeNull();
    expect(versions.local).toMatchObject({ notes: 'Press only' });
    expect(versions.ignoreFields).not.toContain('notes');
  });

  it('turn the viewer’s decisions into the data layer’s choices', () => {
    const nested: ConflictRecord = { ...notesConflict, fields: ['notes', 'address', 'tags'] };
    const choices = conflictChoices(nested, {
      document: { notes: 'Press only', address: { city: 'Ghent', street: 'Kouter 1' }, tags: ['a'] },
      decisions: {
        [fieldKey(['notes'])]: { choice: 'local' },
        // a nested field decided leaf by leaf: the resolved document carries the result
        [fieldKey(['address', 'city'])]: { choice: 'server' },
        [fieldKey(['tags'])]: { choice: 'custom', custom: ['a'] },
      },
    });
    expect(choices).toEqual({
      notes: 'local',
      address: { custom: { city: 'Ghent', street: 'Kouter 1' } },
      tags: { custom: ['a'] },
    });
  });

  it('turn the document chosen in a delete versus edit into a choice for `_deleted`', () => {
    expect(
      conflictChoices(deletedOnServer, {
        document: null,
        decisions: { [fieldKey(['_deleted'])]: { choice: 'server' } },
      }),
    ).toEqual({ _deleted: 'server' });
    // from a viewer that gives only the document: deleted when it is null
    expect(conflictChoices(deletedOnServer, { document: null, decisions: {} })).toEqual({
      _deleted: { custom: true },
    });
  });

  it('keep one side in every conflicting field for a batch', () => {
    expect(choicesKeeping({ ...notesConflict, fields: ['notes', 'tags'] }, 'server')).toEqual({
      notes: 'server',
      tags: 'server',
    });
  });
});

describe('pending writes', () => {
  const failed: SyncStateRecord = {
    id: 'orders|o-1',
    collectionName: 'orders',
    documentId: 'o-1',
    state: 'failed',
    error: 'notes must be at most 500 characters',
    changedAt: 100,
  };

  it('become queue items named after their document', () => {
    expect(syncQueueItem(failed, base)).toEqual({
      id: 'orders|o-1',
      collection: 'orders',
      documentId: 'o-1',
      documentLabel: 'Order #1042',
      operation: 'update',
      state: 'failed',
      queuedAt: 100,
      attempts: 1,
      lastError: 'notes must be at most 500 characters',
    });
  });

  it('are deletions, named by collection and id, when the device no longer holds the document', () => {
    expect(syncQueueItem({ ...failed, state: 'pending', error: undefined }, null)).toMatchObject({
      documentLabel: 'Order o-1',
      operation: 'delete',
      attempts: 0,
      lastError: null,
    });
  });
});
