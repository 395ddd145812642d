// The service catalogue against a real sync server serving the control center's collections: published in
// /sync/schemas as reference data (priority 2) with its permissions; a manager's change goes through, an operator's
// is refused with NOT_PERMITTED and nothing of it is written; a first run seeds it, and a shop seeded before there
// was a catalogue gets one on the next start (but never a second).

import { controlCenterSchemas, createDemoData, type Service, servicePermissions } from '@syncline/domain';
import { collectionOperations } from '@syncline/protocol';
import { signToken } from '@syncline/server';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncClient } from '../server/graphql-client';
import { seedTenant } from '../server/seed';
import type { DemoTenant } from '../server/tenants';

const tenant = 'shop-services';
let server: TestServer;

const tokenFor = (role: string) => signToken({ secret: TEST_JWT_SECRET, tenant, sub: `${role}-1`, role });

/** A push of `rows` as `role`, answered as the server sends it (errors with their extensions). */
async function pushAs(role: string, rows: { assumedMasterState: Service | null; newDocumentState: Service }[]) {
  const operations = collectionOperations('services', controlCenterSchemas.services);
  const live = (service: Service | null) => (service ? { _deleted: false, ...service } : null);
  const wire = rows.map((row) => ({
    assumedMasterState: live(row.assumedMasterState),
    newDocumentState: live(row.newDocumentState),
  }));
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(role)}` },
    body: JSON.stringify({ query: operations.push, variables: { [operations.pushVariable]: wire } }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

const ironing: Service = {
  id: 'svc-ironing',
  sku: 'IRON',
  name: 'Ironing only',
  unitPrice: 180,
  taxRate: 0.23,
  unit: 'item',
  active: true,
  createdAt: 1_767_000_000_000,
};

beforeAll(async () => {
  server = await startTestServer({ collections: controlCenterSchemas });
});

afterAll(async () => {
  await server?.close();
});

describe('the service catalogue', () => {
  it('is published in /sync/schemas as reference data, with who may change it', async () => {
    const published = (await (await fetch(new URL('/sync/schemas', server.url))).json()) as {
      collections: Record<string, { schema: { properties: object }; sync?: unknown; permissions?: unknown }>;
    };
    const services = published.collections.services;
    expect(services?.sync).toEqual({ priority: 2 });
    expect(services?.permissions).toEqual(servicePermissions);
    expect(Object.keys(services?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['name', 'unitPrice', 'taxRate', 'unit', 'active', 'updatedAt']),
    );
  });

  it("takes a manager's new service and price change, and refuses an operator's with NOT_PERMITTED", async () => {
    const created = await pushAs('manager', [{ assumedMasterState: null, newDocumentState: ironing }]);
    expect(created.errors).toBeUndefined();
    const manager = new SyncClient(server.url, await tokenFor('manager'));
    const [stored] = await manager.pullAll<Service>('services', controlCenterSchemas.services);
    expect(stored).toMatchObject(ironing);
    if (!stored) throw new Error('the service is not on the server');

    const operatorRaises = await pushAs('operator', [
      { assumedMasterState: stored, newDocumentState: { ...stored, unitPrice: 90 } },
    ]);
    expect(operatorRaises.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_PERMITTED', documentId: ironing.id });
    expect(operatorRaises.errors?.[0]?.message).toMatch(/An operator may not update services\./);
    const operatorAdds = await pushAs('operator', [
      { assumedMasterState: null, newDocumentState: { ...ironing, id: 'svc-mine', sku: 'MINE' } },
    ]);
    expect(operatorAdds.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_PERMITTED', documentId: 'svc-mine' });

    const managerRaises = await pushAs('manager', [
      { assumedMasterState: stored, newDocumentState: { ...stored, unitPrice: 200, active: false } },
    ]);
    expect(managerRaises.errors).toBeUndefined();
    // the operator reads the catalogue as the manager left it
    const operator = new SyncClient(server.url, await tokenFor('operator'));
    expect(await operator.pullAll<Service>('services', controlCenterSchemas.services)).toEqual([
      expect.objectContaining({ id: ironing.id, unitPrice: 200, active: false }),
    ]);
  });

  it('is seeded on a first run, and once into a shop seeded before there was a catalogue', async () => {
    const shop: DemoTenant = {
      tenant: 'shop-seeded',
      tenantName: 'Seeded',
      user: 'owner',
      seed: 3,
      orders: 5,
      machines: 1,
      customers: 2,
    };
    const seeder = new SyncClient(server.url, await server.token(shop.tenant, 'seeder'));
    const catalogue = createDemoData({ orders: 0 }).services.map((service) => service.id);
    expect(await seedTenant(seeder, shop)).toBe(true);
    const served = async () =>
      (await seeder.pullAll<Service>('services', controlCenterSchemas.services)).map((service) => service.id).sort();
    expect(await served()).toEqual([...catalogue].sort());
    // every demo order's lines name a service of the catalogue
    const orders = await seeder.pullAll<{ items: { sku: string }[] }>('orders', controlCenterSchemas.orders);
    const codes = new Set(createDemoData({ orders: 0 }).services.map((service) => service.sku));
    expect(orders.flatMap((order) => order.items.map((item) => item.sku)).every((sku) => codes.has(sku))).toBe(true);

    // a shop whose machines are there but whose catalogue never was: the catalogue arrives, nothing else is redone
    const older = { ...shop, tenant: 'shop-older' };
    const olderSeeder = new SyncClient(server.url, await server.token(older.tenant, 'seeder'));
    const [machine] = createDemoData({ seed: 3, machines: 1, orders: 0, customers: 0 }).machines;
    await olderSeeder.push('machines', controlCenterSchemas.machines, [
      { assumedMasterState: null, newDocumentState: { ...machine, _deleted: false } },
    ]);
    expect(await seedTenant(olderSeeder, older)).toBe(false);
    const olderServices = await olderSeeder.pullAll<Service>('services', controlCenterSchemas.services);
    expect(olderServices).toHaveLength(catalogue.length);
    expect(await olderSeeder.pullAll('orders', controlCenterSchemas.orders)).toEqual([]);

    // a catalogue a manager emptied stays empty
    await olderSeeder.push(
      'services',
      controlCenterSchemas.services,
      olderServices.map((service) => ({
        assumedMasterState: service,
        newDocumentState: { ...service, _deleted: true },
      })),
    );
    await seedTenant(olderSeeder, older);
    expect(await olderSeeder.pullAll('services', controlCenterSchemas.services)).toEqual([]);
  });
});
