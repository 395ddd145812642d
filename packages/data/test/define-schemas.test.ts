// One schema definition types the app's documents and is the very object the server reads: a wrong enum value or
// an unknown field fails to compile (the @ts-expect-error lines below are checked by `tsc -b`), and is refused at
// run time as well by local validation, with nothing stored.
import { afterEach, expect, it } from 'vitest';
import { createSynclineDatabase, type DocumentOf, type DocumentsOf, defineSchemas, InvalidDocumentError } from '../src';

const schemas = defineSchemas({
  tickets: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      title: { type: 'string', maxLength: 200 },
      status: { type: 'string', enum: ['open', 'waiting', 'closed'] },
      tags: { type: 'array', items: { type: 'string' } },
      updatedAt: { type: 'number' },
    },
    required: ['id', 'title', 'status'],
    additionalProperties: false,
  },
});

type Ticket = DocumentOf<typeof schemas.tickets>;

const opened: Array<{ remove(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.remove();
});

it('gives the schema back unchanged, as plain JSON the server can read', () => {
  expect(JSON.parse(JSON.stringify(schemas))).toEqual(schemas);
  expect(schemas.tickets.properties.status.enum).toEqual(['open', 'waiting', 'closed']);
});

it('types documents from the schema: enum values, required fields and no unknown fields', async () => {
  const database = await createSynclineDatabase({
    name: `typed${Math.random().toString(36).slice(2, 8)}`,
    collections: schemas,
    devMode: false,
  });
  opened.push(database);

  const ticket: Ticket = { id: 't1', title: 'Printer jams', status: 'open', tags: ['hardware'] };
  const inserted = await database.tickets.insert(ticket);
  const status: 'open' | 'waiting' | 'closed' = inserted.status;
  expect(status).toBe('open');

  const byName: DocumentsOf<typeof schemas>['tickets'] = { id: 't2', title: 'Door', status: 'closed' };
  // @ts-expect-error 'bogus' is not one of the schema's enum values
  const wrongStatus: Ticket = { id: 't3', title: 'x', status: 'bogus' };
  // @ts-expect-error 'nope' is not a field of tickets
  const unknownField: Ticket = { id: 't4', title: 'x', status: 'open', nope: 1 };
  // @ts-expect-error title is required
  const missingTitle: Ticket = { id: 't5', status: 'open' };

  await database.tickets.insert(byName);
  for (const invalid of [wrongStatus, unknownField, missingTitle]) {
    await expect(database.tickets.insert(invalid)).rejects.toBeInstanceOf(InvalidDocumentError);
  }
  expect((await database.tickets.find().exec()).map((doc) => doc.id).sort()).toEqual(['t1', 't2']);
});
