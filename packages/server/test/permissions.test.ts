// Roles and permissions, enforced by the server: a team's own schema declares who may read, create, update and
// delete its documents and who may see or change a field; a token names its role. A write the role may not make
// is refused with its reason and the document it names, and nothing of the push is written; a field the role may
// not see never leaves the server (pull and stream), and stays as stored when that role writes the document.
import { createClient } from 'graphql-ws/client';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defineCollections } from '../src/collections.js';
import { signToken } from '../src/index.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { bearer, gql, type Job, jobSchema } from './helpers.js';

const PULL = 'query { pullJobs(checkpoint: null, limit: 100) { documents { id title budget updatedAt _deleted } } }';
const PUSH = 'mutation($rows: [JobsInputPushRow!]) { pushJobs(jobsPushRow: $rows) { id title budget _deleted } }';
const tenant = 'crew';

let server: TestServer;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ collections: { jobs: jobSchema } });
  for (const role of ['lead', 'member', 'guest']) {
    tokens[role] = await signToken({ secret: TEST_JWT_SECRET, tenant, sub: role, role });
  }
});

afterAll(async () => {
  await server?.close();
});

type Wire = Partial<Job> & { id: string; _deleted: boolean };

const pull = async (role: string) => {
  const answer = await gql<{ pullJobs: { documents: Wire[] } }>(server.url, PULL, {}, bearer(tokens[role] ?? ''));
  expect(answer.errors).toBeUndefined();
  return answer.data?.pullJobs.documents ?? [];
};
const push = (role: string, rows: { assumedMasterState?: Wire; newDocumentState: Wire }[]) =>
  gql<{ pushJobs: Wire[] }>(server.url, PUSH, { rows }, bearer(tokens[role] ?? ''));
const stored = async (id: string) => (await pull('lead')).find((doc) => doc.id === id);

describe('permissions', () => {
  it('refuses what a role may not do, with its reason and document, and writes nothing of that push', async () => {
    const created = await push('lead', [
      { newDocumentState: { id: 'j1', title: 'Paint the hall', budget: 400, _deleted: false } },
    ]);
    expect(created.errors).toBeUndefined();
    const j1 = (await stored('j1')) as Wire;

    // a guest creates nothing; the valid row before it is not written either
    const guestCreates = await push('guest', [{ newDocumentState: { id: 'j2', title: 'Mine', _deleted: false } }]);
    expect(guestCreates.errors?.[0]?.message).toBe(
      'Document "j2" of jobs: A guest may not create jobs. Nothing of this push was written.',
    );
    expect(guestCreates.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_PERMITTED', documentId: 'j2' });

    // a member may not change the budget, nor delete
    const memberBudget = await push('member', [
      { newDocumentState: { id: 'j3', title: 'Fine', _deleted: false } },
      { assumedMasterState: j1, newDocumentState: { ...j1, budget: 900 } },
    ]);
    expect(memberBudget.errors?.[0]?.message).toMatch(/^Document "j1" of jobs: A member may not change "budget"/);
    const memberDeletes = await push('member', [
      { assumedMasterState: j1, newDocumentState: { ...j1, _deleted: true } },
    ]);
    expect(memberDeletes.errors?.[0]?.message).toMatch(/A member may not delete jobs\./);

    const all = await pull('lead');
    expect(all.map((doc) => doc.id)).toEqual(['j1']);
    expect(await stored('j1')).toEqual(j1);
  });

  it('never sends a field a role may not see, and keeps it as stored when that role writes', async () => {
    await push('lead', [{ newDocumentState: { id: 'k1', title: 'Fix the roof', budget: 2500, _deleted: false } }]);
    const asGuest = (await pull('guest')).find((doc) => doc.id === 'k1') as Wire;
    expect(asGuest.budget).toBeNull();
    expect((await pull('member')).find((doc) => doc.id === 'k1')?.budget).toBe(2500);

    // the guest renames it from what it sees: the budget it never saw stays
    const { budget: _hidden, ...seen } = asGuest;
    const renamed = await push('guest', [
      { assumedMasterState: seen, newDocumentState: { ...seen, title: 'Fix the roof first' } },
    ]);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.pushJobs).toEqual([]);
    expect(await stored('k1')).toMatchObject({ title: 'Fix the roof first', budget: 2500 });

    // a budget sent blind is refused
    const { budget: _still, ...now } = (await pull('guest')).find((doc) => doc.id === 'k1') as Wire;
    const blind = await push('guest', [{ assumedMasterState: now, newDocumentState: { ...now, budget: 1 } }]);
    expect(blind.errors?.[0]?.message).toMatch(/A guest may not change "budget" of jobs\./);

    // a conflict answers the document as the guest may see it
    const stale = await push('guest', [{ assumedMasterState: seen, newDocumentState: { ...seen, title: 'Later' } }]);
    expect(stale.data?.pushJobs).toHaveLength(1);
    expect(stale.data?.pushJobs[0]).toMatchObject({ id: 'k1', title: 'Fix the roof first', budget: null });
  });

  it('streams each subscriber the fields its role may see', async () => {
    const received: Record<string, Wire[]> = { member: [], guest: [] };
    const clients = Object.keys(received).map((role) => {
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { Authorization: `Bearer ${tokens[role]}` },
      });
      client.subscribe(
        { query: 'subscription { streamJobs(headers: null) { documents { id title budget } } }' },
        {
          next: (message) => {
            const documents = (message.data as { streamJobs: { documents: Wire[] } }).streamJobs.documents;
            received[role]?.push(...documents);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      );
      return client;
    });
    try {
      // both subscribed: a first write reaches both
      await expect
        .poll(async () => {
          await push('lead', [{ newDocumentState: { id: `ping-${Date.now()}`, title: 'ping', _deleted: false } }]);
          return Math.min(received.member?.length ?? 0, received.guest?.length ?? 0);
        })
        .toBeGreaterThan(0);
      await push('lead', [{ newDocumentState: { id: 's1', title: 'Sand the floor', budget: 700, _deleted: false } }]);
      await expect.poll(() => received.guest?.some((doc) => doc.id === 's1')).toBe(true);
      await expect.poll(() => received.member?.some((doc) => doc.id === 's1')).toBe(true);
      expect(received.guest?.find((doc) => doc.id === 's1')?.budget).toBeNull();
      expect(received.member?.find((doc) => doc.id === 's1')?.budget).toBe(700);
    } finally {
      for (const client of clients) await client.dispose();
    }
  });

  it('publishes the permissions with the schemas, and reads the role from the token', async () => {
    const response = await fetch(new URL('/sync/schemas', server.url));
    const published = (await response.json()) as {
      collections: Record<string, { schema: object; permissions?: unknown }>;
    };
    // beside the schema, which a stock RxDB then takes as it is
    expect(published.collections.jobs?.schema).not.toHaveProperty('permissions');
    expect(published.collections.jobs?.permissions).toEqual(
      (jobSchema as unknown as { permissions: unknown }).permissions,
    );

    // a token without a role acts as the server's default role (owner): every collection without a rule for it
    const roleless = await signToken({ secret: TEST_JWT_SECRET, tenant, sub: 'old' });
    const refused = await gql(
      server.url,
      PUSH,
      { rows: [{ newDocumentState: { id: 'o1', title: 'x', _deleted: false } }] },
      bearer(roleless),
    );
    expect(refused.errors?.[0]?.message).toMatch(/An owner may not create jobs\./);

    // a role that is not a plain name is refused as an invalid token
    await expect(signToken({ secret: TEST_JWT_SECRET, tenant, role: 'a b' })).rejects.toThrow(/not a plain role name/);
  });
});

describe('declared permissions', () => {
  const declaring = (permissions: unknown, required = ['id', 'title']) =>
    defineCollections({ jobs: { ...(jobSchema as object), required, permissions } as unknown as RxJsonSchema<Job> });

  it('are checked when the server starts, each problem named', () => {
    expect(() => declaring({ write: ['lead'] })).toThrow(
      'Collection "jobs": "permissions" has "write"; it takes read, create, update, delete, fields and owner.',
    );
    expect(() => declaring({ read: 'lead' })).toThrow(/"permissions"\.read must be "\*" or a list of role names/);
    expect(() => declaring({ fields: { cost: { read: ['lead'] } } })).toThrow(
      'Collection "jobs": "permissions".fields.cost: the schema has no top-level property "cost".',
    );
    expect(() => declaring({ fields: { budget: { read: ['lead'] } } }, ['id', 'title', 'budget'])).toThrow(
      /some roles cannot see "budget", so their documents come without it; remove it from "required"/,
    );
    expect(() => declaring({ fields: { id: { write: ['lead'] } } })).toThrow(/"id" belongs to every document/);
    expect(() => declaring({ owner: 'assignee' })).toThrow(
      /"permissions"\.owner must name a required string property holding each document's owner; it is "assignee"/,
    );
  });
});
