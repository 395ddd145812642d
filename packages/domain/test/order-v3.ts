// Orders as schema version 3 stored them (lines without ids), for the tests of moving up a version: the schema
// (with its permissions, as a server takes it), its migrations, an order a v3 app took, and one device's database
// opened at any version of the schema.
import { createRxDatabase, type MigrationStrategies, type RxJsonSchema, type RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { type Order, orderMigrations, orderSchema, storedTotals } from '../src';

export function orderSchemaV3(): RxJsonSchema<Order> {
  const schema = structuredClone(orderSchema) as RxJsonSchema<Order> & {
    properties: { items: { items: { properties: Record<string, unknown> } } };
  };
  delete schema.properties.items.items.properties.id;
  return { ...schema, version: 3 };
}

/** The migrations a schema of `version` takes: version 3 knows none past itself. */
export function orderMigrationsUpTo(version: number): MigrationStrategies {
  return Object.fromEntries(Object.entries(orderMigrations).filter(([to]) => Number(to) <= version));
}

/** An order as a v3 app took it: three shirts and a single duvet, no line ids. */
export function orderTakenByV3(id: string): Order {
  const items = [
    { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23, quantity: 3 },
    { sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1400, taxRate: 0.23, quantity: 1 },
  ];
  return {
    id,
    number: 1,
    customerId: 'cus-1',
    customerName: 'Ana',
    status: 'received',
    priority: 'normal',
    items,
    totals: storedTotals(items),
    receivedAt: 1_000,
  };
}

/**
 * One device's orders, stored in memory and validated: `open(schema)` opens them at that schema's version (with the
 * migrations up to it), so a test closes one version and opens the next over the same stored orders.
 */
export function deviceOrders(prefix: string) {
  const storage = getRxStorageMemory() as RxStorage<unknown, unknown>;
  const name = `${prefix}${Date.now().toString(36)}`;
  return async (schema: RxJsonSchema<Order>) => {
    const db = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }) });
    await db.addCollections({ orders: { schema, migrationStrategies: orderMigrationsUpTo(schema.version) } });
    return db;
  };
}
