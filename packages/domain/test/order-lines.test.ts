// Order lines with ids (orders schema v4): orders stored before move up with ids every device derives alike.
import { withoutSynclineKeys } from '@syncline/protocol';
import { addRxPlugin, type RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { newOrderLine, type Order, orderLineId, orderMigrations, orderSchema } from '../src';
import { deviceOrders, orderSchemaV3, orderTakenByV3 } from './order-v3';

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

const shirt = { sku: 'SHIRT', name: 'Shirt', unitPrice: 350, taxRate: 0.23 };

describe('orders schema v4: lines with ids', () => {
  it('gives the lines of orders stored before ids derived from the order and place, the same on every device', async () => {
    const open = deviceOrders('lines');
    const before = await open(withoutSynclineKeys(orderSchemaV3()));
    await before.collections.orders?.insert(orderTakenByV3('ord-a'));
    await before.close();

    const after = await open(withoutSynclineKeys(orderSchema) as RxJsonSchema<Order>);
    const migrated = (await after.collections.orders?.findOne('ord-a').exec())?.toJSON() as Order;
    expect(migrated.items.map((line) => line.id)).toEqual(['ord-a-line-1', 'ord-a-line-2']);
    expect(migrated.items.map((line) => line.quantity)).toEqual([3, 1]);
    // a second device migrating the same order gives the same ids
    const { editedAt: _stamped, ...withIds } = migrated;
    expect(orderMigrations[4]?.(orderTakenByV3('ord-a'), undefined as never)).toEqual(withIds);
    await after.close();
  });

  it('keeps a line that already has an id as it is, and gives each new line its own', () => {
    const kept = { ...newOrderLine(shirt, 1), id: 'line-kept' };
    const order = {
      ...orderTakenByV3('ord-b'),
      items: [kept, orderTakenByV3('ord-b').items[1] as Order['items'][number]],
    };
    const migrated = orderMigrations[4]?.(order, undefined as never) as Order;
    expect(migrated.items.map((line) => line.id)).toEqual(['line-kept', orderLineId('ord-b', 1)]);
  });
});
