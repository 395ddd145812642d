// Sync scopes through a spell offline: a north-site device edits while, elsewhere, some of its items move to the
// south site or close (leaving its scope), some of those it edited among them, and new ones open in both sites.
// When it comes back, every edit it made has reached the server (merged with the others' changes), and it holds
// exactly what is in its scope on the server: nothing pending lost, nothing out of scope left.
import { createSynclineDatabase, type SynclineReplication, startReplication } from '@syncline/data';
import { signToken } from '@syncline/server';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemRules, type SiteItem, siteItemSchema } from './items';

let server: TestServer;
const tenant = `scope-offline-${Date.now().toString(36)}`;

beforeAll(async () => {
  server = await startTestServer({ collections: { items: siteItemSchema } });
});
afterAll(async () => {
  await server?.close();
});

/** A device of the tenant; `site` names the site its token keeps (none: every site). */
async function openDevice(name: string, site?: string) {
  const database = await createSynclineDatabase({
    name: `${name}${Date.now().toString(36)}`,
    collections: { items: siteItemSchema },
    mergeRules: { items: itemRules },
    multiInstance: false,
  });
  const replication: SynclineReplication = startReplication({
    database,
    url: server.url,
    wsUrl: server.wsUrl,
    token: () => signToken({ secret: TEST_JWT_SECRET, tenant, sub: name, ...(site ? { claims: { site } } : {}) }),
    backoff: { initialMs: 50, maxMs: 300 },
  });
  await replication.awaitInSync();
  const items = database.items;
  const edit = async (id: string, patch: Partial<SiteItem>) => {
    const doc = await items.findOne(id).exec();
    // the schema is declared `as const`: its optional fields are not in the inferred document type
    await doc?.incrementalPatch({ ...patch, editedAt: Date.now() } as never);
  };
  const held = async () => (await items.find().exec()).map((doc) => doc.toJSON() as SiteItem);
  return { database, replication, items, edit, held };
}

const item = (n: number, site = 'north', open = true): SiteItem => ({
  id: `item-${String(n).padStart(2, '0')}`,
  title: `Item ${n}`,
  qty: n,
  site,
  open,
  editedAt: Date.now(),
});

describe('a scoped device offline', () => {
  it('comes back with every edit sent and only what is in its scope', async () => {
    const office = await openDevice('office');
    await office.items.bulkInsert(Array.from({ length: 20 }, (_, n) => item(n)));
    await office.replication.awaitInSync();

    const north = await openDevice('north', 'north');
    expect((await north.held()).length).toBe(20);

    await north.replication.pause();
    // offline, the north device notes items 0-9
    for (let n = 0; n < 10; n++) await north.edit(item(n).id, { note: `checked by north ${n}` });
    // meanwhile the office moves 5-14 south, closes 15-17, opens 20-22 in the north and 23 in the south
    for (let n = 5; n < 15; n++) await office.edit(item(n).id, { site: 'south' });
    for (let n = 15; n < 18; n++) await office.edit(item(n).id, { open: false });
    await office.items.bulkInsert([item(20), item(21), item(22), item(23, 'south')]);
    await office.replication.awaitInSync();

    await north.replication.resume();
    await north.replication.syncNow();
    await office.replication.syncNow();

    // every edit the north device made is on the server, beside the office's
    const onServer = await office.held();
    for (let n = 0; n < 10; n++) {
      expect(onServer.find((doc) => doc.id === item(n).id)).toMatchObject({
        note: `checked by north ${n}`,
        site: n >= 5 ? 'south' : 'north',
      });
    }
    // and the north device holds exactly what is open in the north
    const inScope = onServer
      .filter((doc) => doc.site === 'north' && doc.open)
      .map((doc) => doc.id)
      .sort();
    await expect
      .poll(async () => (await north.held()).map((doc) => doc.id).sort(), { timeout: 15_000 })
      .toEqual(inScope);
    expect(inScope).toEqual([0, 1, 2, 3, 4, 18, 19, 20, 21, 22].map((n) => item(n).id));
    expect(north.replication.store.getState().pendingCount).toBe(0);

    for (const device of [north, office]) {
      await device.replication.stop();
      await device.database.close();
    }
  });
});
