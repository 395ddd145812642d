// Fields a rule settled never change silently: two clients edit an order's priority offline, the merge keeps the
// latest edit, and a settlement (rule, winner, loser) synced through the server lists the field on both clients,
// sides seen from each; reversing on either writes the loser as a normal edit that reaches the server and the other
// client. Fields settled before settlements synced (in local conflict records) stay listed. Records of the
// conflicts collection's previous version move up when the database opens.
import { controlCenterMergeRules, createDemoData } from '@syncline/domain';
import { selectionSet, settlementSchema } from '@syncline/protocol';
import type { TestServer } from '@syncline/server/testing';
import type { RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import {
  type ConflictRecord,
  conflictSchema,
  mergeDocuments,
  type PlainDocument,
  reverseSettledField,
  type SettlementRecord,
  settledByRules,
  settledDocuments,
  settledFieldEntries,
  settledRecordOf,
} from '../src';
import { synclineInternals } from '../src/internals';
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

  const settlementsOn = async (c: Client, id: string) =>
    (await c.database.syncline_settlements.find({ selector: { documentId: id } }).exec()).map((record) =>
      settledRecordOf(record.toJSON() as SettlementRecord),
    );
  const settlementsOnServer = async (server: TestServer, tenant: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
      body: JSON.stringify({
        query: `{ pullSyncline_settlements(checkpoint: null, limit: 100) { documents ${selectionSet(settlementSchema)} } }`,
      }),
    });
    const body = (await response.json()) as { data: { pullSyncline_settlements: { documents: PlainDocument[] } } };
    return body.data.pullSyncline_settlements.documents;
  };
  const entriesOn = async (c: Client, id: string) =>
    settledFieldEntries(await settlementsOn(c, id), await orderOn(c, id), synclineInternals(c.database).device);

  it('records the latest-edit merge of two offline priorities on every device, and either can reverse it', async () => {
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

    // one settlement, written by the client whose push came second, synced to the other through the server
    const [onA, onB] = await eventually(
      async () => [await settlementsOn(a, order.id), await settlementsOn(b, order.id)],
      (lists) => lists.every((list) => list.length === 1),
    );
    expect(onA).toEqual(onB);
    const [record] = onA ?? [];
    if (!record) throw new Error('nothing recorded');
    const onServer = await eventually(
      () => settlementsOnServer(server, 'shop-1'),
      (found) => found.length === 1,
    );
    expect(onServer).toMatchObject([{ id: record.id, collectionName: 'orders', documentId: order.id }]);
    const [decider, other] = record.device === synclineInternals(a.database).device ? [a, b] : [b, a];
    // nobody has to decide: no conflict is open on either device
    for (const c of [a, b]) expect(c.status().conflictCount).toBe(0);
    expect(await decider.database.conflicts.find({ selector: { status: 'open' } }).exec()).toEqual([]);

    // seen from the client that merged: its own edit is `local`, the other client's came from the server;
    // seen from the other client: the merging client's edit is `other`, its own reached the server first
    const winnerThere = decider === b ? 'local' : 'server';
    expect(await entriesOn(decider, order.id)).toMatchObject([
      { field: 'priority', rule: 'latest', winner: winnerThere, won: 'urgent', lost: 'high', state: 'kept' },
    ]);
    const winnerHere = decider === b ? 'other' : 'server';
    const loserHere = decider === b ? 'server' : 'other';
    expect(await entriesOn(other, order.id)).toMatchObject([
      { field: 'priority', winner: winnerHere, loser: loserHere, won: 'urgent', lost: 'high', state: 'kept' },
    ]);

    // the device that did not merge reverses it: the loser is written everywhere, and both lists say so
    await reverseSettledField(other.database, record.id, 'priority');
    await eventually(read, (docs) => docs.every((doc) => doc?.priority === 'high'));
    await storeReaches(other, (s) => s.pendingCount === 0);
    for (const c of [a, b]) {
      await eventually(
        async () => (await entriesOn(c, order.id)).map((entry) => entry.state),
        (states) => states[0] === 'reversed',
      );
    }
    // reversing again writes nothing; a third value since refuses to overwrite it
    await reverseSettledField(decider.database, record.id, 'priority');
    await (await decider.database.orders.findOne(order.id).exec())?.incrementalPatch({ priority: 'low' });
    await expect(reverseSettledField(decider.database, record.id, 'priority')).rejects.toThrow(/changed since/);
    expect((await orderOn(decider, order.id))?.priority).toBe('low');
  });

  it('still lists and reverses fields settled before settlements synced (kept in the local conflict record)', async () => {
    const c = await suite.client();
    const order = firstOrder();
    await c.database.orders.insert({ ...order, priority: 'urgent' });
    const id = `orders|${order.id}|1`;
    await c.database.conflicts.insert({
      id,
      collectionName: 'orders',
      documentId: order.id,
      fields: [],
      mergedFields: ['priority'],
      settled: [{ field: 'priority', rule: 'latest', winner: 'server', won: 'urgent', lost: 'high' }],
      local: { id: order.id, priority: 'high' },
      server: { id: order.id, priority: 'urgent' },
      status: 'resolved',
      detectedAt: 1,
    });
    const records = (await c.database.conflicts.find().exec()).map((r) => r.toJSON() as ConflictRecord);
    expect(settledFieldEntries(records, await orderOn(c, order.id))).toMatchObject([
      { winner: 'server', loser: 'local', state: 'kept' },
    ]);
    await reverseSettledField(c.database, id, 'priority');
    await eventually(
      () => orderOnServer(suite.server, 'shop-1', order.id),
      (doc) => doc?.priority === 'high',
    );
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
