// Fields a rule settled never change silently: two clients edit an order's priority offline, the merge keeps the
// latest edit and the client that merged lists the field as settled automatically (rule, winner, loser); reversing
// writes the loser as a normal edit that reaches the server and the other client. Records of the conflicts
// collection's previous version move up when the database opens.
import { controlCenterMergeRules, createDemoData } from '@syncline/domain';
import type { RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import {
  type ConflictRecord,
  conflictSchema,
  mergeDocuments,
  type PlainDocument,
  reverseSettledField,
  settledByRules,
  settledDocuments,
  settledFieldEntries,
} from '../src';
import { afterUpgrade, type Client, eventually, orderOn, orderOnServer, serverPerTest, storeReaches } from './helpers';

const demo = createDemoData({ seed: 7, orders: 1, customers: 1, machines: 1 });
const firstOrder = () => {
  const [order] = demo.orders;
  if (!order) throw new Error('demo data has no order');
  return { ...order, status: 'washing' as const, priority: 'normal' as const };
};

describe('settledByRules', () => {
  it('lists fields a rule settled by picking a side, with the value that lost, and nothing else', () => {
    const base = { id: 'o1', priority: 'normal', status: 'washing', tags: ['a'], notes: 'x', editedAt: 1 };
    const local = { ...base, priority: 'high', status: 'folding', tags: ['a', 'b'], notes: 'y', editedAt: 3 };
    const server = { ...base, priority: 'urgent', status: 'drying', tags: ['a', 'c'], notes: 'z', editedAt: 2 };
    const { decisions } = mergeDocuments({ base, local, server }, controlCenterMergeRules.orders);
    // union keeps both sides (no loser), manual goes to a person, the edit clock is no one's field
    expect(settledByRules(decisions)).toEqual([
      { field: 'priority', rule: 'latest', winner: 'local', won: 'high', lost: 'urgent' },
      { field: 'status', rule: 'progression', winner: 'local', won: 'folding', lost: 'drying' },
    ]);
  });

  it('reads each field against the document now: kept, reversed, or changed since; newest record first', () => {
    const record = (id: string, detectedAt: number, won: string, lost: string) => ({
      id,
      collectionName: 'orders',
      documentId: 'o1',
      detectedAt,
      settled: [{ field: 'priority', rule: 'latest' as const, winner: 'server' as const, won, lost }],
    });
    const records = [record('old', 1, 'low', 'normal'), record('new', 2, 'urgent', 'high')];
    const state = (priority: string) => settledFieldEntries(records, { id: 'o1', priority }).map((e) => e.state);
    expect(settledFieldEntries(records, { id: 'o1', priority: 'urgent' })).toMatchObject([
      { recordId: 'new', field: 'priority', won: 'urgent', lost: 'high', settledAt: 2 },
    ]);
    expect(state('urgent')).toEqual(['kept']);
    expect(state('high')).toEqual(['reversed']);
    expect(state('low')).toEqual(['changed']);
    expect(settledFieldEntries(records, null).map((e) => e.state)).toEqual(['changed']);
  });
});

describe('settledDocuments', () => {
  it('lists the documents with a field still to reverse, most recently settled first, each with all its fields', () => {
    const record = (id: string, documentId: string, detectedAt: number, field: string) => ({
      id,
      collectionName: 'orders',
      documentId,
      detectedAt,
      settled: [{ field, rule: 'latest' as const, winner: 'server' as const, won: 'b', lost: 'a' }],
    });
    const records = [
      record('r1', 'o1', 1, 'priority'),
      record('r2', 'o2', 2, 'priority'),
      record('r3', 'o1', 3, 'notes'),
    ];
    const docs: Record<string, PlainDocument> = {
      o1: { id: 'o1', priority: 'a', notes: 'b' },
      o2: { id: 'o2', priority: 'a' },
    };
    const listed = settledDocuments(records, (_, id) => docs[id] ?? null);
    // o2's only field is reversed already: nothing left to do there
    expect(listed.map((d) => [d.documentId, d.entries.map((e) => [e.field, e.state])])).toEqual([
      [
        'o1',
        [
          ['notes', 'kept'],
          ['priority', 'reversed'],
        ],
      ],
    ]);
  });
});

describe('fields settled by a rule, against the sync server', () => {
  const suite = serverPerTest();

  const settledOn = async (c: Client, id: string) =>
    (await c.database.conflicts.find({ selector: { documentId: id } }).exec()).map(
      (record) => record.toJSON() as ConflictRecord,
    );

  it('records the latest-edit merge of two offline priorities, and reversing writes the loser everywhere', async () => {
    const { server } = suite;
    const a = await suite.client();
    const b = await suite.client();
    const order = firstOrder();
    await a.database.orders.insert(order);
    await eventually(
      () => orderOn(b, order.id),
      (doc) => doc !== null,
    );
    await storeReaches(a, (s) => s.pendingCount === 0);

    await server.restart({
      whileStopped: async () => {
        await storeReaches(a, (s) => s.connection === 'offline');
        await storeReaches(b, (s) => s.connection === 'offline');
        await (await a.database.orders.findOne(order.id).exec())?.incrementalPatch({ priority: 'high' });
        await new Promise((resolve) => setTimeout(resolve, 5));
        // B edits last: its priority is the latest edit, whichever client pushes first
        await (await b.database.orders.findOne(order.id).exec())?.incrementalPatch({ priority: 'urgent' });
      },
    });

    const read = async () => [
      await orderOn(a, order.id),
      await orderOn(b, order.id),
      await orderOnServer(server, 'shop-1', order.id),
    ];
    await eventually(read, (docs) => docs.every((doc) => doc?.priority === 'urgent'));

    // one record, on the client whose push came second, resolved (nobody has to decide) and listing the field
    const records = await eventually(
      async () => [...(await settledOn(a, order.id)), ...(await settledOn(b, order.id))],
      (list) => list.length === 1,
    );
    const [record] = records;
    if (!record) throw new Error('nothing recorded');
    expect(record).toMatchObject({ status: 'resolved', fields: [] });
    const decider = (await a.database.conflicts.findOne(record.id).exec()) ? a : b;
    // seen from the client that merged: its own edit is `local`, the other client's came from the server
    const winner = decider === b ? 'local' : 'server';
    expect(record.settled).toEqual([{ field: 'priority', rule: 'latest', winner, won: 'urgent', lost: 'high' }]);
    expect(decider.status().conflictCount).toBe(0);
    const listed = async () =>
      settledFieldEntries(await settledOn(decider, order.id), await orderOn(decider, order.id));
    expect((await listed()).map((entry) => entry.state)).toEqual(['kept']);

    await reverseSettledField(decider.database, record.id, 'priority');
    await eventually(read, (docs) => docs.every((doc) => doc?.priority === 'high'));
    await storeReaches(decider, (s) => s.pendingCount === 0);
    expect((await listed()).map((entry) => entry.state)).toEqual(['reversed']);
    // reversing again writes nothing; a third value since refuses to overwrite it
    await reverseSettledField(decider.database, record.id, 'priority');
    await (await decider.database.orders.findOne(order.id).exec())?.incrementalPatch({ priority: 'low' });
    await expect(reverseSettledField(decider.database, record.id, 'priority')).rejects.toThrow(/changed since/);
    expect((await orderOn(decider, order.id))?.priority).toBe('low');
  });
});

it('moves conflict records of the previous version up: they have nothing settled to list', async () => {
  const { settled: _settled, ...properties } = conflictSchema.properties;
  const version0 = { ...conflictSchema, version: 0, properties } as RxJsonSchema<ConflictRecord>;
  const old: ConflictRecord = {
    id: 'orders|o-old|1',
    collectionName: 'orders',
    documentId: 'o-old',
    fields: ['notes'],
    mergedFields: [],
    local: { id: 'o-old', notes: 'mine' },
    server: { id: 'o-old', notes: 'theirs' },
    status: 'open',
    detectedAt: 1,
  };
  await afterUpgrade('conflicts', version0, old, async (after) => {
    const record = (await after.conflicts.findOne(old.id).exec())?.toJSON();
    expect(record).toMatchObject({ fields: ['notes'], status: 'open', local: { notes: 'mine' } });
    expect(record?.settled).toBeUndefined();
  });
});
