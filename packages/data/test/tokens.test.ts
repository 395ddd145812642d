// Tokens expire during a shift. The client asks for one before every request and every (re)connect, none is
// frozen into a subscription, the server ends a stream when its token expires and the client reconnects with a
// fresh one; when no valid token can be had, the status says "sign in again" and never "online".
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Client, eventually, openClient, orderOn, storeReaches } from './helpers';

const demo = createDemoData({ seed: 7, orders: 4, customers: 2, machines: 2 });
const order = (index: number) => {
  const found = demo.orders[index];
  if (!found) throw new Error(`demo data has no order ${index}`);
  return found;
};
const tenant = 'shop-tokens';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: TestServer;
let clients: Client[] = [];
/** WebSocket upgrades the server has seen: each is a (re)connection of a client's live stream. */
let upgrades = 0;

beforeEach(async () => {
  server = await startTestServer({ collections: controlCenterSchemas, clockToleranceSeconds: 0 });
  upgrades = 0;
  server.server.httpServer.on('upgrade', () => {
    upgrades += 1;
  });
});

afterEach(async () => {
  await Promise.all(clients.map((client) => client.close()));
  clients = [];
  await server.close();
});

async function deviceWithTokens(getToken: () => Promise<string>) {
  const opened = await openClient(server, tenant, { token: getToken });
  clients.push(opened);
  await storeReaches(opened, (status) => status.connection === 'online');
  return opened;
}

/** A fresh token on every call, each valid for 2 s. */
const shortTokens = () => server.token(tenant, 'operator', '2s');

it('keeps live updates coming after a server restart once the first token has expired', async () => {
  const a = await deviceWithTokens(shortTokens);
  const b = await deviceWithTokens(shortTokens);
  await sleep(2_500);
  await server.restart();
  server.server.httpServer.on('upgrade', () => {
    upgrades += 1;
  });
  await storeReaches(a, (status) => status.connection === 'online');
  // let a finish the catch-up pull its reconnect started, so only its live stream can bring what comes next
  await a.replication.awaitInSync();
  await sleep(500);
  await b.database.orders.insert(order(0));
  // only the live stream brings it: a does not pull again on its own
  await eventually(
    () => orderOn(a, order(0).id),
    (doc) => doc !== null,
    10_000,
  );
  expect(a.status().lastError).toBeNull();
});

it('ends a stream when its token expires; the device reconnects with a fresh token and keeps receiving', async () => {
  const a = await deviceWithTokens(shortTokens);
  const b = await deviceWithTokens(shortTokens);
  const connected = upgrades;
  await sleep(3_000);
  expect(upgrades, 'each device reconnected when its token ran out').toBeGreaterThanOrEqual(connected + 2);
  await b.database.orders.insert(order(1));
  await eventually(
    () => orderOn(a, order(1).id),
    (doc) => doc !== null,
    10_000,
  );
});

it('says "sign in again", never online, when no valid token can be had', async () => {
  // The session ends once the device is online (not after a count of calls: a loaded machine asks more often).
  let ended = false;
  const a = await deviceWithTokens(async () => {
    if (ended) throw new Error('the session has ended');
    return server.token(tenant, 'operator', '1s');
  });
  ended = true;
  const signedOut = await storeReaches(a, (status) => status.lastError?.kind === 'auth', 10_000);
  expect(signedOut.lastError?.message).toMatch(/sign in again/i);
  expect(signedOut.connection).not.toBe('online');
  await a.database.orders.insert(order(2));
  await sleep(1_500);
  const later = a.status();
  expect(later.connection).not.toBe('online');
  expect(later.lastError?.kind, later.lastError?.message).toBe('auth');
  expect(later.pendingCount).toBe(1);
});
