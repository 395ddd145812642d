// Orders as schema version 3 stored them (lines without ids), for the tests of moving up to version 4: the schema
// (with its permissions, as a server takes it), its migrations, and an order a v3 app took.
import type { MigrationStrategies, RxJsonSchema } from 'rxdb';
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
