// The sync suites' own collection: a title a person must settle (`manual`), a counter (`max`), a set of tags
// (`union`) and a note (`latest`), so every kind of merge happens under chaos; a server of them for a suite, and a
// device that replicates them.
import {
  type CreateSynclineDatabaseOptions,
  createSynclineDatabase,
  type StartReplicationOptions,
  startReplication,
} from '@syncline/data';
import type { MergeRules } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { afterAll, beforeAll, expect } from 'vitest';

export const itemSchema = {
  title: 'items',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string' },
    qty: { type: 'integer', minimum: 0 },
    tags: { type: 'array', items: { type: 'string' } },
    note: { type: 'string' },
    editedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
    updatedAt: { type: 'number', minimum: 0, maximum: 8_640_000_000_000_000, multipleOf: 1 },
  },
  required: ['id', 'title', 'qty'],
  additionalProperties: false,
} as const;

export const itemRules: MergeRules = {
  fields: { title: 'manual', qty: 'max', tags: 'union', note: 'latest' },
  fallback: 'latest',
};

/**
 * Items that belong to a site and are open or closed: a device keeps the open ones of the site its token names (the
 * `site` claim; a token without it keeps every site's), so moving an item to another site or closing it takes it out
 * of a device's scope.
 */
export const siteItemSchema = {
  ...itemSchema,
  properties: { ...itemSchema.properties, site: { type: 'string' }, open: { type: 'boolean' } },
  required: [...itemSchema.required, 'site', 'open'],
  sync: { scope: { keep: [{ field: 'open', in: [true] }], claims: { site: 'site' } } },
} as const;

export interface SiteItem {
  id: string;
  title: string;
  qty: number;
  tags?: string[];
  note?: string;
  site: string;
  open: boolean;
  editedAt?: number;
}

/** The items' sync server for a suite (started before it, closed after), and GraphQL to it as one of a tenant's writers. */
export function itemServer() {
  const suite = {} as {
    server: TestServer;
    /** answers `query` as the tenant's writer; any GraphQL error fails the test */
    graphql(tenant: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
  beforeAll(async () => {
    suite.server = await startTestServer({ collections: { items: itemSchema } });
  });
  afterAll(async () => {
    await suite.server?.close();
  });
  suite.graphql = async (tenant, query, variables = {}) => {
    const response = await fetch(suite.server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await suite.server.headers(tenant)) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown; data?: Record<string, unknown> };
    expect(body.errors).toBeUndefined();
    return body.data ?? {};
  };
  return suite;
}

let devices = 0;

/**
 * A device holding items, replicating with `server` as one of `tenant`'s writers (short backoff); `database` and
 * `replication` options override the defaults (storage, fetch, a gated socket, another address).
 */
export async function openItemDevice(
  server: TestServer,
  tenant: string,
  options: {
    name?: string;
    database?: Partial<Omit<CreateSynclineDatabaseOptions<{ items: typeof itemSchema }>, 'collections'>>;
    replication?: Partial<StartReplicationOptions>;
  } = {},
) {
  devices += 1;
  const database = await createSynclineDatabase({
    name: `${options.name ?? 'device'}${devices}${Date.now().toString(36)}`,
    collections: { items: itemSchema },
    mergeRules: { items: itemRules },
    ...options.database,
  });
  const replication = startReplication({
    database,
    url: server.url,
    wsUrl: server.wsUrl,
    token: () => server.token(tenant),
    backoff: { initialMs: 50, maxMs: 300 },
    ...options.replication,
  });
  return { database, replication };
}
