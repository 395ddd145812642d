// Orders schema v6 indexes when an order was last edited: an order stored before without that time moves up with
// the last time it says it was written.
import { withoutSynclineKeys } from '@syncline/protocol';
import { addRxPlugin, type RxJsonSchema } from 'rxdb';
import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { describe, expect, it } from 'vitest';
import { type Order, orderLastTouchedAt, orderSchema } from '../src';
import { deviceOrders, orderTakenByV3 } from './order-v3';

addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

/** The orders schema as version 5 stored it: no index on the edit time. */
const orderSchemaV5 = (): RxJsonSchema<Order> => {
  const schema = withoutSynclineKeys(orderSchema) as RxJsonSchema<Order>;
  return { ...schema, version: 5, indexes: schema.indexes?.filter((index) => index !== 'editedAt') };
};

const status = (at: number, to: Order['status']) => ({
  id: `h-${at}`,
  at,
  by: 'ana',
  summary: `Status → ${to}`,
  changes: [{ field: 'status', to }],
});

describe('orders schema v6: the edit time indexed', () => {
  it('gives an order stored without an edit time its last history entry, delivery or arrival', async () => {
    const open = deviceOrders('edited');
    const moved: Order = {
      ...orderTakenByV3('ord-moved'),
      status: 'delivered',
      receivedAt: 1_000,
      deliveredAt: 5_000,
      history: [status(9_000, 'ready'), status(3_000, 'washing')],
    };
    const delivered: Order = { ...orderTakenByV3('ord-delivered'), receivedAt: 1_000, deliveredAt: 5_000 };
    const untouched: Order = { ...orderTakenByV3('ord-untouched'), receivedAt: 2_000 };
    const edited: Order = { ...orderTakenByV3('ord-edited'), receivedAt: 2_000, editedAt: 7_000 };
    const before = await open(orderSchemaV5());
    await before.collections.orders?.bulkInsert([moved, delivered, untouched, edited]);
    await before.close();

    const after = await open(withoutSynclineKeys(orderSchema) as RxJsonSchema<Order>);
    const docs = await after.collections.orders?.find({ sort: [{ editedAt: 'asc' }] }).exec();
    expect(docs?.map((doc) => [doc.id, doc.editedAt])).toEqual([
      ['ord-untouched', 2_000],
      ['ord-delivered', 5_000],
      ['ord-edited', 7_000],
      ['ord-moved', 9_000],
    ]);
    expect(orderLastTouchedAt(moved)).toBe(9_000);
    await after.close();
  });
});
