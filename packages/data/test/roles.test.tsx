// A person's role on a device: their orders and customers arrive without the fields the role may not see, a write
// the role may not make becomes a failed row with the server's words (the rest of the device keeps syncing), and
// `useCan` tells the app what to hide before the person tries.
import { controlCenterSchemas, createDemoData, type Order } from '@syncline/domain';
import { signToken } from '@syncline/server';
import { TEST_JWT_SECRET } from '@syncline/server/testing';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { roleOfToken, SynclineProvider, useCan } from '../src';
import { openClient, serverPerTest, storeReaches } from './helpers';

const suite = serverPerTest();
const tenant = 'roles-shop';
const { orders, customers } = createDemoData({ seed: 3, orders: 6, customers: 3, machines: 1 });
const asRole = (role: string) => () => signToken({ secret: TEST_JWT_SECRET, tenant, sub: role, role });

async function seedAsOwner() {
  const owner = await openClient(suite.server, tenant);
  suite.clients.push(owner);
  await owner.database.customers.bulkInsert(customers);
  await owner.database.orders.bulkInsert(orders);
  await storeReaches(owner, (status) => status.pendingCount === 0 && status.connection === 'online');
}

it("stores a viewer's documents without what the role may not see, and refuses the viewer's edit as a failed row", async () => {
  await seedAsOwner();
  const viewer = await openClient(suite.server, tenant, { token: asRole('viewer') });
  suite.clients.push(viewer);
  await storeReaches(viewer, (status) => status.connection === 'online');
  await viewer.replication.awaitInSync();

  const order = (await viewer.database.orders.findOne(orders[0]?.id).exec())?.toJSON() as Order;
  expect(order.number).toBe(orders[0]?.number);
  expect(order).not.toHaveProperty('totals');
  const customer = (await viewer.database.customers.findOne(customers[0]?.id).exec())?.toJSON();
  expect(customer?.name).toBe(customers[0]?.name);
  expect(customer).not.toHaveProperty('phone');

  await (await viewer.database.orders.findOne(order.id).exec())?.patch({ notes: 'a viewer tries' });
  const failed = await storeReaches(
    viewer,
    (status) => status.failedCount === 1 && status.pendingCount === 0 && status.lastError !== null,
  );
  expect(failed.lastError).toMatchObject({
    kind: 'rejected',
    message: expect.stringContaining('A viewer may not update orders.'),
  });
  const record = (await viewer.database.syncstate.findOne(`orders|${order.id}`).exec())?.toJSON();
  expect(record).toMatchObject({ state: 'failed', error: expect.stringContaining('A viewer may not update orders.') });
});

function Abilities() {
  const orders = useCan('orders');
  const customers = useCan('customers');
  const abilities = {
    'update orders': orders('update'),
    'delete orders': orders('delete'),
    'see totals': orders('read', 'totals'),
    'see phone numbers': customers('read', 'phone'),
  };
  return (
    <ul>
      {Object.entries(abilities).map(([name, allowed]) => (
        <li key={name}>{`${name}: ${allowed ? 'yes' : 'no'}`}</li>
      ))}
    </ul>
  );
}

it('tells the app what the role may do, from the permissions published with the schemas', async () => {
  const client = await openClient(suite.server, tenant);
  suite.clients.push(client);
  const shown = async (role: string | undefined) => {
    const token = role ? await asRole(role)() : 'not-a-token';
    const html = renderToStaticMarkup(
      <SynclineProvider database={client.database} role={roleOfToken(token)}>
        <Abilities />
      </SynclineProvider>,
    );
    return [...html.matchAll(/<li>(.*?)<\/li>/g)].map((match) => match[1]);
  };
  expect(await shown('viewer')).toEqual([
    'update orders: no',
    'delete orders: no',
    'see totals: no',
    'see phone numbers: no',
  ]);
  expect(await shown('operator')).toEqual([
    'update orders: yes',
    'delete orders: no',
    'see totals: yes',
    'see phone numbers: yes',
  ]);
  // no role known: the app hides nothing, the server decides
  expect(await shown(undefined)).toEqual([
    'update orders: yes',
    'delete orders: yes',
    'see totals: yes',
    'see phone numbers: yes',
  ]);
  expect(controlCenterSchemas.orders).toHaveProperty('permissions');
});
