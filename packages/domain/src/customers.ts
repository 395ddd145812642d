// The shop's customers: who to call when an order is ready.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { managers, staff, withPermissions } from './roles';

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
/** Staff serve customers; managers remove them; a viewer sees no way to reach them (phone, email, address). */
export const customerPermissions: CollectionPermissions = {
  read: '*',
  create: staff,
  update: staff,
  delete: managers,
  fields: {
    phone: { read: staff, write: staff },
    email: { read: staff, write: staff },
    address: { read: staff, write: staff },
  },
};
export const customerSchema: RxJsonSchema<Customer> = withPermissions(customerSchemaLiteral, customerPermissions);

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
