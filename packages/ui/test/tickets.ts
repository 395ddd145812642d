// A product team's own collection for the connected views' tests (the kit knows nothing of it), and the server's
// stricter copy of it: a title the devices accept but the server refuses, so a refused write can be made.
import type { MergeRules, SchemaMap } from '@syncline/data';

export interface Ticket {
  id: string;
  title: string;
  notes?: string;
  updatedAt?: number;
}

export const ticketSchema: SchemaMap[string] = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    title: { type: 'string' },
    notes: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'title'],
};

/** Titles of at most 20 characters on the server. */
export const serverTicketSchema: SchemaMap[string] = {
  ...ticketSchema,
  properties: { ...ticketSchema.properties, title: { type: 'string', maxLength: 20 } },
};

/** Notes edited on two devices go to a person. */
export const ticketMergeRules: Record<string, MergeRules> = { tickets: { fields: { notes: 'manual' } } };
