// First-run demo data: a tenant with no machines gets a realistic shop (customers, machines, thousands of
// orders) pushed through the sync server like any client's writes, in batches the server accepts. A tenant whose
// service catalogue was never written (seeded before there was one) gets the demo catalogue on its own.
import {
  type ControlCenterCollectionName,
  controlCenterSchemas,
  createDemoData,
  type Machine,
  type Service,
} from '@syncline/domain';
import type { SyncClient } from './graphql-client';
import type { DemoTenant } from './tenants';

const BATCH = 200;

export async function seedTenant(client: SyncClient, tenant: DemoTenant): Promise<boolean> {
  const now = tenant.now ?? Date.now();
  // deleted services count: a catalogue a manager emptied is not refilled
  const catalogue = await client.pullSince<Service>('services', controlCenterSchemas.services, null, 1);
  const existing = await client.pullAll<Machine>('machines', controlCenterSchemas.machines, 1);
  if (existing.length > 0) {
    if (catalogue.documents.length === 0)
      await pushAll(client, 'services', createDemoData({ orders: 0, now }).services);
    return false;
  }
  const data = createDemoData({
    seed: tenant.seed,
    now,
    orders: tenant.orders,
    machines: tenant.machines,
    customers: tenant.customers,
  });
  const collections = [
    ['locations', data.locations],
    ['services', catalogue.documents.length === 0 ? data.services : []],
    ['customers', data.customers],
    ['orders', data.orders],
    ['machines', data.machines],
  ] as const;
  for (const [name, documents] of collections) await pushAll(client, name, documents);
  return true;
}

async function pushAll(client: SyncClient, name: ControlCenterCollectionName, documents: readonly object[]) {
  for (let start = 0; start < documents.length; start += BATCH) {
    const rows = documents.slice(start, start + BATCH).map((doc) => ({
      assumedMasterState: null,
      newDocumentState: { ...(doc as Record<string, unknown>), _deleted: false },
    }));
    await client.push(name, controlCenterSchemas[name], rows);
  }
}
