// The GraphQL API: the SDL is what RxDB's `graphQLSchemaFromRxSchema` generates for the collections, plus a
// stream event's `previousCheckpoint` (which no stock client selects); this module adds the resolvers (pull, push,
// stream, and the audit trail's query) that implement the replication contract on top of it.
import {
  AUDIT_LOG_FIELD,
  aRole,
  can,
  DEFAULT_LOOKUP,
  DELETED,
  hiddenFields,
  inSyncScope,
  LOOKUP_FIELD,
  type LookupRequest,
  lookupProblem,
  operationNames,
  ownsDocument,
  type PlainDocument,
  STREAM_CLOSE,
  type SyncScope,
  scopeClaimsKey,
  stripNulls,
  withoutFields,
} from '@syncline/protocol';
import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { createGraphQLError, createSchema } from 'graphql-yoga';
import type { Logger } from 'pino';
import { graphQLSchemaFromRxSchema } from 'rxdb/plugins/replication-graphql';
import { type AuditLogArgs, auditPage, auditRequest, auditTypeDefs } from './audit-log.js';
import { AuthError, type Principal } from './auth.js';
import { changeStream, StreamOverflowError } from './change-stream.js';
import { type SyncCollection, UPDATED_AT } from './collections.js';
import type { Caller, SyncMonitor } from './monitoring.js';
import { onePushPerOperationPlugin } from './one-push.js';
import type { ChangeEvent, SyncPubSub } from './pubsub.js';
import { pullOutputPlugin } from './pull-output.js';
import { applyPush, PushRefusal, type PushRow } from './push.js';
import { pushInputPlugin } from './push-input.js';
import { asRemoved, countScoped, scopedPull } from './scoped-pull.js';
import type { Checkpoint, SyncStorage } from './storage/types.js';
import type { DocumentValidator } from './validation.js';

/** When a pass of pulls from nothing began: at this pull, or at a reading of the tenant's clock. */
export type FreshPull = 'now' | number;

/** Per-operation context, built by the server for HTTP requests and ws operations alike. */
export interface SyncContext {
  /** Verifies the caller's token: the stream's `headers` token when given, else the transport's. */
  authenticate(headerToken?: string): Promise<Principal>;
  /** Ends this operation's WebSocket connection (ws operations only). */
  closeConnection?: (code: number, reason: string) => void;
  /** The request's logger, carrying its request id. */
  readonly log: Logger;
  /** A stream's fields its role does not receive, set when it subscribes */
  hidden?: readonly string[];
  /** the device id the client sent (`x-syncline-device`, or the ws connection's `device`), if any */
  readonly device?: string | undefined;
  /** the schema version of each collection the client speaks (`x-syncline-schemas`), if it said */
  readonly schemaVersions?: Readonly<Record<string, number>> | undefined;
  /**
   * the pull is part of a pass of pulls that started from nothing (`x-syncline-fresh`): at this pull (`now`), or at
   * this reading of the tenant's clock (the `serverTime` its first page answered). The device holds only what the
   * pass sent it, so a scoped collection's documents deleted or out of scope since before then are left out rather
   * than sent as removed.
   */
  readonly freshPull?: FreshPull | undefined;
  /** the ws connection asked each stream to announce when it listens (STREAM_READY) */
  readonly announceReady?: boolean;
  /** a stream's sync scope and the claims it is judged by, set when it subscribes to a scoped collection */
  scope?: { scope: SyncScope; claims: Readonly<Record<string, unknown>>; owner?: string | undefined };
  /** a stream's count of delivered events, set when it subscribes */
  stream?: ReturnType<SyncMonitor['streamOpened']>;
}

export interface ResolverDeps {
  collections: readonly SyncCollection[];
  storage: SyncStorage;
  pubsub: SyncPubSub;
  validators: Map<string, DocumentValidator>;
  maxPushBatch: number;
  maxPullLimit: number;
  streamBuffer: number;
  monitor: SyncMonitor;
  /** who may read the tenant's `syncMonitor` report */
  monitorRoles: readonly string[];
}

/**
 * The SDL for the collections: RxDB's own generator with the contract's settings, plus fields a stock client never
 * selects: a stream event's `previousCheckpoint`, the commit it follows, so a client can tell it missed one; a
 * pull's `remaining`, how many documents come after its page, so a first sign-in can show a count; and a pull's
 * `serverTime`, the tenant's clock before its page was read, which dates a pass of pulls from nothing (see
 * scoped-pull.ts). Plus the audit trail's query and a push row's optional `conflictResolution` flag (audit-log.ts),
 * which no stock client sends.
 */
export function replicationTypeDefs(collections: readonly SyncCollection[]): string {
  const generated = graphQLSchemaFromRxSchema(
    Object.fromEntries(collections.map((c) => [c.name, c.replication])),
  ).asString;
  const extensions = collections.map((c) => {
    const names = operationNames(c.name);
    return `extend type ${names.pullBulkType} { previousCheckpoint: ${names.checkpointType} remaining: Float serverTime: Float }`;
  });
  return [generated, ...extensions, MONITOR_TYPES, LOOKUP_TYPES, auditTypeDefs(collections)].join('\n');
}

/** Documents outside a device's scope, on demand (see @syncline/protocol's lookup.ts): each as its JSON text. */
const LOOKUP_TYPES = `
extend type Query {
  ${LOOKUP_FIELD}(collection: String!, ids: [String!], field: String, prefix: String, limit: Int): [String!]!
}`;

/** The tenant's sync monitoring report (see monitoring.ts): no stock client selects it. */
const MONITOR_TYPES = `
type SyncMonitorDevice {
  subject: String
  role: String!
  device: String
  firstSeenAt: Float!
  lastSeenAt: Float!
  lastPullAt: Float
  lastPushAt: Float
  documentsPulled: Float!
  documentsPushed: Float!
  refusedRows: Float!
  conflicts: Float!
  openStreams: Int!
}
type SyncMonitor {
  since: Float!
  openStreams: Int!
  documentsPulled: Float!
  documentsPushed: Float!
  refusedRows: Float!
  conflicts: Float!
  devices: [SyncMonitorDevice!]!
}
extend type Query {
  syncMonitor: SyncMonitor!
}`;

const callerOf = (principal: Principal, context: SyncContext): Caller => ({ ...principal, device: context.device });

function clientError(message: string, code: string, extensions: Record<string, unknown> = {}, status = 400) {
  return createGraphQLError(message, { extensions: { code, ...extensions, http: { status } } });
}

async function principalOf(context: SyncContext, headerToken?: string): Promise<Principal> {
  try {
    return await context.authenticate(headerToken);
  } catch (error) {
    if (error instanceof AuthError) {
      throw clientError(error.message, error.code, {}, error.code === 'FORBIDDEN' ? 403 : 401);
    }
    throw error;
  }
}

/**
 * Refuses a client that speaks another version of the collection's schema than the server serves, in words that
 * say who must update: its documents would not be the server's (fields missing, or unknown to it).
 */
function checkSchemaVersion(context: SyncContext, collection: SyncCollection): void {
  const theirs = context.schemaVersions?.[collection.name];
  const ours = collection.schema.version as number;
  if (theirs === undefined || theirs === ours) return;
  const message =
    theirs < ours
      ? `This app's ${collection.name} are schema version ${theirs}; the server serves version ${ours}. ` +
        `Update the app to sync ${collection.name}; changes made here stay on this device until then.`
      : `This app's ${collection.name} are schema version ${theirs}; the server still serves version ${ours}. ` +
        `Sync of ${collection.name} resumes once the server is updated; changes made here stay on this device.`;
  throw clientError(message, 'SCHEMA_MISMATCH', { collection: collection.name, client: theirs, server: ours }, 409);
}

/** The caller, who must be allowed to read the collection; with the fields its role does not receive. */
async function readerOf(context: SyncContext, collection: SyncCollection, headerToken?: string) {
  const principal = await principalOf(context, headerToken);
  checkSchemaVersion(context, collection);
  if (!can(collection.permissions, principal.role, 'read')) {
    const who = aRole(principal.role);
    throw clientError(
      `${who.charAt(0).toUpperCase()}${who.slice(1)} may not read ${collection.name}.`,
      'NOT_PERMITTED',
    );
  }
  return { ...principal, hidden: hiddenFields(collection.permissions, principal.role) };
}

/** A stream event's documents as a role that cannot see `hidden` receives them: one copy per event and role. */
const eventViews = new WeakMap<readonly PlainDocument[], Map<string, PlainDocument[]>>();
function documentsFor(documents: readonly PlainDocument[], hidden: readonly string[]) {
  if (hidden.length === 0) return documents;
  const views = eventViews.get(documents) ?? new Map<string, PlainDocument[]>();
  eventViews.set(documents, views);
  const key = hidden.join('\n');
  let view = views.get(key);
  if (!view) {
    view = documents.map((doc) => withoutFields(doc, hidden));
    views.set(key, view);
  }
  return view;
}

/**
 * What a pull or a stream of the collection keeps to, if the collection has a scope or its documents have owners
 * (then a person's own only: a scope of its own, or one keeping every document).
 */
function scopeOf(collection: SyncCollection, principal: Principal, freshSince: number | undefined) {
  const owner = collection.permissions?.owner;
  const scope = collection.sync?.scope ?? (owner === undefined ? undefined : everyDocument);
  if (!scope) return undefined;
  return { scope, context: { now: Date.now(), claims: principal.claims }, freshSince, owner };
}

const everyDocument: SyncScope = {};

/** Whether a query selects `field` of the answer (directly or through fragments). */
function selects(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, field: string): boolean {
  const within = (selectionSet: SelectionSetNode | undefined): boolean =>
    selectionSet?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === field;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      return within(info.fragments[selection.name.value]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => within(node.selectionSet));
}

/**
 * A stream event's documents as a device with the scope receives them, those out of it as removed: one copy per
 * event and set of claims, and the event's own list when every document is in scope.
 */
const scopedViews = new WeakMap<readonly PlainDocument[], Map<string, readonly PlainDocument[]>>();
function scopedDocuments(
  documents: readonly PlainDocument[],
  { scope, claims, owner }: NonNullable<SyncContext['scope']>,
): readonly PlainDocument[] {
  const views = scopedViews.get(documents) ?? new Map<string, readonly PlainDocument[]>();
  scopedViews.set(documents, views);
  const key = `${scopeClaimsKey(scope, claims)}${owner === undefined ? '' : `&owner=${JSON.stringify(claims.sub)}`}`;
  let view = views.get(key);
  if (!view) {
    const context = { now: Date.now(), claims };
    const sent = documents
      .filter((doc) => owner === undefined || ownsDocument({ owner }, claims.sub, doc))
      .map((doc) => (doc[DELETED] === true || inSyncScope(scope, doc, context) ? doc : asRemoved(doc)));
    view = sent.length === documents.length && sent.every((doc, index) => doc === documents[index]) ? documents : sent;
    views.set(key, view);
  }
  return view;
}

function checkpointOut(collection: SyncCollection, checkpoint: Checkpoint) {
  return { [collection.primaryKey]: checkpoint.id, [UPDATED_AT]: checkpoint.updatedAt };
}

function checkpointIn(collection: SyncCollection, raw: unknown): Checkpoint | null {
  if (!raw || typeof raw !== 'object') return null;
  const input = raw as Record<string, unknown>;
  return { id: String(input[collection.primaryKey] ?? ''), updatedAt: Number(input[UPDATED_AT] ?? 0) };
}

/** The served schema, and the plugins that execute it faster (see push-input.ts and pull-output.ts). */
export function createReplicationSchema(deps: ResolverDeps) {
  const { collections, storage, pubsub, validators, maxPushBatch, maxPullLimit, streamBuffer, monitor } = deps;
  const Query: Record<string, unknown> = {
    syncMonitor: async (_root: unknown, _args: unknown, context: SyncContext) => {
      const { tenant, role } = await principalOf(context);
      if (!deps.monitorRoles.includes(role)) {
        const roles = deps.monitorRoles.join(', ');
        throw clientError(`The sync monitor is for ${roles}; ${aRole(role)} may not read it.`, 'NOT_PERMITTED');
      }
      return monitor.report(tenant);
    },
  };
  const Mutation: Record<string, unknown> = {};
  const Subscription: Record<string, unknown> = {};

  for (const collection of collections) {
    const names = operationNames(collection.name);
    const validate = validators.get(collection.name);
    if (!validate) throw new Error(`No validator for collection "${collection.name}".`);

    Query[names.pullField] = async (
      _root: unknown,
      args: { checkpoint?: unknown; limit: number },
      context: SyncContext,
      info: GraphQLResolveInfo,
    ) => {
      const started = performance.now();
      const reader = await readerOf(context, collection);
      const { tenant, hidden } = reader;
      if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > maxPullLimit) {
        throw clientError(`limit must be a whole number from 1 to ${maxPullLimit}.`, 'BAD_USER_INPUT');
      }
      const after = checkpointIn(collection, args.checkpoint);
      const request = { tenant, collection: collection.name, after, limit: args.limit };
      const fresh = collection.sync?.scope || collection.permissions?.owner ? context.freshPull : undefined;
      // read before the page: whatever changes after this reading comes on a later page with a later updatedAt
      const clock = fresh === 'now' || selects(info, 'serverTime') ? await storage.clock(tenant) : undefined;
      const scoped = scopeOf(collection, reader, fresh === 'now' ? clock : fresh);
      const { rows, last } = scoped
        ? await scopedPull(storage, { ...request, ...scoped })
        : await storage.pull(request).then((rows) => ({ rows, last: rows.at(-1) }));
      monitor.pulled(callerOf(reader, context), collection.name, rows.length, (performance.now() - started) / 1000);
      // With nothing new, the client keeps its checkpoint (or starts from the beginning next time).
      const checkpoint = last ? { id: last.id, updatedAt: last.updatedAt } : (after ?? { id: '', updatedAt: 0 });
      const counted = { tenant, collection: collection.name, after: checkpoint };
      return {
        documents: rows.map((row) => withoutFields(row.data, hidden)),
        checkpoint: checkpointOut(collection, checkpoint),
        // counted only when selected (graphql-js calls a function it finds there): a client asks on its first pull
        remaining: () =>
          last ? (scoped ? countScoped(storage, { ...counted, ...scoped }) : storage.countAfter(counted)) : 0,
        serverTime: clock ?? null,
      };
    };

    const rowsArgument = names.pushVariable;
    Mutation[names.pushField] = async (_root: unknown, args: Record<string, unknown>, context: SyncContext) => {
      const started = performance.now();
      const principal = await principalOf(context);
      checkSchemaVersion(context, collection);
      const { tenant, role, sub } = principal;
      const caller = callerOf(principal, context);
      const given = (args[rowsArgument] ?? []) as Array<PushRow | null>;
      if (given.length > maxPushBatch) {
        throw clientError(
          `Too many rows in one push: ${given.length}, the limit is ${maxPushBatch}. Nothing was written; send smaller batches.`,
          'PUSH_BATCH_TOO_LARGE',
          { limit: maxPushBatch },
        );
      }
      const rows: PushRow[] = [];
      for (const [index, row] of given.entries()) {
        if (!row) throw clientError(`Push row ${index} is null. Nothing was written.`, 'BAD_USER_INPUT');
        const newDocumentState = stripNulls(row.newDocumentState);
        const problem = validate(newDocumentState);
        if (problem) {
          const id = String(newDocumentState[collection.primaryKey] ?? `(row ${index})`);
          context.log.info({ tenant, collection: collection.name, documentId: id, ...problem }, 'push rejected');
          monitor.refused(caller, collection.name, 'invalid');
          throw clientError(
            `Document "${id}" of ${collection.name} is invalid at ${problem.path || '/'}: ${problem.message}. ` +
              'Nothing of this push was written.',
            'INVALID_DOCUMENT',
            { documentId: id, path: problem.path },
          );
        }
        rows.push({
          newDocumentState,
          assumedMasterState: row.assumedMasterState ? stripNulls(row.assumedMasterState) : null,
          conflictResolution: row.conflictResolution === true,
        });
      }
      const outcome = await applyPush(storage, tenant, collection, rows, { role, sub }).catch((error: unknown) => {
        if (!(error instanceof PushRefusal)) throw error;
        context.log.info({ tenant, collection: collection.name, documentId: error.documentId, role }, 'push refused');
        monitor.refused(caller, collection.name, 'not_permitted');
        throw clientError(
          `Document "${error.documentId}" of ${collection.name}: ${error.message} Nothing of this push was written.`,
          'NOT_PERMITTED',
          { documentId: error.documentId },
        );
      });
      const outcomeCounts = { written: outcome.written.length, conflicts: outcome.conflicts.length };
      monitor.pushed(caller, collection.name, outcomeCounts, (performance.now() - started) / 1000);
      context.log.info(
        {
          tenant,
          collection: collection.name,
          rows: rows.length,
          written: outcome.written.length,
          conflicts: outcome.conflicts.length,
        },
        'push',
      );
      if (outcome.checkpoint) {
        // After the commit, never before: a stream must not announce what could still roll back.
        await pubsub.publish(tenant, {
          collection: collection.name,
          documents: outcome.written,
          checkpoint: outcome.checkpoint,
          previousCheckpoint: outcome.previousCheckpoint,
        });
      }
      return outcome.conflicts;
    };

    Subscription[names.streamField] = {
      subscribe: async (
        _root: unknown,
        args: { headers?: Record<string, unknown> | null },
        context: SyncContext,
      ): Promise<AsyncIterable<unknown>> => {
        const headerToken = args.headers?.Authorization;
        const principal = await readerOf(
          context,
          collection,
          typeof headerToken === 'string' ? headerToken : undefined,
        );
        const { tenant } = principal;
        context.hidden = principal.hidden;
        // a live device may hold any document: what leaves its scope reaches it as removed
        const scoped = scopeOf(collection, principal, undefined);
        if (scoped) context.scope = { scope: scoped.scope, claims: principal.claims, owner: scoped.owner };
        const stream = monitor.streamOpened(callerOf(principal, context));
        context.stream = stream;
        // a client that asked (STREAM_READY) is told once the stream listens, and pulls then
        const first = context.announceReady ? readyEvent(collection.name) : undefined;
        const changes = changeStream(pubsub, tenant, collection.name, { buffer: streamBuffer, first });
        if (first) await untilListening(pubsub, context);
        context.log.debug({ tenant, collection: collection.name }, 'stream started');
        const close = context.closeConnection;
        // a stream lives no longer than its token: the client reconnects with a fresh one
        const expiry = close
          ? closeAt(principal.validUntil, () =>
              close(STREAM_CLOSE.tokenExpired, 'Token expired: reconnect with a new one'),
            )
          : undefined;
        return mapStream(changes, context, () => {
          expiry?.cancel();
          stream.closed();
        });
      },
      resolve: (event: ChangeEvent, _args: unknown, context: SyncContext) => {
        if (event.documents.length > 0) context.stream?.delivered();
        const inScope = context.scope ? scopedDocuments(event.documents, context.scope) : event.documents;
        return {
          documents: documentsFor(inScope, context.hidden ?? []),
          checkpoint: checkpointOut(collection, event.checkpoint),
          previousCheckpoint: event.previousCheckpoint ? checkpointOut(collection, event.previousCheckpoint) : null,
        };
      },
    };
  }

  const byName = new Map(collections.map((collection) => [collection.name, collection]));
  Query[AUDIT_LOG_FIELD] = async (_root: unknown, args: AuditLogArgs, context: SyncContext) => {
    const collection = byName.get(args.collection);
    if (!collection) throw clientError(`There is no collection "${args.collection}".`, 'BAD_USER_INPUT');
    const { tenant, hidden } = await readerOf(context, collection);
    if (collection.permissions?.owner !== undefined) {
      throw clientError(
        `The audit trail of ${collection.name} is not served: each document is one person's own.`,
        'NOT_PERMITTED',
      );
    }
    const request = auditRequest(tenant, args);
    if (typeof request === 'string') throw clientError(request, 'BAD_USER_INPUT');
    return auditPage(await storage.auditLog(request), request, hidden);
  };

  Query[LOOKUP_FIELD] = async (_root: unknown, args: LookupRequest & { collection: string }, context: SyncContext) => {
    const collection = byName.get(args.collection);
    if (!collection) throw clientError(`There is no collection "${args.collection}".`, 'BAD_USER_INPUT');
    const { tenant, hidden } = await readerOf(context, collection);
    const { ids, field, prefix } = args;
    const limit = args.limit ?? DEFAULT_LOOKUP;
    const problem = lookupProblem({ ids, field, prefix, limit }, collection.schema.properties as never);
    if (problem) throw clientError(`${problem} Nothing was looked up.`, 'BAD_USER_INPUT');
    // a field the role may not read is not one it may search by either
    if (field && hidden.includes(field)) {
      throw clientError(`"${field}" is not a field your role may read; nothing was looked up.`, 'NOT_PERMITTED');
    }
    const rows = await storage.lookup({ tenant, collection: collection.name, ids, field, prefix, limit });
    return rows.map((row) => JSON.stringify(withoutFields(row.data, hidden)));
  };

  const typeDefs = replicationTypeDefs(collections);
  const resolvers = { Query, Mutation, Subscription };
  const schema = createSchema<SyncContext>({ typeDefs, resolvers });
  const rows = collections.map((collection) => {
    const names = operationNames(collection.name);
    return { type: names.pushRowInputType, argument: names.pushVariable };
  });
  const answers = (field: 'pullField' | 'streamField') =>
    collections.map((collection) => {
      const names = operationNames(collection.name);
      return { field: names[field], bulkType: names.pullBulkType };
    });
  const getType = (name: string) => schema.getType(name);
  return {
    schema,
    plugins: [
      onePushPerOperationPlugin(),
      pushInputPlugin({ getType, typeDefs, resolvers, rows }),
      pullOutputPlugin({ getType, typeDefs, resolvers, pulls: answers('pullField'), streams: answers('streamField') }),
    ],
  };
}

/** A stream's first event for a client that asked to be told when it listens: no documents, the start checkpoint. */
function readyEvent(collection: string): ChangeEvent {
  return { collection, documents: [], checkpoint: { id: '', updatedAt: 0 }, previousCheckpoint: null };
}

/**
 * Waits until the bus hears the stream's tenant (a distributed bus confirms with its broker), at most
 * `LISTENING_WAIT_MS`: while the broker is away the stream starts anyway, and its return makes every client resync.
 */
async function untilListening(pubsub: SyncPubSub, context: SyncContext): Promise<void> {
  if (!pubsub.listening) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), LISTENING_WAIT_MS);
  });
  const outcome = await Promise.race([
    pubsub.listening().then(
      () => 'listening' as const,
      () => 'late' as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (outcome === 'late') context.log.warn('the change bus did not confirm a stream in time: it starts anyway');
}

const LISTENING_WAIT_MS = 5_000;

/** Runs `action` at `time` (ms since the epoch), in steps a timer can take; never keeps the process alive. */
function closeAt(time: number, action: () => void): { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    const wait = time - Date.now();
    if (wait <= 0) return action();
    // setTimeout takes at most 2^31 - 1 ms (about 24 days): a longer token is re-armed on the way
    timer = setTimeout(arm, Math.min(wait, 2 ** 31 - 1));
    timer.unref?.();
  };
  arm();
  return { cancel: () => clearTimeout(timer) };
}

/**
 * Passes events through; on overflow, a ws client is disconnected so it reconnects and RESYNCs. Ending it (the
 * client unsubscribes or goes away) ends the source and runs `onEnd` at once, even while it waits for an event (an
 * async generator would wait for that event before it could end).
 */
export function mapStream<T>(
  source: AsyncIterableIterator<T>,
  context: SyncContext,
  onEnd?: () => void,
): AsyncIterableIterator<T> {
  let ended = false;
  const done = { value: undefined, done: true } as const;
  const end = async () => {
    if (ended) return;
    ended = true;
    onEnd?.();
    await source.return?.();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (ended) return done;
      try {
        const step = await source.next();
        if (step.done) await end();
        return step;
      } catch (error) {
        await end();
        if (error instanceof StreamOverflowError && context.closeConnection) {
          context.log.warn('stream fell behind: closing the connection so the client resyncs');
          context.closeConnection(STREAM_CLOSE.fellBehind, 'Stream fell behind: reconnect and resync');
          return done;
        }
        throw error;
      }
    },
    async return() {
      await end();
      return done;
    },
    async throw(error?: unknown) {
      await end();
      throw error;
    },
  };
}
