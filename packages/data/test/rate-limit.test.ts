// A client whose shop is over the server's rate limit: the server answers 429 with Retry-After, the client waits
// at least that long before sending the same request again, its status says the server asked it to slow down,
// and its writes stay pending (never failed) and land once the server takes them.
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Client, openClient, storeReaches } from './helpers';

interface Sent {
  query: string;
  at: number;
  status: number;
  retryAfter: number | null;
}

let server: TestServer;
let client: Client | undefined;

beforeEach(async () => {
  server = await startTestServer({
    collections: controlCenterSchemas,
    serverOptions: { limits: { tenantRate: 1, tenantBurst: 4 } },
  });
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await server.close();
});

/** Spends the tenant's whole bucket, as another of its devices flooding the server would. */
async function drain(tenant: string) {
  const headers = { 'content-type': 'application/json', ...(await server.headers(tenant)) };
  const body = JSON.stringify({ query: '{ pullCustomers(limit: 1) { checkpoint { id } } }' });
  for (;;) {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => fetch(server.url, { method: 'POST', headers, body })),
    );
    if (answers.some((answer) => answer.status === 429)) return;
  }
}

/** The ids of the tenant's orders on the server, asked as a well-behaved client: after a 429, once its wait is over. */
async function orderIdsOnServer(tenant: string): Promise<string[]> {
  for (;;) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await server.headers(tenant)) },
      body: JSON.stringify({ query: '{ pullOrders(checkpoint: null, limit: 1000) { documents { id } } }' }),
    });
    if (response.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after')) * 1000));
      continue;
    }
    const body = (await response.json()) as { data: { pullOrders: { documents: Array<{ id: string }> } } };
    return body.data.pullOrders.documents.map((doc) => doc.id);
  }
}

describe('a client told to slow down', () => {
  it('waits at least Retry-After before sending the request again, says so, and lands every write', async () => {
    const sent: Sent[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const { query } = JSON.parse(String(init?.body)) as { query: string };
      const retryAfter = response.headers.get('retry-after');
      sent.push({ query, at: Date.now(), status: response.status, retryAfter: retryAfter ? Number(retryAfter) : null });
      return response;
    };
    client = await openClient(server, 'shop-1', { fetch: recording });
    const opened = client;
    await storeReaches(opened, (s) => s.connection === 'online' && s.progress?.synced === s.progress?.collections);
    const everFailed: number[] = [];
    const unsubscribe = opened.replication.store.subscribe((s) => {
      if (s.failedCount > 0) everFailed.push(s.failedCount);
    });

    const orders = createDemoData({ seed: 21, orders: 5, customers: 1, machines: 1 }).orders;
    // another device floods the shop until this one is told to slow down: on a busy machine the bucket would
    // otherwise refill before this device's push arrives
    let flooding = true;
    const flood = (async () => {
      while (flooding) {
        await drain('shop-1');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    for (const order of orders) await opened.database.orders.insert(order);

    const slowed = await storeReaches(opened, (s) => s.lastError?.kind === 'throttled', 30_000).finally(async () => {
      flooding = false;
      await flood;
    });
    expect(slowed.lastError?.message).toMatch(
      /The sync server asked this device to slow down; it tries again in \d+ s/,
    );
    expect(slowed.pendingCount).toBeGreaterThan(0);

    // every write lands, the status clears, nothing was ever failed
    await storeReaches(opened, (s) => s.pendingCount === 0 && !s.lastError, 30_000);
    expect(await orderIdsOnServer('shop-1')).toEqual(expect.arrayContaining(orders.map((order) => order.id)));
    unsubscribe();
    expect(everFailed).toEqual([]);

    // after each 429, the same request came back no sooner than the server asked
    // (a pull refused just before every write landed may still be waiting out its time when the test ends)
    const refused = sent.filter((request) => request.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    const retried = refused.flatMap((refusal) => {
      const next = sent.find((request) => request.query === refusal.query && request.at > refusal.at);
      return next ? [{ refusal, next }] : [];
    });
    expect(retried.length).toBeGreaterThan(0);
    for (const { refusal, next } of retried) {
      expect(next.at - refusal.at, refusal.query.slice(0, 60)).toBeGreaterThanOrEqual(
        (refusal.retryAfter ?? 1) * 1000 - 5,
      );
    }
  });
});
