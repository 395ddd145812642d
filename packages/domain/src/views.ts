// Saved views: a person's named filters, sort and visible columns for a list (the orders table), kept on their
// device and synced to their other devices. Each view is its owner's alone: the server serves and accepts a person's
// own views only (the `owner` permission on `ownerId`, the token's `sub`).

import type { CollectionPermissions, MergeRules } from '@syncline/protocol';
import { type ExtractDocumentTypeFromTypedRxJsonSchema, type RxJsonSchema, toTypedRxJsonSchema } from 'rxdb';
import { clockFields, idField, timestampField } from './fields';
import { withPermissions } from './roles';

/** The lists a view can be saved for. */
export const viewPages = ['orders'] as const;
export type ViewPage = (typeof viewPages)[number];

/** The longest name a view takes. */
export const VIEW_NAME_MAX = 60;

const viewSchemaLiteral = {
  title: 'views',
  description: "A person's saved view of a list: its filters, sort and visible columns",
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    /** the person the view belongs to: their token's `sub` */
    ownerId: { type: 'string', maxLength: 200 },
    page: { title: 'List', type: 'string', enum: [...viewPages] },
    name: { title: 'Name', type: 'string', minLength: 1, maxLength: VIEW_NAME_MAX },
    /** the search box's text */
    search: { title: 'Search', type: 'string', maxLength: 200 },
    /** the status filter ('all' for none) */
    status: { title: 'Status', type: 'string', maxLength: 40 },
    sortBy: { title: 'Sort by', type: 'string', maxLength: 40 },
    sortDesc: { title: 'Descending', type: 'boolean' },
    /** the ids of the columns the view hides */
    hiddenColumns: { title: 'Hidden columns', type: 'array', maxItems: 40, items: { type: 'string', maxLength: 40 } },
    createdAt: timestampField,
    ...clockFields,
  },
  required: ['id', 'ownerId', 'page', 'name', 'search', 'status', 'sortBy', 'sortDesc', 'hiddenColumns', 'createdAt'],
  additionalProperties: false,
} as const;

const viewSchemaTyped = toTypedRxJsonSchema(viewSchemaLiteral);
export type SavedView = ExtractDocumentTypeFromTypedRxJsonSchema<typeof viewSchemaTyped>;

/** Everyone signed in keeps views, each person only their own. */
export const viewPermissions: CollectionPermissions = {
  read: '*',
  create: '*',
  update: '*',
  delete: '*',
  owner: 'ownerId',
};
export const viewSchema: RxJsonSchema<SavedView> = withPermissions(viewSchemaLiteral, viewPermissions);

/** One person on two devices: the later edit of a view wins, field by field. */
export const viewMergeRules: MergeRules = {
  fields: { createdAt: 'min', editedAt: 'max' },
  fallback: 'latest',
};
