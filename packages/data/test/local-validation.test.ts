// Every local write is checked against its schema in production too (dev mode off): an invalid document is
// refused at the call that wrote it, with what was wrong and where, and nothing stored changes. A check that
// cannot load (offline, before the app's files were cached) never costs a person their write.
import { createRxDatabase, type RxJsonSchema } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, expect, it, vi } from 'vitest';
import { createSynclineDatabase, InvalidDocumentError } from '../src';
import { compileDocumentCheck, validateLocalWrites } from '../src/local-validation';

interface Ticket {
  id: string;
  title: string;
  priority: number;
  updatedAt?: number;
}

const ticketSchema: RxJsonSchema<Ticket> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    title: { type: 'string', maxLength: 40 },
    priority: { type: 'integer', minimum: 0, maximum: 5 },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'title', 'priority'],
  additionalProperties: false,
};

const opened: Array<{ remove(): Promise<unknown> }> = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.remove();
});

async function production() {
  const database = await createSynclineDatabase({
    name: `tickets${Math.random().toString(36).slice(2, 8)}`,
    collections: { tickets: ticketSchema },
    devMode: false,
  });
  opened.push(database);
  return database;
}

it('refuses an invalid insert with dev mode off, saying what and where, and stores nothing', async () => {
  const database = await production();
  const attempt = database.tickets.insert({ id: 't1', title: 'Broken printer', priority: 9 });
  await expect(attempt).rejects.toBeInstanceOf(InvalidDocumentError);
  await expect(database.tickets.insert({ id: 't1', title: 'Broken printer', priority: 9 })).rejects.toThrow(
    'Document "t1" of tickets is invalid at /priority: must be <= 5. Nothing was stored; correct it and save again.',
  );
  const unknownField = { id: 't2', title: 'x', priority: 1, nope: 1 } as unknown as Ticket;
  await expect(database.tickets.insert(unknownField)).rejects.toThrow(/must NOT have additional properties/);
  expect(await database.tickets.count().exec()).toBe(0);
});

it('refuses an edit that breaks the schema and keeps the stored document as it was', async () => {
  const database = await production();
  const ticket = await database.tickets.insert({ id: 't1', title: 'Broken printer', priority: 2 });
  await expect(ticket.incrementalPatch({ title: 'x'.repeat(41) })).rejects.toThrow(/invalid at \/title/);
  const stored = await database.tickets.findOne('t1').exec();
  expect(stored?.toJSON()).toMatchObject({ title: 'Broken printer', priority: 2 });
  await stored?.incrementalPatch({ priority: 3 });
  expect((await database.tickets.findOne('t1').exec())?.priority).toBe(3);
});

it('stores a write when the check cannot load (offline before the files were cached), and checks the next', async () => {
  const database = await createRxDatabase({
    name: `unchecked${Math.random().toString(36).slice(2, 8)}`,
    storage: getRxStorageMemory(),
  });
  opened.push(database);
  const { tickets } = await database.addCollections({ tickets: { schema: ticketSchema } });
  let offline = true;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  validateLocalWrites(tickets, 'tickets', ticketSchema as RxJsonSchema<unknown>, (schema) =>
    // a chunk fetched with the network off fails to load; once it is back, it loads
    offline
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : compileDocumentCheck(schema),
  );
  // the person's write is kept: the server checks it when it syncs
  await tickets.insert({ id: 't1', title: 'Broken printer', priority: 2 });
  expect((await tickets.findOne('t1').exec())?.get('title')).toBe('Broken printer');
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/could not load the local check of tickets.*server checks/));
  offline = false;
  // once it loads, an invalid write is refused again and nothing stored changes
  await expect(tickets.insert({ id: 't2', title: 'x', priority: 9 })).rejects.toBeInstanceOf(InvalidDocumentError);
  expect(await tickets.count().exec()).toBe(1);
  warn.mockRestore();
});
