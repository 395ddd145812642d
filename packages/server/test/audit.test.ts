// The audit trail: every accepted write is recorded with who made it, when, and which fields it changed from what
// to what, in the same transaction as the write; refused and conflicting rows leave nothing. A document's entries
// are served newest first, a page at a time, as the reader's role may see them, to its own tenant only, and kept
// as long as the retention says. On SQLite and on PostgreSQL.
import { AUDIT_LOG_QUERY, type AuditEntry, type AuditPage, CONFLICT_RESOLUTION_FIELD } from '@syncline/protocol';
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { signToken } from '../src/index.js';
import { applyPush } from '../src/push.js';
import { createPostgresStorage } from '../src/storage/postgres.js';
import { createSqliteStorage } from '../src/storage/sqlite.js';
import { startTestServer, TEST_JWT_SECRET, type TestServer } from '../src/testing.js';
import { describeOnEngines } from './engines.js';
import { bearer, eventually, gql, type Job, jobSchema } from './helpers.js';

/** Only leads read the ledger. */
const ledgerSchema = {
  ...(jobSchema as object),
  title: 'ledger',
  permissions: { read: ['lead'] },
} as unknown as RxJsonSchema<Job>;

const collections = { jobs: jobSchema, ledger: ledgerSchema };
const PUSH = `mutation($rows: [JobsInputPushRow!]) { pushJobs(jobsPushRow: $rows) { id title budget _deleted } }`;
const DAY = 24 * 60 * 60 * 1000;

type Wire = Partial<Job> & { id: string; _deleted: boolean };
type Row = { assumedMasterState?: Wire; newDocumentState: Wire; [CONFLICT_RESOLUTION_FIELD]?: boolean };

describeOnEngines('audit trail', (engine) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({
      collections,
      ...(engine.postgresUrl ? { postgresUrl: engine.postgresUrl } : {}),
      serverOptions: { audit: { retentionDays: 30 } },
    });
    for (const role of ['lead', 'member', 'guest']) {
      tokens[role] = await signToken({ secret: TEST_JWT_SECRET, tenant: 'crew', sub: `${role}@crew`, role });
    }
    tokens.rival = await signToken({ secret: TEST_JWT_SECRET, tenant: 'rivals', sub: 'spy', role: 'lead' });
  });
  afterAll(async () => {
    await server?.close();
  });

  const push = (who: string, rows: Row[]) =>
    gql<{ pushJobs: Wire[] }>(server.url, PUSH, { rows }, bearer(tokens[who] ?? ''));
  const log = (who: string, variables: { documentId: string; collection?: string; before?: string; limit?: number }) =>
    gql<{ auditLog: AuditPage }>(
      server.url,
      AUDIT_LOG_QUERY,
      { collection: 'jobs', ...variables },
      bearer(tokens[who] ?? ''),
    );
  const entries = async (who: string, documentId: string) => {
    const answer = await log(who, { documentId });
    expect(answer.errors).toBeUndefined();
    return answer.data?.auditLog.entries ?? [];
  };
  const stored = async (id: string) => {
    const answer = await gql<{ pullJobs: { documents: Wire[] } }>(
      server.url,
      'query { pullJobs(checkpoint: null, limit: 1000) { documents { id title budget updatedAt _deleted } } }',
      {},
      bearer(tokens.lead ?? ''),
    );
    const doc = answer.data?.pullJobs.documents.find((d) => d.id === id);
    if (!doc) throw new Error(`no ${id} on the server`);
    return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== null)) as Wire;
  };

  it('records who created, changed and deleted a document, when, and each field from what to what', async () => {
    const before = Date.now();
    expect(
      (await push('lead', [{ newDocumentState: { id: 'a1', title: 'Paint', budget: 400, _deleted: false } }])).errors,
    ).toBeUndefined();
    const created = await stored('a1');
    await push('member', [{ assumedMasterState: created, newDocumentState: { ...created, title: 'Paint the hall' } }]);
    const renamed = await stored('a1');
    await push('lead', [{ assumedMasterState: renamed, newDocumentState: { ...renamed, _deleted: true } }]);

    const [deletion, update, creation] = (await entries('lead', 'a1')) as [AuditEntry, AuditEntry, AuditEntry];
    expect(creation).toMatchObject({
      collection: 'jobs',
      documentId: 'a1',
      operation: 'create',
      subject: 'lead@crew',
      role: 'lead',
      updatedAt: created.updatedAt,
      conflictResolution: false,
      hiddenChanges: 0,
    });
    expect(creation.changes).toEqual([
      { field: 'title', from: null, to: '"Paint"' },
      { field: 'budget', from: null, to: '400' },
    ]);
    expect(creation.recordedAt).toBeGreaterThanOrEqual(before);
    expect(update).toMatchObject({ operation: 'update', subject: 'member@crew', role: 'member' });
    expect(update.changes).toEqual([{ field: 'title', from: '"Paint"', to: '"Paint the hall"' }]);
    expect(update.updatedAt).toBe(renamed.updatedAt);
    expect(deletion).toMatchObject({ operation: 'delete', subject: 'lead@crew', changes: [] });
    expect(deletion.updatedAt).toBeGreaterThan(renamed.updatedAt ?? 0);
  });

  it('records nothing for a refused push, a conflicting row or a retry of what is stored', async () => {
    await push('lead', [{ newDocumentState: { id: 'b1', title: 'Sand', _deleted: false } }]);
    const b1 = await stored('b1');
    // a guest may not create: the whole push is refused, the good row with it
    const refused = await push('guest', [
      { assumedMasterState: b1, newDocumentState: { ...b1, title: 'Sand twice' } },
      { newDocumentState: { id: 'b2', title: 'Mine', _deleted: false } },
    ]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_PERMITTED' });
    // a row from an older state is a conflict; the same state again is a retry
    const stale = await push('member', [
      { assumedMasterState: { ...b1, title: 'Old' }, newDocumentState: { ...b1, title: 'Late' } },
      { newDocumentState: b1 },
    ]);
    expect(stale.data?.pushJobs).toHaveLength(1);

    expect((await entries('lead', 'b1')).map((entry) => entry.operation)).toEqual(['create']);
    expect(await entries('lead', 'b2')).toEqual([]);
  });

  it('marks a row its client sent as a conflict resolution; a stock row is not', async () => {
    await push('lead', [{ newDocumentState: { id: 'c1', title: 'Tile', _deleted: false } }]);
    const c1 = await stored('c1');
    const resolved = await push('member', [
      {
        assumedMasterState: c1,
        newDocumentState: { ...c1, title: 'Tile the bath' },
        [CONFLICT_RESOLUTION_FIELD]: true,
      },
    ]);
    expect(resolved.errors).toBeUndefined();
    expect((await entries('lead', 'c1')).map((entry) => entry.conflictResolution)).toEqual([true, false]);
  });

  it('pages newest first with a cursor, within a bounded limit', async () => {
    await push('lead', [{ newDocumentState: { id: 'p1', title: 'v0', _deleted: false } }]);
    for (let version = 1; version <= 4; version++) {
      const current = await stored('p1');
      await push('lead', [{ assumedMasterState: current, newDocumentState: { ...current, title: `v${version}` } }]);
    }
    const titles = (page: AuditPage) => page.entries.map((entry) => entry.changes[0]?.to);
    const first = (await log('lead', { documentId: 'p1', limit: 2 })).data?.auditLog as AuditPage;
    expect(titles(first)).toEqual(['"v4"', '"v3"']);
    const second = (await log('lead', { documentId: 'p1', limit: 2, before: first.before ?? '' })).data
      ?.auditLog as AuditPage;
    expect(titles(second)).toEqual(['"v2"', '"v1"']);
    const last = (await log('lead', { documentId: 'p1', limit: 2, before: second.before ?? '' })).data
      ?.auditLog as AuditPage;
    expect(titles(last)).toEqual(['"v0"']);
    expect(last.before).toBeNull();

    const tooMany = await log('lead', { documentId: 'p1', limit: 1000 });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'limit must be a whole number from 1 to 200.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badCursor = await log('lead', { documentId: 'p1', before: 'yesterday' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows a role only the changes to fields it may see, and refuses a role that may not read', async () => {
    await push('lead', [{ newDocumentState: { id: 'd1', title: 'Roof', budget: 2500, _deleted: false } }]);
    const d1 = await stored('d1');
    await push('lead', [{ assumedMasterState: d1, newDocumentState: { ...d1, budget: 3000 } }]);

    const [raise, creation] = (await entries('guest', 'd1')) as [AuditEntry, AuditEntry];
    expect(creation.changes).toEqual([{ field: 'title', from: null, to: '"Roof"' }]);
    expect(creation.hiddenChanges).toBe(1);
    expect(raise.changes).toEqual([]);
    expect(raise.hiddenChanges).toBe(1);
    const seen = JSON.stringify(await entries('guest', 'd1'));
    expect(seen).not.toMatch(/2500|3000|budget/);
    expect((await entries('member', 'd1'))[0]?.changes).toEqual([{ field: 'budget', from: '2500', to: '3000' }]);

    const ledger = await log('member', { collection: 'ledger', documentId: 'd1' });
    expect(ledger.errors?.[0]).toMatchObject({
      message: 'A member may not read ledger.',
      extensions: { code: 'NOT_PERMITTED' },
    });
    expect(ledger.data).toBeNull();
    const unknown = await log('lead', { collection: 'invoices', documentId: 'd1' });
    expect(unknown.errors?.[0]?.message).toBe('There is no collection "invoices".');
  });

  it("serves a tenant's history to its own tokens only", async () => {
    await push('lead', [{ newDocumentState: { id: 'shared-id', title: 'Ours', budget: 10, _deleted: false } }]);
    expect(await entries('rival', 'shared-id')).toEqual([]);
    const unsigned = await gql(server.url, AUDIT_LOG_QUERY, { collection: 'jobs', documentId: 'shared-id' });
    expect(unsigned.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('removes entries past the retention when the server starts, and keeps the recent ones', async () => {
    // written through a second handle on the same database whose clock says 40 days ago
    const longAgo = Date.now() - 40 * DAY;
    const now = () => longAgo;
    const past = engine.postgresUrl
      ? createPostgresStorage({ connectionString: server.databaseUrl ?? '', maxConnections: 1, now })
      : createSqliteStorage({ path: server.dbPath, now });
    const [jobs] = defineCollections(collections);
    if (!jobs) throw new Error('no jobs collection');
    await applyPush(past, 'crew', jobs, [{ newDocumentState: { id: 'r1', title: 'Old', _deleted: false } }], {
      role: 'lead',
      sub: 'lead@crew',
    });
    await past.close();
    const r1 = await stored('r1');
    await push('lead', [{ assumedMasterState: r1, newDocumentState: { ...r1, title: 'Recent' } }]);
    expect((await entries('lead', 'r1')).map((entry) => entry.operation)).toEqual(['update', 'create']);

    await server.restart();
    // the first request after a restart may meet a kept-alive connection the old server closed
    const kept = await eventually(() => entries('lead', 'r1'));
    expect(kept.map((entry) => entry.operation)).toEqual(['update']);
    expect(kept[0]?.changes).toEqual([{ field: 'title', from: '"Old"', to: '"Recent"' }]);
    // the document itself is kept: only its history ages out
    expect((await stored('r1')).title).toBe('Recent');
  });
});
