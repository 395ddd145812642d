// An order's change history: one append-only document per change, saying who changed what and when. Events are
// only ever inserted (each with its own id), so they never conflict, and offline edits keep their history.
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import type { MergeRules } from './merge-rules';

const orderEventSchemaLiteral = {
  title: 'orderEvents',
  description: 'One change to an order: who, when, what',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    orderId: idField,
    /** client clock of the change */
    at: timestampField,
    /** the operator (token subject) who made it */
    by: { type: 'string', maxLength: 200 },
    /** a sentence: "Status received → washing" */
    summary: { type: 'string', maxLength: 1000 },
    changes: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          field: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
        },
        required: ['field', 'to'],
      },
    },
    ...clockFields,
  },
  required: ['id', 'orderId', 'at', 'by', 'summary', 'changes'],
  indexes: ['orderId'],
  additionalProperties: false,
} as const;

const orderEventSchemaTyped = toTypedRxJsonSchema(orderEventSchemaLiteral);
export type OrderEvent = ExtractDocumentTypeFromTypedRxJsonSchema<typeof orderEventSchemaTyped>;
export type OrderChange = OrderEvent['changes'][number];
export const orderEventSchema: RxJsonSchema<OrderEvent> = orderEventSchemaLiteral;

/** Events are immutable; should two ever meet, the server's copy stands. */
export const orderEventMergeRules: MergeRules = { fields: {}, fallback: 'server' };
