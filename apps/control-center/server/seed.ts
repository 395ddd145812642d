// First-run demo data: a tenant with no machines gets a realistic shop (customers, machines, thousands of
// orders) pushed through the sync server like any client's writes, in batches the server accepts.
import { controlCenterSchemas, createDemoData, type Machine } from '@syncline/domain';
import type { SyncClient } from './graphql-client';
import type { DemoTenant } from './tenants';

const BATCH = 200;

export async function seedTenant(client: SyncClient, tenant: DemoTenant): Promise<boolean> {
  const existing = await client.pullAll<Machine>('machines', controlCenterSchemas.machines, 1);
  if (existing.length > 0) return false;
  const now = tenant.now ?? Date.now();
  const data = createDemoData({
    seed: tenant.seed,
    now,
    orders: tenant.orders,
    machines: tenant.machines,
    customers: tenant.customers,
  });
  const collections = [
    ['locations', data.locations],
    ['customers', data.customers],
    ['orders', data.orders],
    ['machines', data.machines],
  ] as const;
  for (const [name, documents] of collections) {
    const schema = controlCenterSchemas[name];
    for (let start = 0; start < documents.length; start += BATCH) {
      const rows = documents.slice(start, start + BATCH).map((doc) => ({
        assumedMasterState: null,
        newDocumentState: { ...(doc as unknown as Record<string, unknown>), _deleted: false },
      }));
      await client.push(name, schema, rows);
    }
  }
  return true;
}
