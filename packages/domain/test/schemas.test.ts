// The control center schemas are valid RxDB schemas, generate a valid GraphQL API, and accept the demo data.
import { withoutSynclineKeys } from '@syncline/protocol';
import { buildSchema } from 'graphql';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { graphQLSchemaFromRxSchema } from 'rxdb/plugins/replication-graphql';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import {
  controlCenterMergeRules,
  controlCenterMigrations,
  controlCenterSchemas,
  createDemoData,
  generateOrders,
  orderStatusFlow,
} from '../src';

addRxPlugin(RxDBDevModePlugin);
// the orders schema is past version 0
addRxPlugin(RxDBMigrationSchemaPlugin);

describe('control center schemas', () => {
  it('build a GraphQL API with the replication contract settings', () => {
    const input = Object.fromEntries(
      Object.entries(controlCenterSchemas).map(([name, schema]) => [
        name,
        { schema, checkpointFields: ['id', 'updatedAt'], deletedField: '_deleted', headerFields: ['Authorization'] },
      ]),
    );
    const { asString } = graphQLSchemaFromRxSchema(input);
    const schema = buildSchema(asString);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toEqual([
      'pullOrders',
      'pullMachines',
      'pullCustomers',
      'pullLocations',
      'pullCommands',
      'pullServices',
      'pullViews',
    ]);
    // updatedAt is optional on input: clients never send it, the server assigns it
    expect(String(schema.getType('OrdersInput')?.toString())).toBe('OrdersInput');
    expect(asString).toMatch(/input OrdersInput \{[^}]*updatedAt: Float\n/);
  });

  it('accept every generated document in a dev-mode database with schema validation', async () => {
    const db = await createRxDatabase({
      name: 'domain-schemas',
      storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
      ignoreDuplicate: true,
    });
    await db.addCollections(
      Object.fromEntries(
        // a plain RxDB takes each schema without its permissions and sync options (RxDB's ajv refuses the keys)
        Object.entries(controlCenterSchemas).map(([name, schema]) => [
          name,
          {
            schema: withoutSynclineKeys(schema),
            migrationStrategies: controlCenterMigrations[name as keyof typeof controlCenterMigrations],
          },
        ]),
      ),
    );
    const data = createDemoData({ seed: 7, orders: 300 });
    for (const [name, docs] of Object.entries(data)) {
      const result = await db.collections[name]?.bulkInsert(docs);
      expect(result?.error).toEqual([]);
    }
    expect(await db.collections.orders?.count().exec()).toBe(300);
    expect(data.commands.map((c) => c.machineId).sort()).toEqual(
      data.machines.filter((m) => m.currentCycle).map((m) => m.id),
    );
    await db.close();
  });

  it('declare a merge rule for every collection, with the order flow as the status progression', () => {
    expect(Object.keys(controlCenterMergeRules)).toEqual(Object.keys(controlCenterSchemas));
    expect(controlCenterMergeRules.orders.fields.status).toEqual({ rule: 'progression', order: orderStatusFlow });
    for (const [name, rules] of Object.entries(controlCenterMergeRules)) {
      const properties = Object.keys(controlCenterSchemas[name as keyof typeof controlCenterSchemas].properties);
      for (const field of Object.keys(rules.fields)) expect(properties, `${name}.${field}`).toContain(field);
    }
  });
});

describe('demo data', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = createDemoData({ seed: 42, orders: 50 });
    const b = createDemoData({ seed: 42, orders: 50 });
    const c = createDemoData({ seed: 43, orders: 50 });
    expect(a).toEqual(b);
    expect(a.orders).not.toEqual(c.orders);
  });

  it('makes 100,000 orders with unique ids and totals that add up', () => {
    const { customers, machines } = createDemoData({ seed: 1, orders: 0 });
    const ids = new Set<string>();
    let count = 0;
    for (const order of generateOrders({ seed: 9, count: 100_000, customers, machines })) {
      ids.add(order.id);
      count++;
      if (count % 997 === 0) {
        const subtotal = order.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
        expect(order.totals?.subtotal).toBe(subtotal);
        expect(order.totals?.total).toBe(subtotal + (order.totals?.tax ?? Number.NaN));
      }
    }
    expect(ids.size).toBe(100_000);
  });

  it('spreads orders over the whole flow', () => {
    const { orders } = createDemoData({ seed: 3, orders: 500 });
    const statuses = new Set(orders.map((order) => order.status));
    expect([...statuses].sort()).toEqual([...orderStatusFlow].sort());
  });
});
