// The shop's service catalogue: what an order's lines are taken from, at what unit price and tax rate. Reference
// data: managers keep it, everyone reads it, and every device holds all of it.

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { managers, withPermissions } from './roles';

/** What a service's price is per: a shirt, a kilogram of mixed wash, a set of bed linen. */
export const serviceUnits = ['item', 'kg', 'set', 'bundle', 'panel'] as const;
export type ServiceUnit = (typeof serviceUnits)[number];

/** Each unit as a price reads it ("€3.50 per item"): the one place a table, a dropdown or an export takes it from. */
export const serviceUnitLabel: Record<ServiceUnit, string> = {
  item: 'per item',
  kg: 'per kg',
  set: 'per set',
  bundle: 'per bundle',
  panel: 'per panel',
};

/** A service's code on order lines and receipts: capitals, digits and dashes ("DUVET-S"). */
export const serviceSkuPattern = '^[A-Z0-9][A-Z0-9-]*$';

const serviceSchemaLiteral = {
  title: 'services',
  description: 'A service the shop sells, at a unit price and tax rate',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    sku: { title: 'Code', type: 'string', maxLength: 20, pattern: serviceSkuPattern },
    name: { title: 'Service', type: 'string', maxLength: 200 },
    /** integer cents, before tax */
    unitPrice: { title: 'Unit price', type: 'integer', minimum: 0, maximum: 10_000_000 },
    /** a fraction: 0.23 is 23 % */
    taxRate: { title: 'Tax rate', type: 'number', minimum: 0, maximum: 1 },
    unit: { title: 'Unit', type: 'string', enum: [...serviceUnits] },
    /** offered on new orders; an inactive service stays on the orders that have it */
    active: { title: 'Active', type: 'boolean' },
    createdAt: timestampField,
    ...clockFields,
  },
  required: ['id', 'sku', 'name', 'unitPrice', 'taxRate', 'unit', 'active', 'createdAt'],
  indexes: ['name'],
  additionalProperties: false,
} as const;

const serviceSchemaTyped = toTypedRxJsonSchema(serviceSchemaLiteral);
export type Service = ExtractDocumentTypeFromTypedRxJsonSchema<typeof serviceSchemaTyped>;
/** Managers set the catalogue and its prices; everyone else reads it (an operator picks from it). */
export const servicePermissions: CollectionPermissions = {
  read: '*',
  create: managers,
  update: managers,
  delete: managers,
};
export const serviceSchema: RxJsonSchema<Service> = withPermissions(serviceSchemaLiteral, servicePermissions);

/** Two managers changing one price at once is a decision, not a race: price, tax and name wait for a person. */
export const serviceMergeRules: MergeRules = {
  fields: {
    sku: 'manual',
    name: 'manual',
    unitPrice: 'manual',
    taxRate: 'manual',
    createdAt: 'min',
    editedAt: 'max',
  },
  fallback: 'latest',
};
