// Order lines with ids (orders schema v4): orders stored before move up with ids every device derives alike.
import { withoutSynclineKeys } from '@syncline/protocol';
import { addRxPlugin, createRxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import { newOrderLine, type Order, orderLineId, orderMigrations, orderSchema, storedTotals } from '../src';

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The orders schema as version 3 had it: the same, but lines without ids. */
function ordersSchemaV3(): RxJsonSchema<Order> {
  const schema = structuredClone(withoutSynclineKeys(orderSchema)) as RxJsonSchema<Order> & {
    properties: { items: { items: { properties: Record<string, unknown> } } };
  };
  delete schema.properties.items.items.properties.id;
  return { ...schema, version: 3 };
}

const shirt = { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23 };

/** An order as version 3 stored it: two lines, no ids. */
function orderV3(id: string): Order {
  const items = [
    { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23, quantity: 3 },
    { sku: 'DUVET-S', name: 'Duvet, single', unitPrice: 1800, taxRate: 0.23, quantity: 1 },
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

describe('orders schema v4: lines with ids', () => {
  it('gives the lines of orders stored before ids derived from the order and place, the same on every device', async () => {
    const storage = getRxStorageMemory() as RxStorage<unknown, unknown>;
    const name = `lines${Date.now().toString(36)}`;
    const open = async (schema: RxJsonSchema<Order>) => {
      const db = await createRxDatabase({ name, storage: wrappedValidateAjvStorage({ storage }) });
      const { 4: toV4, ...upToV3 } = orderMigrations;
      await db.addCollections({
        orders: { schema, migrationStrategies: schema.version === 4 ? orderMigrations : upToV3 },
      });
      return db;
    };
    const before = await open(ordersSchemaV3());
    await before.collections.orders?.insert(orderV3('ord-a'));
    await before.close();

    const after = await open(withoutSynclineKeys(orderSchema) as RxJsonSchema<Order>);
    const migrated = (await after.collections.orders?.findOne('ord-a').exec())?.toJSON() as Order;
    expect(migrated.items.map((line) => line.id)).toEqual(['ord-a-line-1', 'ord-a-line-2']);
    expect(migrated.items.map((line) => line.quantity)).toEqual([3, 1]);
    // a second device migrating the same order gives the same ids
    expect(orderMigrations[4]?.(orderV3('ord-a'), undefined as never)).toEqual(migrated);
    await after.close();
  });

  it('keeps a line that already has an id as it is, and gives each new line its own', () => {
    const kept = { ...newOrderLine(shirt, 1), id: 'line-kept' };
    const order = { ...orderV3('ord-b'), items: [kept, orderV3('ord-b').items[1] as Order['items'][number]] };
    const migrated = orderMigrations[4]?.(order, undefined as never) as Order;
    expect(migrated.items.map((line) => line.id)).toEqual(['line-kept', orderLineId('ord-b', 1)]);
  });
});
