// A collection's sync options (its priority class) are declared beside its schema: checked when the server
// starts, each problem named, and published with the schemas in `GET /sync/schemas` (beside the schema, which a
// stock RxDB then takes as it is), so every client syncs the classes in the same order.
import type { RxJsonSchema } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineCollections } from '../src/collections.js';
import { startTestServer, type TestServer } from '../src/testing.js';

interface Alarm {
  id: string;
  code: string;
  updatedAt?: number;
}

const alarmSchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 100 }, code: { type: 'string' }, updatedAt: { type: 'number' } },
  required: ['id', 'code'],
  sync: { priority: 0 },
} as unknown as RxJsonSchema<Alarm>;

const declaring = (sync: unknown) =>
  defineCollections({ alarms: { ...(alarmSchema as object), sync } as unknown as RxJsonSchema<Alarm> });

describe('declared sync options', () => {
  it('are checked when the server starts, each problem named', () => {
    expect(() => declaring({ priority: 4 })).toThrow(
      'Collection "alarms": "sync.priority" must be 0, 1, 2 or 3 (0 syncs first); it is 4.',
    );
    expect(() => declaring({ priority: '0' })).toThrow(/"sync.priority" must be 0, 1, 2 or 3 .*; it is "0"\./);
    expect(() => declaring({ order: 1 })).toThrow(
      'Collection "alarms": "sync" has "order"; it takes priority, references and scope.',
    );
    expect(() => declaring({ references: { code: 7 } })).toThrow(/"sync.references" must map fields to collection/);
    expect(() => declaring({ references: { machineId: 'machines' } })).toThrow(
      'The "alarms" schema\'s "sync.references" names "machineId", which is not one of its fields.',
    );
    // a server may serve some of an app's collections: a parent it does not serve is simply not ordered
    expect(declaring({ references: { code: 'codes' } })[0]?.sync).toEqual({ references: { code: 'codes' } });
    expect(() => declaring(3)).toThrow(/"sync" must be an object such as \{ "priority": 1 \}; it is 3\./);
    expect(declaring({ priority: 3 })[0]?.sync).toEqual({ priority: 3 });
  });

  it('check a scope, each problem named', () => {
    const scoped = (scope: unknown) => declaring({ scope });
    expect(() => scoped([])).toThrow(/"sync.scope" must be an object such as \{ "keep": .*; it is \[\]\./);
    expect(() => scoped({ expire: 3 })).toThrow('"sync.scope" has "expire"; it takes keep and claims.');
    expect(() => scoped({ keep: { changedWithinDays: 3 } })).toThrow('"sync.scope.keep" must be a list of conditions');
    expect(() => scoped({ keep: [{ changedWithinDays: 0 }] })).toThrow(
      '"sync.scope.keep[0]" changedWithinDays must be a positive number of days; it is 0.',
    );
    expect(() => scoped({ keep: [{ field: 'state', in: ['open'] }] })).toThrow(
      '"sync.scope.keep[0]" names the field "state", which is not one of the schema\'s fields.',
    );
    expect(() => scoped({ keep: [{ field: 'code', in: [] }] })).toThrow(/keep\[0\]" "in" must be a non-empty list/);
    expect(() => scoped({ keep: [{ field: 'code', in: ['E1'], days: 3 }] })).toThrow(/it has days,field,in\./);
    expect(() => scoped({ claims: { site: 'site' } })).toThrow(
      '"sync.scope.claims" names "site", which is not one of the schema\'s fields.',
    );
    expect(() => scoped({ claims: { code: '' } })).toThrow(
      '"sync.scope.claims.code" must name a token claim; it is "".',
    );
    const scope = { keep: [{ field: 'code', in: ['E1', 'E2'] }, { changedWithinDays: 7 }], claims: { code: 'code' } };
    expect(scoped(scope)[0]?.sync).toEqual({ scope });
  });

  describe('published', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer({ collections: { alarms: alarmSchema } });
    });
    afterAll(async () => {
      await server?.close();
    });

    it('beside the schema in GET /sync/schemas', async () => {
      const published = (await (await fetch(new URL('/sync/schemas', server.url))).json()) as {
        collections: Record<string, { schema: object; sync?: unknown }>;
      };
      expect(published.collections.alarms?.sync).toEqual({ priority: 0 });
      expect(published.collections.alarms?.schema).not.toHaveProperty('sync');
    });
  });
});
