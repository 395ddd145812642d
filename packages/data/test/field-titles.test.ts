// Field titles come from the schema an app gives (JSON Schema `title`), nested ones by dotted path, and never
// reach the schema RxDB stores: a collection opened before its fields had titles opens the same afterwards.
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { expect, it } from 'vitest';
import { createSynclineDatabase, defineSchemas, fieldTitles, fieldTitlesOf, titleOf } from '../src';

const untitled = defineSchemas({
  tickets: {
    version: 0,
    primaryKey: 'id',
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: 100 },
      notes: { type: 'string' },
      owner: { type: 'object', properties: { name: { type: 'string' } } },
      lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
    },
    required: ['id'],
  },
});

const titled = defineSchemas({
  tickets: {
    ...untitled.tickets,
    properties: {
      id: { type: 'string', maxLength: 100 },
      notes: { title: 'Notes', type: 'string' },
      owner: { title: 'Owner', type: 'object', properties: { name: { title: 'Owner name', type: 'string' } } },
      lines: {
        title: 'Lines',
        type: 'array',
        items: { type: 'object', properties: { sku: { title: 'SKU', type: 'string' } } },
      },
    },
  },
});

it('reads the titles of properties, nested ones by dotted path', () => {
  expect(fieldTitlesOf(titled.tickets)).toEqual({
    notes: 'Notes',
    owner: 'Owner',
    'owner.name': 'Owner name',
    lines: 'Lines',
    'lines.sku': 'SKU',
  });
  expect(titleOf(fieldTitlesOf(titled.tickets), 'id')).toBe('id');
});

it('opens a collection stored before its fields had titles, and tells the titles', async () => {
  const storage = getRxStorageMemory();
  const name = `titles${Date.now().toString(36)}`;
  const before = await createSynclineDatabase({ name, storage, collections: untitled, multiInstance: false });
  await before.tickets.insert({ id: 't1', notes: 'kept' });
  await before.close();

  const after = await createSynclineDatabase({ name, storage, collections: titled, multiInstance: false });
  try {
    expect((await after.tickets.findOne('t1').exec())?.notes).toBe('kept');
    expect(fieldTitles(after, 'tickets')).toMatchObject({ notes: 'Notes', 'owner.name': 'Owner name' });
    expect(JSON.stringify(after.tickets.schema.jsonSchema)).not.toContain('Owner name');
  } finally {
    await after.remove();
  }
});
