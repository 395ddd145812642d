// The sync suites' own collection: a title a person must settle (`manual`), a counter (`max`), a set of tags
// (`union`) and a note (`latest`), so every kind of merge happens under chaos.
import type { MergeRules } from '@syncline/domain';

export const itemSchema = {
  title: 'items',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string' },
    qty: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' } },
    note: { type: 'string' },
    editedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
  },
  required: ['id', 'title', 'qty'],
  additionalProperties: false,
} as const;

export const itemRules: MergeRules = {
  fields: { title: 'manual', qty: 'max', tags: 'union', note: 'latest' },
  fallback: 'latest',
};
