import { describe, expect, it } from 'vitest';
import { checkpointFields, collectionOperations, operationNames, toInputDocument } from '../src';

const schema = {
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    lines: {
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'string' }, qty: { type: 'number' } } },
    },
    address: { type: 'object', properties: { city: { type: 'string' } } },
    updatedAt: { type: 'number' },
  },
};

describe('operations', () => {
  it('names fields and types as RxDB generates them', () => {
    expect(operationNames('orders')).toEqual({
      pullField: 'pullOrders',
      pushField: 'pushOrders',
      streamField: 'streamOrders',
      pushVariable: 'ordersPushRow',
      pullBulkType: 'OrdersPullBulk',
      checkpointType: 'OrdersCheckpoint',
      checkpointInputType: 'OrdersInputCheckpoint',
      pushRowInputType: 'OrdersInputPushRow',
      headersInputType: 'OrdersInputHeaders',
    });
    expect(checkpointFields('code')).toEqual(['code', 'updatedAt']);
  });

  it('selects nested objects and arrays of objects with their fields, arrays of scalars bare', () => {
    const ops = collectionOperations('tickets', schema);
    expect(ops.pull).toContain(
      'documents { id title tags lines { id qty } address { city } updatedAt _deleted } checkpoint { id updatedAt }',
    );
    expect(ops.push).toContain('pushTickets(ticketsPushRow: $ticketsPushRow) { id title tags');
    expect(ops.stream).toContain('streamTickets(headers: $headers)');
    expect(ops.stream).toContain('previousCheckpoint { id updatedAt }');
    expect(collectionOperations('tickets', { ...schema, primaryKey: { key: 'id' } }).checkpointFields).toEqual([
      'id',
      'updatedAt',
    ]);
  });

  it('sends only declared properties, with _deleted always set', () => {
    expect(toInputDocument(schema, { id: 'a', title: 'T', extra: 1, _rev: '1', _meta: {}, notes: undefined })).toEqual({
      id: 'a',
      title: 'T',
      _deleted: false,
    });
    expect(toInputDocument(schema, { id: 'a', _deleted: true })).toEqual({ id: 'a', _deleted: true });
  });
});
