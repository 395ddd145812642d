// A stream event can skip a commit across instances: instance A commits c1 while B commits c2, and A's publish
// is lost. B's event for c2 names the commit it follows (c1), so a client that never saw c1 pulls from its own
// checkpoint instead of jumping past it. Two instances over one PostgreSQL database, B fanning out through Redis,
// A's change announced on a bus no client listens to: the failed publish.
import { createSynclineDatabase, startReplication } from '@syncline/data';
import { createPostgresStorage, createSyncServer, type SyncServer } from '@syncline/server';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { itemRules, itemSchema } from './items';

// provided by the server suite's global setup (packages/server/test/global-setup.ts), which this project runs too
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    postgresMissing: string;
    redisUrl: string | null;
    redisMissing: string;
  }
}

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
// a machine without them fails here, saying why (.ci/run installs both), rather than quietly testing less
if (!postgresUrl || !redisUrl) {
  it('needs PostgreSQL and Redis', () => {
    throw new Error(`The stream-gap suite could not run: ${inject('postgresMissing') || inject('redisMissing')}`);
  });
}

describe.runIf(postgresUrl && redisUrl)('a commit whose publish was lost on another instance', () => {
  const tenant = 'gap-shop';
  let instanceB: TestServer;
  let instanceA: SyncServer;
  let urlA: string;

  beforeAll(async () => {
    instanceB = await startTestServer({
      collections: { items: itemSchema },
      postgresUrl: postgresUrl as string,
      redisUrl: redisUrl as string,
    });
    // A writes to the same database; its events go to its own in-memory bus, which no client of B hears
    instanceA = createSyncServer({
      collections: { items: itemSchema },
      storage: createPostgresStorage({ connectionString: instanceB.databaseUrl as string, maxConnections: 2 }),
      auth: { secret: TEST_JWT_SECRET },
      logger: 'silent',
    });
    ({ url: urlA } = await instanceA.listen(0));
  });

  afterAll(async () => {
    await instanceA?.close();
    await instanceB?.close();
  });

  async function push(url: string, id: string, title: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await instanceB.headers(tenant)) },
      body: JSON.stringify({
        query: 'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }',
        variables: { rows: [{ newDocumentState: { id, title, qty: 1, _deleted: false } }] },
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
  }

  it('pulls the missed commit when the next event names it', async () => {
    const database = await createSynclineDatabase({
      name: `gap${Date.now().toString(36)}`,
      collections: { items: itemSchema },
      mergeRules: { items: itemRules },
    });
    const replication = startReplication({
      database,
      url: instanceB.url,
      wsUrl: instanceB.wsUrl,
      token: () => instanceB.token(tenant),
      backoff: { initialMs: 30, maxMs: 300 },
    });
    try {
      await push(instanceB.url, 'c0', 'before');
      await expect
        .poll(async () => (await database.items.findOne('c0').exec()) !== null, { timeout: 10_000 })
        .toBe(true);
      await replication.awaitInSync();

      await push(urlA, 'c1', 'committed on A, never announced');
      await push(instanceB.url, 'c2', 'committed on B, announced');
      const titles = async () =>
        (await database.items.find().exec()).map((doc) => `${doc.get('id')}: ${doc.get('title')}`).sort();
      await expect
        .poll(titles, { timeout: 10_000 })
        .toEqual(['c0: before', 'c1: committed on A, never announced', 'c2: committed on B, announced']);
    } finally {
      await replication.stop();
      await database.remove();
    }
  });
});
