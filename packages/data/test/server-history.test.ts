// A document's server history read from the data layer: the server's audit trail of a real order, the push of a
// person's conflict resolution marked as one (and only that push), paging, and a clear state when the server cannot
// be reached.
import { createDemoData } from '@syncline/domain';
import { signToken } from '@syncline/server';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AuditEntry, readServerHistory, resolveConflict } from '../src';
import { type Client, eventually, openClient, orderOn, storeReaches } from './helpers';

const [demoOrder] = createDemoData({ seed: 11, orders: 1, customers: 1, machines: 1 }).orders;

let server: TestServer;
let clients: Client[] = [];

beforeEach(async () => {
  const { controlCenterSchemas } = await import('@syncline/domain');
  server = await startTestServer({ collections: controlCenterSchemas });
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  await server.close();
});

async function client(extra: Parameters<typeof openClient>[2] = {}) {
  const opened = await openClient(server, 'shop-1', extra);
  clients.push(opened);
  return opened;
}

async function history(on: Client, id: string): Promise<AuditEntry[]> {
  const answer = await on.replication.serverHistory('orders', id);
  if (answer.status !== 'ok') throw new Error(answer.message);
  return answer.entries;
}

describe('server history', () => {
  it("marks the push of a person's conflict resolution, and no other", async () => {
    if (!demoOrder) throw new Error('demo data has no order');
    const order = { ...demoOrder, notes: 'Two buttons loose.' };
    const a = await client();
    const b = await client();
    await a.database.orders.insert(order);
    await eventually(
      () => orderOn(b, order.id),
      (doc) => doc !== null,
    );
    await storeReaches(a, (s) => s.pendingCount === 0);

    // both change the notes (a field a person decides) while not syncing; A's lands first, B's meets it
    await Promise.all([a.replication.pause(), b.replication.pause()]);
    await (await a.database.orders.findOne(order.id).exec())?.incrementalPatch({ notes: 'A: pick up at noon' });
    await (await b.database.orders.findOne(order.id).exec())?.incrementalPatch({ notes: 'B: softener' });
    await a.replication.resume();
    await storeReaches(a, (s) => s.pendingCount === 0);
    await b.replication.resume();
    await storeReaches(b, (s) => s.conflictCount === 1);
    const conflict = await b.database.conflicts.findOne({ selector: { status: 'open' } }).exec();
    if (!conflict) throw new Error('no open conflict on B');

    await resolveConflict(b.database, conflict.id, { notes: { custom: 'A: pick up at noon / B: softener' } });
    await storeReaches(b, (s) => s.pendingCount === 0 && s.conflictCount === 0);
    // a plain edit after it is no resolution
    await (await b.database.orders.findOne(order.id).exec())?.incrementalPatch({ priority: 'high' });
    await storeReaches(b, (s) => s.pendingCount === 0);

    const entries = await eventually(
      () => history(a, order.id),
      (list) => list.length === 4,
    );
    expect(entries.map((entry) => [entry.operation, entry.conflictResolution])).toEqual([
      ['update', false],
      ['update', true],
      ['update', false],
      ['create', false],
    ]);
    const [edit, resolution, first] = entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(resolution.changes).toContainEqual({
      field: 'notes',
      from: '"A: pick up at noon"',
      to: '"A: pick up at noon / B: softener"',
    });
    expect(first.changes).toContainEqual({ field: 'notes', from: '"Two buttons loose."', to: '"A: pick up at noon"' });
    expect(edit.changes.map((change) => change.field)).toContain('priority');
    expect(resolution.subject).toBe(null);
    expect(resolution.role).toBe('owner');

    // a page at a time, newest first
    const page = await a.replication.serverHistory('orders', order.id, { limit: 3 });
    expect(page.status === 'ok' && page.entries.map((entry) => entry.updatedAt)).toEqual(
      entries.slice(0, 3).map((entry) => entry.updatedAt),
    );
    const older = await a.replication.serverHistory('orders', order.id, {
      limit: 3,
      before: page.status === 'ok' ? page.before : null,
    });
    expect(older).toEqual({ status: 'ok', entries: entries.slice(3), before: null });
  });

  it("says so when the person's role may not read the collection", async () => {
    const ledger = {
      version: 0,
      primaryKey: 'id',
      type: 'object',
      properties: { id: { type: 'string', maxLength: 64 }, updatedAt: { type: 'number' } },
      required: ['id'],
      permissions: { read: ['owner'] },
    };
    const restricted = await startTestServer({ collections: { ledger } as never });
    try {
      const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'shop-1', role: 'viewer' });
      const source = { url: restricted.url, token, fetch, timeoutMs: 5_000 };
      expect(await readServerHistory(source, 'ledger', 'l-1')).toEqual({
        status: 'not-permitted',
        message: 'A viewer may not read ledger.',
      });
    } finally {
      await restricted.close();
    }
  });

  it('says the history needs a connection when the server cannot be reached', async () => {
    const away = await client({ url: 'http://127.0.0.1:9/graphql', wsUrl: 'ws://127.0.0.1:9/graphql' });
    expect(await away.replication.serverHistory('orders', 'o-1')).toEqual({
      status: 'offline',
      message: 'Server history needs a connection to the sync server.',
    });
  });
});
