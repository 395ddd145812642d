// Shared pieces of the server's tests: small schemas of their own, a stock RxDB client (memory storage,
// replication-graphql, queries from RxDB's own builders) and a raw GraphQL caller.
import { randomUUID } from 'node:crypto';
import { stripNulls } from '@syncline/protocol';
import { addRxPlugin, createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import {
  GRAPHQL_WEBSOCKET_BY_URL,
  pullQueryBuilderFromRxSchema,
  pullStreamBuilderFromRxSchema,
  pushQueryBuilderFromRxSchema,
  type RxGraphQLReplicationState,
  replicateGraphQL,
} from 'rxdb/plugins/replication-graphql';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { SyncSchemas, SyncStorage } from '../src/index.js';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);

export interface Task {
  id: string;
  title: string;
  done: boolean;
  priority: number;
  updatedAt: number;
  note?: string;
}

/** A flat schema (RxDB 17.6's query builders mishandle array properties; see DESIGN.md). */
export const taskSchema: RxJsonSchema<Task> = {
  title: 'task',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string', maxLength: 200 },
    done: { type: 'boolean' },
    priority: { type: 'integer', minimum: 0, maximum: 5 },
    updatedAt: { type: 'number', minimum: 0 },
    note: { type: 'string' },
  },
  required: ['id', 'title', 'done', 'priority', 'updatedAt'],
  additionalProperties: false,
};

export interface Note {
  id: string;
  body: string;
  updatedAt: number;
}

export const noteSchema: RxJsonSchema<Note> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    body: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'body', 'updatedAt'],
  additionalProperties: false,
};

export const testCollections = { tasks: taskSchema, notes: noteSchema };

export interface Job {
  id: string;
  title: string;
  budget?: number;
  updatedAt: number;
}

/** A team's own collection: leads set budgets, members work jobs and see budgets, guests see neither. */
export const jobSchema = {
  title: 'job',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    title: { type: 'string' },
    budget: { type: 'integer', minimum: 0 },
    updatedAt: { type: 'number', minimum: 0 },
  },
  required: ['id', 'title'],
  additionalProperties: false,
  permissions: {
    read: '*',
    create: ['lead', 'member'],
    update: ['lead', 'member', 'guest'],
    delete: ['lead'],
    fields: { budget: { read: ['lead', 'member'], write: ['lead'] } },
  },
} as unknown as RxJsonSchema<Job>;

export function makeTask(id: string, patch: Partial<Task> = {}): Task {
  return { id, title: `Task ${id}`, done: false, priority: 1, updatedAt: Date.now(), ...patch };
}

export interface RxClient {
  db: RxDatabase;
  collection(name: string): RxCollection;
  replication(name: string): RxGraphQLReplicationState<unknown, unknown>;
  /** Waits until every replication has pushed what is pending and pulled what the server has. */
  inSync(): Promise<void>;
  close(): Promise<void>;
}

export interface RxClientOptions {
  url: string;
  wsUrl: string;
  token: string;
  /** The settings from `GET /sync/schemas` (or built the same way). */
  settings: SyncSchemas;
  /** Only these collections (default: all). */
  only?: string[];
  batchSize?: number;
  /** Pass the token in the ws `connectionParams.headers` too (default true). */
  wsHeaders?: boolean;
  live?: boolean;
}

/** A stock RxDB client: every query comes from RxDB's own builders, fed with the server's settings. */
export async function createRxClient(options: RxClientOptions): Promise<RxClient> {
  const names = options.only ?? Object.keys(options.settings.collections);
  const db = await createRxDatabase({
    name: `client${randomUUID().replaceAll('-', '')}`,
    storage: wrappedValidateAjvStorage({ storage: getRxStorageMemory() }),
    multiInstance: false,
  });
  await db.addCollections(
    Object.fromEntries(
      names.map((name) => {
        const schema = options.settings.collections[name]?.schema;
        if (!schema) throw new Error(`the server has no collection ${name}`);
        return [name, { schema }];
      }),
    ),
  );
  const states = new Map<string, RxGraphQLReplicationState<unknown, unknown>>();
  const wsUrl = `${options.wsUrl}?client=${db.name}`;
  for (const name of names) {
    const settings = options.settings.collections[name];
    if (!settings) throw new Error(`no settings for ${name}`);
    const state = replicateGraphQL({
      collection: db.collections[name] as RxCollection,
      // RxDB keeps one socket per ws URL in a process: a query string gives each test client its own.
      url: { http: options.url, ws: wsUrl },
      headers: { Authorization: `Bearer ${options.token}` },
      deletedField: '_deleted',
      live: options.live ?? true,
      retryTime: 200,
      waitForLeadership: false,
      replicationIdentifier: `syncline-${name}-${options.url}`,
      pull: {
        queryBuilder: pullQueryBuilderFromRxSchema(name, settings),
        streamQueryBuilder: pullStreamBuilderFromRxSchema(name, settings),
        batchSize: options.batchSize ?? 200,
        includeWsHeaders: options.wsHeaders ?? true,
        modifier: stripNulls,
      },
      push: {
        queryBuilder: pushQueryBuilderFromRxSchema(name, settings),
        batchSize: options.batchSize ?? 200,
        responseModifier: (docs: unknown[]) => docs.map(stripNulls),
      },
    });
    states.set(name, state as RxGraphQLReplicationState<unknown, unknown>);
  }
  const replication = (name: string) => {
    const state = states.get(name);
    if (!state) throw new Error(`no replication for ${name}`);
    return state;
  };
  return {
    db,
    collection: (name) => db.collections[name] as RxCollection,
    replication,
    async inSync() {
      for (const state of states.values()) await state.awaitInSync();
    },
    async close() {
      // graphql-ws's dispose() waits for a reconnect in flight and rejects when it fails (the server has gone
      // meanwhile), and RxDB does not await it: that would surface as an unhandled rejection, so settle it here.
      const entry = GRAPHQL_WEBSOCKET_BY_URL.get(wsUrl);
      if (entry) {
        const dispose = entry.socket.dispose.bind(entry.socket);
        entry.socket.dispose = () => Promise.resolve(dispose()).catch(() => {});
      }
      for (const state of states.values()) await state.cancel();
      await db.close();
      // RxDB 17.6 takes a socket reference on every start() (a resume after pause() too) and gives one back on
      // cancel(): a paused-and-resumed client's socket would outlive it and keep retrying a closed server.
      if (entry && GRAPHQL_WEBSOCKET_BY_URL.get(wsUrl) === entry) {
        GRAPHQL_WEBSOCKET_BY_URL.delete(wsUrl);
        await entry.socket.dispose();
      }
    },
  };
}

export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** One raw GraphQL request over HTTP, returning the status as well as the body. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export const PULL_TASKS = `query($checkpoint: TasksInputCheckpoint, $limit: Int!) {
  pullTasks(checkpoint: $checkpoint, limit: $limit) {
    documents { id title done priority updatedAt note _deleted }
    checkpoint { id updatedAt }
  }
}`;

export const PUSH_TASKS = `mutation($rows: [TasksInputPushRow!]) {
  pushTasks(tasksPushRow: $rows) { id title done priority updatedAt note _deleted }
}`;

export type WireTask = Task & { _deleted: boolean };

export async function pullAllTasks(url: string, token: string): Promise<WireTask[]> {
  const answer = await gql<{ pullTasks: { documents: WireTask[] } }>(
    url,
    PULL_TASKS,
    { checkpoint: null, limit: 1000 },
    bearer(token),
  );
  if (answer.errors) throw new Error(answer.errors[0]?.message);
  return answer.data?.pullTasks.documents ?? [];
}

export async function pushTasks(
  url: string,
  token: string,
  rows: Array<{ assumedMasterState?: WireTask | null; newDocumentState: WireTask }>,
): Promise<GraphQLAnswer<{ pushTasks: WireTask[] }>> {
  return gql(url, PUSH_TASKS, { rows }, bearer(token));
}

export const wire = (task: Task, deleted = false): WireTask => ({ ...task, _deleted: deleted });

/** Polls until `check` passes (it throws or returns false while not yet). */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const result = await check();
      if (result !== false) return result;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw last instanceof Error ? last : new Error(`condition not met within ${timeoutMs} ms`);
}

/** `storage` with some of its methods replaced, to play a slow or failing database. */
export function storageWith(storage: SyncStorage, patch: Partial<Omit<SyncStorage, 'dialect'>>): SyncStorage {
  return {
    dialect: storage.dialect,
    migrate: () => storage.migrate(),
    ping: () => storage.ping(),
    pull: (request) => storage.pull(request),
    countAfter: (request) => storage.countAfter(request),
    clock: (tenant) => storage.clock(tenant),
    transaction: (tenant, work) => storage.transaction(tenant, work),
    lookup: (query) => storage.lookup(query),
    auditLog: (request) => storage.auditLog(request),
    pruneAudit: (olderThanMs) => storage.pruneAudit(olderThanMs),
    close: () => storage.close(),
    ...patch,
  };
}

export { upgradeFrom } from '../src/testing.js';
