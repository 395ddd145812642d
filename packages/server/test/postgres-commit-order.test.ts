// On PostgreSQL, transactions run at the same time, so the order `updatedAt` values are handed out in is not
// by itself the order they commit in. A reader that has moved its checkpoint past a value must never see a row
// with a smaller one commit later. These tests hold one transaction open after it took its `updatedAt`, let a
// second one try to commit past it, and watch what a pulling client gets.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSyncServer, type SyncServer } from '../src/server.js';
import { createPostgresStorage } from '../src/storage/postgres.js';
import type { Checkpoint, SyncStorage } from '../src/storage/types.js';
import { createPostgresSchema, TEST_JWT_SECRET } from '../src/testing.js';
import { requirePostgres } from './engines.js';
import {
  bearer,
  eventually,
  type GraphQLAnswer,
  gql,
  makeTask,
  PULL_TASKS,
  pushTasks,
  testCollections,
  type WireTask,
  wire,
} from './helpers.js';

const postgresUrl = requirePostgres('commit order');

/** A pulling client: keeps its checkpoint and everything it was given, as RxDB does. */
function puller(storage: SyncStorage, tenant: string) {
  let checkpoint: Checkpoint | null = null;
  const seen: string[] = [];
  return {
    seen,
    async pull() {
      const rows = await storage.pull({ tenant, collection: 'tasks', after: checkpoint, limit: 100 });
      for (const row of rows) seen.push(row.id);
      const last = rows.at(-1);
      if (last) checkpoint = { id: last.id, updatedAt: last.updatedAt };
      return rows.map((row) => row.id);
    },
  };
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

interface PullPage {
  documents: WireTask[];
  checkpoint: { id: string; updatedAt: number };
}

const doc = (id: string) => ({ ...makeTask(id), _deleted: false });

describe.runIf(postgresUrl)('commit order on PostgreSQL', () => {
  const admin = postgresUrl as string;
  let schema: { url: string; drop: () => Promise<void> };
  const opened: SyncStorage[] = [];

  beforeAll(async () => {
    schema = await createPostgresSchema(admin);
  });

  afterAll(async () => {
    for (const storage of opened) await storage.close();
    await schema.drop();
  });

  /** Two storages on one schema, as two server instances have; each with its own clock reading. */
  async function instances(lockClockRow: boolean) {
    const open = async (name: string, now: number) => {
      const url = new URL(schema.url);
      url.searchParams.set('application_name', name);
      const storage = createPostgresStorage({
        connectionString: url.toString(),
        maxConnections: 2,
        now: () => now,
        lockClockRow,
      });
      opened.push(storage);
      await storage.migrate();
      return storage;
    };
    const tag = `${lockClockRow ? 'locked' : 'unlocked'}-${Date.now()}`;
    // A's clock reads earlier than B's: A takes the smaller `updatedAt`.
    return { tag, a: await open(`${tag}-a`, 1_000), b: await open(`${tag}-b`, 1_001) };
  }

  /** A takes its `updatedAt`, writes, and waits; B then writes and commits as fast as it can. */
  async function lateCommit(lockClockRow: boolean, tenant: string) {
    const { tag, a, b } = await instances(lockClockRow);
    const reader = puller(a, tenant);
    const allocated = deferred();
    const release = deferred();
    const first = a.transaction(tenant, async (tx) => {
      await tx.write('tasks', [{ id: 'early', updatedAt: tx.nextUpdatedAt(), deleted: false, data: doc('early') }]);
      allocated.resolve();
      await release.promise;
    });
    await allocated.promise;
    let secondDone = false;
    const second = b
      .transaction(tenant, async (tx) => {
        await tx.write('tasks', [{ id: 'late', updatedAt: tx.nextUpdatedAt(), deleted: false, data: doc('late') }]);
      })
      .then(() => {
        secondDone = true;
      });
    return { tag, reader, release, first, second, isSecondDone: () => secondDone };
  }

  /** Whether a session of `applicationName` is waiting for a lock right now. */
  async function waitingForLock(applicationName: string) {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'",
        [applicationName],
      );
      return (rows[0] as { n: number }).n > 0;
    } finally {
      await client.end();
    }
  }

  it('makes the later writer wait for the earlier one, so a pulling client skips nothing', async () => {
    const run = await lateCommit(true, 'locked');
    // B is queued behind A's lock on the tenant's clock row, not merely slow.
    await eventually(() => waitingForLock(`${run.tag}-b`));
    expect(run.isSecondDone()).toBe(false);
    expect(await run.reader.pull()).toEqual([]);

    run.release.resolve();
    await Promise.all([run.first, run.second]);
    expect(await run.reader.pull()).toEqual(['early', 'late']);
    expect(run.reader.seen).toEqual(['early', 'late']);
  });

  it('without the lock (what it prevents), the same schedule makes a pulling client skip a row', async () => {
    const run = await lateCommit(false, 'unlocked');
    await run.second;
    // B committed first with the larger `updatedAt`: the client's checkpoint moves past A's.
    expect(await run.reader.pull()).toEqual(['late']);
    run.release.resolve();
    await run.first;
    expect(await run.reader.pull()).toEqual([]);
    // 'early' is stored, before the checkpoint: this client will never be given it.
    expect(run.reader.seen).not.toContain('early');
  });

  it('dates a pass of pulls by the stored clock: a later write on an instance whose clock is behind is after it', async () => {
    const { tag, a, b } = await instances(true);
    const tenant = `clock-${tag}`;
    // B reads the tenant's clock (its own reads later than A's): a fresh pass begins
    const since = await b.clock(tenant);
    // then A deletes a document the pass may have sent
    const deletedAt = await a.transaction(tenant, async (tx) => {
      const updatedAt = tx.nextUpdatedAt();
      await tx.write('tasks', [{ id: 'sent', updatedAt, deleted: true, data: { ...doc('sent'), _deleted: true } }]);
      return updatedAt;
    });
    // the deletion is dated at or after the pass's start, so the pass sends it as removed (B's own clock, read as
    // the start, would have left it out: A dates it 1000, B reads 1001); and a pass that begins now begins after it
    expect(deletedAt).toBeGreaterThanOrEqual(since);
    expect(await a.clock(tenant)).toBeGreaterThan(deletedAt);
    expect(await b.clock(tenant)).toBeGreaterThan(deletedAt);
  });
});

describe.runIf(postgresUrl)('two server instances writing to one tenant at once', () => {
  const admin = postgresUrl as string;
  let schema: { url: string; drop: () => Promise<void> };
  const servers: SyncServer[] = [];

  beforeAll(async () => {
    schema = await createPostgresSchema(admin);
    for (let i = 0; i < 2; i++) {
      const server = createSyncServer({
        collections: testCollections,
        storage: createPostgresStorage({ connectionString: schema.url, maxConnections: 4 }),
        auth: { secret: TEST_JWT_SECRET },
        logger: 'silent',
      });
      await server.listen(0);
      servers.push(server);
    }
  });

  afterAll(async () => {
    for (const server of servers) await server.close();
    await schema.drop();
  });

  it('gives a client pulling all the while every row, in strictly increasing order', async () => {
    const { signToken } = await import('../src/auth.js');
    const token = await signToken({ secret: TEST_JWT_SECRET, tenant: 'busy' });
    const urls = servers.map((server) => server.url);
    const written = new Set<string>();
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let round = 0; round < 15; round++) {
        const ids = [`w${writer}-r${round}-a`, `w${writer}-r${round}-b`];
        const answer = await pushTasks(urls[(writer + round) % 2] as string, token, [
          ...ids.map((id) => ({ newDocumentState: wire(makeTask(id)) })),
        ]);
        expect(answer.errors).toBeUndefined();
        for (const id of ids) written.add(id);
      }
    });

    // The client pulls from both instances in turn, as a load balancer would send it, until the writers are done
    // and one more pull finds nothing new.
    let checkpoint: { id: string; updatedAt: number } | null = null;
    const received: WireTask[] = [];
    let writing = true;
    const finished = Promise.all(writers).finally(() => {
      writing = false;
    });
    for (let turn = 0; ; turn++) {
      const stillWriting = writing;
      const answer: GraphQLAnswer<{ pullTasks: PullPage }> = await gql<{ pullTasks: PullPage }>(
        urls[turn % 2] as string,
        PULL_TASKS,
        { checkpoint, limit: 7 },
        bearer(token),
      );
      const page: PullPage | undefined = answer.data?.pullTasks;
      if (!page) throw new Error(answer.errors?.[0]?.message ?? 'no answer');
      received.push(...page.documents);
      checkpoint = page.checkpoint;
      if (!stillWriting && page.documents.length === 0) break;
    }
    await finished;

    expect(received.map((doc) => doc.id).sort()).toEqual([...written].sort());
    const order = received.map((doc) => doc.updatedAt);
    expect(order.every((value, i) => i === 0 || value > (order[i - 1] as number))).toBe(true);
  });
});
