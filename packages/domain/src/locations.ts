// Shops of a fleet: where machines stand and orders are handed in.

import type { MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField } from './fields';

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
export const locationSchema: RxJsonSchema<Location> = locationSchemaLiteral;

export const locationMergeRules: MergeRules = {
  fields: { name: 'manual', address: 'manual', editedAt: 'max' },
  fallback: 'latest',
};
