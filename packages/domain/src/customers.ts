// The shop's customers: who to call when an order is ready.

import type { MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';

const customerSchemaLiteral = {
  title: 'customers',
  description: 'A customer of the shop',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: { type: 'string', maxLength: 200 },
    phone: { type: 'string' },
    email: { type: 'string' },
    address: { type: 'string' },
    notes: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    /** orders placed so far: a counter */
    orderCount: { type: 'integer', minimum: 0 },
    createdAt: timestampField,
    ...clockFields,
  },
  required: ['id', 'name', 'orderCount', 'createdAt'],
  indexes: ['name'],
  additionalProperties: false,
} as const;

const customerSchemaTyped = toTypedRxJsonSchema(customerSchemaLiteral);
export type Customer = ExtractDocumentTypeFromTypedRxJsonSchema<typeof customerSchemaTyped>;
export const customerSchema: RxJsonSchema<Customer> = customerSchemaLiteral;

export const customerMergeRules: MergeRules = {
  fields: {
    name: 'manual',
    address: 'manual',
    notes: 'manual',
    tags: 'union',
    orderCount: 'max',
    createdAt: 'min',
    editedAt: 'max',
  },
  fallback: 'latest',
};
