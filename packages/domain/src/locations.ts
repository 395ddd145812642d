// Shops of a fleet: where machines stand and orders are handed in.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField } from './fields';
import { managers, withPermissions } from './roles';

const locationSchemaLiteral = {
  title: 'locations',
  description: 'A shop of the fleet',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: { type: 'string' },
    address: { type: 'string' },
    timezone: { type: 'string' },
    ...clockFields,
  },
  required: ['id', 'name', 'timezone'],
  additionalProperties: false,
} as const;

const locationSchemaTyped = toTypedRxJsonSchema(locationSchemaLiteral);
export type Location = ExtractDocumentTypeFromTypedRxJsonSchema<typeof locationSchemaTyped>;
/** Managers set up the shops; everyone else reads them. */
export const locationPermissions: CollectionPermissions = {
  read: '*',
  create: managers,
  update: managers,
  delete: managers,
};
export const locationSchema: RxJsonSchema<Location> = withPermissions(locationSchemaLiteral, locationPermissions);

export const locationMergeRules: MergeRules = {
  fields: { name: 'manual', address: 'manual', editedAt: 'max' },
  fallback: 'latest',
};
