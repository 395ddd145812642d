// Sync monitoring: `GET /metrics` in Prometheus's text format counts what the server did, by tenant (behind its
// token when one is set, refused in production without one), and the `syncMonitor` query shows a tenant's
// managers each device seen: who, its last pull and push, what it moved, what was refused, its conflicts.
import { createClient } from 'graphql-ws/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../src/index.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { bearer, gql, makeTask, PULL_TASKS, pushTasks, testCollections, wire } from './helpers.js';

const MONITOR = `query { syncMonitor { since openStreams documentsPulled documentsPushed refusedRows conflicts
  devices { subject role device lastPullAt lastPushAt documentsPulled documentsPushed refusedRows conflicts } } }`;

let server: TestServer;
const token = (tenant: string, sub: string, role?: string) =>
  signToken({ secret: TEST_JWT_SECRET, tenant, sub, ...(role ? { role } : {}) });

beforeAll(async () => {
  server = await startTestServer({ collections: testCollections, serverOptions: { monitoring: { roles: ['owner'] } } });
});

afterAll(async () => {
  await server?.close();
});

const metrics = async (target: TestServer, headers: Record<string, string> = {}) => {
  const response = await fetch(new URL('/metrics', target.url), { headers });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('sync monitoring', () => {
  it('counts pulls, pushes, refused rows and conflicts per tenant, and shows managers each device', async () => {
    const ana = await token('laundry', 'ana');
    const device = { ...bearer(ana), 'x-syncline-device': 'tablet-7' };
    const first = wire(makeTask('t1'));
    expect((await pushTasks(server.url, ana, [{ newDocumentState: first }])).errors).toBeUndefined();
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...device },
      body: JSON.stringify({
        query: 'mutation($rows: [TasksInputPushRow!]) { pushTasks(tasksPushRow: $rows) { id } }',
        variables: { rows: [{ newDocumentState: { ...first, title: 'conflicting' } }] },
      }),
    });
    const pulled = await gql(server.url, PULL_TASKS, { checkpoint: null, limit: 10 }, device);
    expect(pulled.errors).toBeUndefined();
    const refused = await pushTasks(server.url, ana, [{ newDocumentState: { ...wire(makeTask('t2')), priority: 99 } }]);
    expect(refused.errors?.[0]?.extensions?.code).toBe('INVALID_DOCUMENT');
    // another tenant's traffic
    await gql(server.url, PULL_TASKS, { checkpoint: null, limit: 10 }, bearer(await token('bakery', 'bo')));

    const scraped = await metrics(server);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(scraped.text).toContain('syncline_requests_total{tenant="laundry",operation="push"} 3');
    expect(scraped.text).toContain('syncline_requests_total{tenant="laundry",operation="pull"} 1');
    expect(scraped.text).toContain('syncline_requests_total{tenant="bakery",operation="pull"} 1');
    expect(scraped.text).toContain('syncline_documents_pushed_total{tenant="laundry",collection="tasks"} 1');
    expect(scraped.text).toContain('syncline_documents_pulled_total{tenant="laundry",collection="tasks"} 1');
    expect(scraped.text).toContain('syncline_conflicts_total{tenant="laundry",collection="tasks"} 1');
    expect(scraped.text).toContain(
      'syncline_refused_rows_total{tenant="laundry",collection="tasks",reason="invalid"} 1',
    );
    expect(scraped.text).toMatch(/syncline_request_duration_seconds_count\{operation="push"\} [1-9]/);
    expect(scraped.text).toMatch(/syncline_request_duration_seconds_bucket\{operation="pull",le="\+Inf"\} [1-9]/);

    const report = await gql<{ syncMonitor: Record<string, unknown> & { devices: Record<string, unknown>[] } }>(
      server.url,
      MONITOR,
      {},
      bearer(ana),
    );
    expect(report.errors).toBeUndefined();
    const monitor = report.data?.syncMonitor;
    expect(monitor).toMatchObject({ documentsPushed: 1, documentsPulled: 1, refusedRows: 1, conflicts: 1 });
    expect(monitor?.devices).toHaveLength(2);
    const tablet = monitor?.devices.find((entry) => entry.device === 'tablet-7');
    expect(tablet).toMatchObject({ subject: 'ana', role: 'owner', documentsPulled: 1, conflicts: 1 });
    expect(tablet?.lastPullAt).toEqual(expect.any(Number));
    expect(tablet?.lastPushAt).toEqual(expect.any(Number));
    // the other tenant's device is not in this report
    expect(monitor?.devices.some((entry) => entry.subject === 'bo')).toBe(false);
  });

  it('counts open streams and the events they delivered, and forgets a stream once it closes', async () => {
    const bo = await token('bakery', 'bo');
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { Authorization: `Bearer ${bo}`, device: 'counter-1' },
    });
    let events = 0;
    client.subscribe(
      { query: 'subscription { streamTasks(headers: null) { documents { id } } }' },
      {
        next: () => {
          events += 1;
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    try {
      await expect.poll(async () => (await metrics(server)).text).toContain('syncline_open_streams{tenant="bakery"} 1');
      await expect
        .poll(async () => {
          await pushTasks(server.url, bo, [{ newDocumentState: wire(makeTask(`b${Date.now()}`)) }]);
          return events;
        })
        .toBeGreaterThan(0);
      expect((await metrics(server)).text).toMatch(/syncline_stream_events_total\{tenant="bakery"\} [1-9]/);
      const report = await gql<{ syncMonitor: { devices: { device: string | null; openStreams: number }[] } }>(
        server.url,
        'query { syncMonitor { devices { device openStreams } } }',
        {},
        bearer(bo),
      );
      expect(report.data?.syncMonitor.devices.find((entry) => entry.device === 'counter-1')?.openStreams).toBe(1);
    } finally {
      await client.dispose();
    }
    await expect.poll(async () => (await metrics(server)).text).toContain('syncline_open_streams{tenant="bakery"} 0');
  });

  it("refuses the report to a role that is not a monitor's", async () => {
    const answer = await gql(server.url, MONITOR, {}, bearer(await token('laundry', 'carla', 'operator')));
    expect(answer.errors?.[0]?.message).toBe('The sync monitor is for owner; an operator may not read it.');
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_PERMITTED');
  });

  it('asks for the metrics token when one is set, and is off in production without one', async () => {
    const guarded = await startTestServer({
      collections: testCollections,
      serverOptions: { monitoring: { metricsToken: 'scrape-secret-0123456789' } },
    });
    const production = await startTestServer({ collections: testCollections, serverOptions: { production: true } });
    try {
      expect((await metrics(guarded)).status).toBe(401);
      expect((await metrics(guarded, bearer('wrong'))).status).toBe(401);
      expect((await metrics(guarded, bearer('scrape-secret-0123456789'))).status).toBe(200);
      const refused = await metrics(production);
      expect(refused.status).toBe(403);
      expect(refused.text).toMatch(/SYNCLINE_METRICS_TOKEN/);
    } finally {
      await guarded.close();
      await production.close();
    }
  });
});
