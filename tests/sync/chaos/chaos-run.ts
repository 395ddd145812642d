// One seeded chaos run: several Syncline clients (createSynclineDatabase + startReplication, memory storage) edit
// overlapping documents against a real `syncline-server` process, each through its own fault-injecting proxy,
// while their transport duplicates pushes and loses answers, and the server is SIGKILLed and restarted. Then
// everything heals and the run checks what clients see: convergence with the server, no acknowledged write
// lost, and every value that lost a `manual` merge kept in a conflict record.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type ConflictRecord,
  createSynclineDatabase,
  jsonEqual,
  mergeDocuments,
  type SynclineReplication,
  sameDocumentState,
  startReplication,
  stripNulls,
  syncStateCollectionName,
} from '@syncline/data';
import { createRandom } from '@syncline/domain';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import type { ServerProcess } from '../../support/server-process';
import { itemRules, itemSchema } from '../items';

type Doc = Record<string, unknown>;
type PushRow = { assumedMasterState?: Doc; newDocumentState: Doc };

export interface ChaosOptions {
  clients: number;
  steps: number;
  /** chance that this run SIGKILLs the server once */
  killChance: number;
  /** documents shared by all clients */
  documents: number;
  /** chance that this run’s clients get 1 s tokens (the server ends their streams as each expires) */
  tokenExpiryChance: number;
  /** chance that this run restarts the server's Redis once (when the server fans out through one) */
  redisRestartChance: number;
}

/** The server's Redis, for runs that restart it. */
export interface ChaosRedis {
  /** stops Redis, waits `downMs`, starts it again on the same port */
  restart(downMs: number): Promise<void>;
}

export interface ChaosResult {
  seed: number;
  operations: number;
  faults: Record<string, number>;
  converged: boolean;
  /** documents whose server state is not the last acknowledged write (or one that may have raced it) */
  lostWrites: string[];
  /** manual-merge losers with no conflict record */
  unrecordedLosers: string[];
  /** documents where a client and the server differ after quiescence */
  divergent: string[];
  conflictRecords: number;
  acknowledgedWrites: number;
  durationMs: number;
  error?: string;
}

/** A push row as sent, and what became of it. */
interface Write {
  client: number;
  id: string;
  state: Doc;
  sentAt: number;
  /** when the answer came back (or the request failed) */
  settledAt: number;
  outcome: 'acknowledged' | 'unknown' | 'conflict';
}

interface Loser {
  /** when the push carrying the losing value was sent */
  sentAt: number;
  /** when its answer came back */
  settledAt: number;
  client: number;
  id: string;
  fields: string[];
  local: Doc;
  server: Doc;
}

export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), ms);
    }),
  ]);
}

/** A comparable document: no server clock, no nulls, `_deleted` explicit. */
function comparable(doc: Doc): Doc {
  const { updatedAt: _clock, _meta, _rev, _attachments, ...rest } = stripNulls(doc);
  return { ...rest, _deleted: Boolean(rest._deleted) };
}

export async function runChaos(
  server: ServerProcess,
  seed: number,
  options: ChaosOptions,
  redis?: ChaosRedis,
): Promise<ChaosResult> {
  const started = Date.now();
  const random = createRandom(seed);
  // the faults added later draw from a sequence of their own, so every seed's older schedule stays as it was
  const later = createRandom(seed * 7919 + 1);
  const shortTokens = later() < options.tokenExpiryChance;
  const redisAt = redis && later() < options.redisRestartChance ? Math.floor(later() * options.steps) : -1;
  const redisDownFor = Math.floor(later() * 800);
  const tenant = `chaos-${seed}-${started.toString(36)}`;
  const faults: Record<string, number> = {
    duplicatedPush: 0,
    lostAnswer: 0,
    pause: 0,
    sigkill: 0,
    shortTokens: shortTokens ? 1 : 0,
    redisRestart: 0,
  };
  const writes: Write[] = [];
  const losers: Loser[] = [];
  let clock = 0;
  /** `${client}|${id}` -> the states the server took from that client (answers the client saw) */
  const takenFrom = new Map<string, Doc[]>();
  /** `${client}|${id}` -> clock of that client's last local write of the document */
  const localWrites = new Map<string, number>();
  const proxies: FaultProxy[] = [];
  const clients: Array<{
    index: number;
    database: Awaited<ReturnType<typeof createSynclineDatabase>>;
    replication: SynclineReplication;
    paused: boolean;
  }> = [];
  let restarting: Promise<void> | undefined;
  let redisRestarting: Promise<void> | undefined;
  let operations = 0;
  /** SYNCLINE_CHAOS_TRACE=<document id> (or `*` for all): print every step that touches it */
  const traced = process.env.SYNCLINE_CHAOS_TRACE;
  const trace = (id: string, line: () => string) => {
    if (traced === id || traced === '*') console.info(`[${clock}] ${id} ${line()}`);
  };

  /** The client's own current state of a document, straight from its storage (deleted ones included). */
  const currentLocal = async (index: number, id: string): Promise<Doc | undefined> => {
    const items = clients[index]?.database.collections.items;
    const [doc] = (await items?.storageInstance.findDocumentsById([id], true)) ?? [];
    return doc as Doc | undefined;
  };

  /**
   * The base the client merges on when a row goes without an assumed state (RxDB lost its record of the server's
   * state, say an answer dropped on a pause): the server state its pending edit started from, as the device keeps it
   * (the sync state's `baseJson`). Read when the push leaves: an acknowledgement removes it.
   */
  const keptBase = async (index: number, id: string): Promise<Doc | undefined> => {
    const states = clients[index]?.database.collections[syncStateCollectionName];
    const json = (await states?.findOne(`items|${id}`).exec())?.get('baseJson');
    return typeof json === 'string' ? (JSON.parse(json) as Doc) : undefined;
  };

  /** The client's fetch: sees every push and its answer, and sometimes duplicates it or loses the answer. */
  const instrumentedFetch = (client: number, chance: () => number): typeof fetch => {
    return async (input, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { query: string; variables: Record<string, unknown> };
      const rows = body.variables.itemsPushRow as PushRow[] | undefined;
      const roll = chance();
      const record = (sent: PushRow[], sentAt: number, settledAt: number, outcome: Write['outcome']) => {
        for (const row of sent) {
          const id = String(row.newDocumentState.id);
          writes.push({ client, id, state: comparable(row.newDocumentState), sentAt, settledAt, outcome });
        }
      };
      const once = async (delivered: boolean) => {
        const sentAt = ++clock;
        const bases = new Map<string, Doc | undefined>();
        for (const row of rows ?? []) {
          if (!row.assumedMasterState)
            bases.set(String(row.newDocumentState.id), await keptBase(client, String(row.newDocumentState.id)));
        }
        try {
          const response = await fetch(input, init);
          const text = await response.text();
          const settledAt = ++clock;
          if (rows) {
            const answer = JSON.parse(text) as { data?: { pushItems?: Doc[] }; errors?: unknown[] };
            const conflicts = answer.data?.pushItems;
            if (!answer.errors && conflicts) {
              const conflicted = new Map(conflicts.map((doc) => [String(doc.id), stripNulls(doc)]));
              for (const row of rows) {
                const id = String(row.newDocumentState.id);
                const server = conflicted.get(id);
                record([row], sentAt, settledAt, server ? 'conflict' : 'acknowledged');
                if (!server && delivered) {
                  const key = `${client}|${id}`;
                  takenFrom.set(key, [...(takenFrom.get(key) ?? []), stripNulls(row.newDocumentState)]);
                }
                trace(
                  id,
                  () =>
                    `client ${client} push ${delivered ? '' : '(answer dropped) '}assumed ${JSON.stringify(row.assumedMasterState ?? null)} new ${JSON.stringify(row.newDocumentState)} -> ${server ? `conflict ${JSON.stringify(server)}` : 'ok'}`,
                );
                if (server && delivered) {
                  // the base the client's merge uses: RxDB's assumed state, else the one the device kept
                  const base = row.assumedMasterState ? stripNulls(row.assumedMasterState) : bases.get(id);
                  const local = stripNulls(row.newDocumentState);
                  const { manualFields } = mergeDocuments({ base, local, server }, itemRules);
                  // the person wrote the document again after the push read it (the write may have started
                  // before the push left): their own newer value replaced the pushed one, and it is the newer
                  // value that meets the conflict when it is pushed
                  const now = await currentLocal(client, id);
                  const superseded = now !== undefined && !sameDocumentState(now, local);
                  // the very state the server already took from this client, pushed again from an older assumed
                  // state (RxDB dropped the answer, say on a pause): what the server holds came after it
                  const repushed = (takenFrom.get(`${client}|${id}`) ?? []).some((taken) =>
                    sameDocumentState(taken, local),
                  );
                  if (manualFields.length > 0 && !superseded && !repushed) {
                    losers.push({ sentAt, settledAt, client, id, fields: manualFields, local, server });
                  }
                }
              }
            } else record(rows, sentAt, settledAt, 'unknown');
          }
          return new Response(text, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          });
        } catch (error) {
          record(rows ?? [], sentAt, ++clock, 'unknown');
          throw error;
        }
      };
      if (rows && roll < 0.08) {
        // a push sent twice (a retry after a timeout that was not one): the server must take it once
        faults.duplicatedPush = (faults.duplicatedPush ?? 0) + 1;
        await once(false).catch(() => undefined);
        return once(true);
      }
      if (rows && roll < 0.16) {
        // the server answers, the answer is lost on the way back: the client must retry and lose nothing
        faults.lostAnswer = (faults.lostAnswer ?? 0) + 1;
        await once(false);
        throw new TypeError('fetch failed (chaos: the answer was lost)');
      }
      return once(true);
    };
  };

  const result: ChaosResult = {
    seed,
    operations: 0,
    faults,
    converged: false,
    lostWrites: [],
    unrecordedLosers: [],
    divergent: [],
    conflictRecords: 0,
    acknowledgedWrites: 0,
    durationMs: 0,
  };

  const serverDocs = async (): Promise<Map<string, Doc>> => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(tenant)}` },
      body: JSON.stringify({
        query:
          'query { pullItems(checkpoint: null, limit: 1000) { documents { id title qty tags note editedAt updatedAt _deleted } } }',
      }),
    });
    const body = (await response.json()) as { data: { pullItems: { documents: Doc[] } } };
    return new Map(body.data.pullItems.documents.map((doc) => [String(doc.id), stripNulls(doc)]));
  };

  const clientDocs = async (index: number): Promise<Map<string, Doc>> => {
    const docs = await (clients[index]?.database.collections.items?.find().exec() ?? []);
    return new Map(
      docs.map((doc: { toJSON(withMetaFields: true): unknown }) => {
        const { _meta, _rev, _attachments, ...plain } = doc.toJSON(true) as Doc;
        return [String(plain.id), stripNulls({ ...plain, _deleted: false })];
      }),
    );
  };

  try {
    for (let index = 0; index < options.clients; index++) {
      const proxy = await startFaultProxy({
        targetPort: server.port,
        random: createRandom(seed * 31 + index),
        lifetimeMs: 10 * 60_000,
      });
      proxies.push(proxy);
      const database = await createSynclineDatabase({
        name: `chaos${seed}x${index}x${started.toString(36)}`,
        collections: { items: itemSchema },
        mergeRules: { items: itemRules },
      });
      const replication = startReplication({
        database,
        url: `http://127.0.0.1:${proxy.port}/graphql`,
        wsUrl: `ws://127.0.0.1:${proxy.port}/graphql`,
        token: () => server.token(tenant, `operator-${index}`, shortTokens ? '1s' : '2h'),
        backoff: { initialMs: 30, maxMs: 400 },
        requestTimeoutMs: 1500,
        fetch: instrumentedFetch(index, createRandom(seed * 17 + index)),
      });
      clients.push({ index, database, replication, paused: false });
    }

    const ids = Array.from({ length: options.documents }, (_, i) => `item-${i}`);
    const tagPool = ['red', 'blue', 'green', 'urgent', 'fragile'];
    const killAt = random() < options.killChance ? Math.floor(random() * options.steps) : -1;

    for (let step = 0; step < options.steps; step++) {
      const client = clients[Math.floor(random() * clients.length)];
      if (!client) continue;
      const items = client.database.collections.items;
      if (!items) throw new Error('no items collection');
      const id = ids[Math.floor(random() * ids.length)] as string;
      const roll = random();
      const existing = await items.findOne(id).exec();
      operations += 1;
      localWrites.set(`${client.index}|${id}`, ++clock);
      trace(id, () => `step ${step} client ${client.index} roll ${roll.toFixed(2)} exists ${Boolean(existing)}`);
      if (!existing && roll < 0.85) {
        await items.insert({
          id,
          title: `created by ${client.index} at ${step}`,
          qty: Math.floor(random() * 10),
          tags: [tagPool[Math.floor(random() * tagPool.length)] as string],
          note: `note ${step}`,
        });
      } else if (existing && roll < 0.8) {
        const field = Math.floor(random() * 4);
        const value = Math.floor(random() * 20);
        await existing.incrementalModify((doc: Doc) => {
          if (field === 0) doc.title = `title ${client.index}.${step}`;
          if (field === 1) doc.qty = value;
          if (field === 2) {
            const tags = new Set((doc.tags as string[] | undefined) ?? []);
            const tag = tagPool[value % tagPool.length] as string;
            if (tags.has(tag)) tags.delete(tag);
            else tags.add(tag);
            doc.tags = [...tags];
          }
          if (field === 3) doc.note = `note ${client.index}.${step}`;
          return doc as never;
        });
      } else if (existing) {
        await existing.remove();
      }

      // the network and the server misbehave
      const fault = random();
      const proxy = proxies[Math.floor(random() * proxies.length)];
      const forMs = 100 + Math.floor(random() * 1200);
      if (fault < 0.04) proxy?.fault('drop', forMs);
      else if (fault < 0.07) proxy?.fault('half-open', forMs);
      else if (fault < 0.1) proxy?.fault('delay', forMs);
      else if (fault < 0.13) proxy?.reset();
      else if (fault < 0.16 && !client.paused) {
        faults.pause = (faults.pause ?? 0) + 1;
        client.paused = true;
        await client.replication.pause();
        if (traced) console.info(`[${clock}] client ${client.index} paused for ${forMs} ms`);
        setTimeout(() => {
          if (!client.paused) return;
          client.paused = false;
          void client.replication.resume().catch(() => undefined);
        }, forMs).unref();
      }
      if (step === redisAt && redis) {
        faults.redisRestart = (faults.redisRestart ?? 0) + 1;
        if (traced) console.info(`[${clock}] Redis restarts, down for ${redisDownFor} ms`);
        redisRestarting = redis.restart(redisDownFor);
      }
      if (step === killAt && !restarting) {
        faults.sigkill = (faults.sigkill ?? 0) + 1;
        const downFor = Math.floor(random() * 500);
        restarting = server.kill().then(async () => {
          await wait(downFor);
          await server.start();
        });
      }
      await wait(Math.floor(random() * 40));
    }

    // --- quiescence: the network heals, the server is up, every client resumes and syncs
    await restarting;
    await redisRestarting;
    for (const proxy of proxies) proxy.heal();
    for (const client of clients) {
      if (client.paused) {
        client.paused = false;
        await client.replication.resume();
      }
    }
    const deadline = Date.now() + 60_000;
    let settled = false;
    while (!settled && Date.now() < deadline) {
      await Promise.all(clients.map((client) => withTimeout(client.replication.syncNow(), 10_000)));
      await Promise.all(clients.map((client) => withTimeout(client.replication.awaitInSync(), 10_000)));
      const onServer = await serverDocs();
      const live = [...onServer.values()].filter((doc) => !doc._deleted);
      settled = true;
      result.divergent = [];
      for (const client of clients) {
        const local = await clientDocs(client.index);
        const pending = client.replication.store.getState().pendingCount;
        const same =
          pending === 0 && local.size === live.length && live.every((doc) => jsonEqual(local.get(String(doc.id)), doc));
        if (!same) {
          settled = false;
          for (const doc of live) {
            if (!jsonEqual(local.get(String(doc.id)), doc)) {
              result.divergent.push(
                `client ${client.index}: ${doc.id} holds ${JSON.stringify(local.get(String(doc.id)) ?? null)}, the server ${JSON.stringify(doc)}`,
              );
            }
          }
          for (const id of local.keys())
            if (!onServer.get(id) || onServer.get(id)?._deleted)
              result.divergent.push(`client ${client.index}: ${id} (not on the server)`);
          if (pending > 0) {
            const records = await client.database.collections.syncstate?.find().exec();
            const what = (records ?? []).map((record: { toJSON(): unknown }) => JSON.stringify(record.toJSON()));
            result.divergent.push(`client ${client.index}: ${pending} pending ${what.join(' ')}`);
          }
        }
      }
      if (!settled) await wait(300);
    }
    result.converged = settled;

    // --- no acknowledged write lost: each document's server state is its last acknowledged write, or a write
    // that may have raced it (in flight when it was sent)
    const onServer = await serverDocs();
    const byId = new Map<string, Write[]>();
    for (const write of writes) {
      if (write.outcome === 'conflict') continue;
      byId.set(write.id, [...(byId.get(write.id) ?? []), write]);
    }
    result.acknowledgedWrites = writes.filter((write) => write.outcome === 'acknowledged').length;
    for (const [id, list] of byId) {
      const acknowledged = list.filter((write) => write.outcome === 'acknowledged');
      const candidates = list.filter((write) => !acknowledged.some((later) => later.sentAt > write.settledAt));
      const stored = onServer.get(id);
      if (!stored) {
        if (acknowledged.length > 0) result.lostWrites.push(`${id}: acknowledged but absent on the server`);
        continue;
      }
      const state = comparable(stored);
      if (!candidates.some((write) => sameDocumentState(write.state, state))) {
        result.lostWrites.push(
          `${id}: the server holds ${JSON.stringify(state)}, the last acknowledged writes were ${JSON.stringify(candidates.map((w) => w.state))}`,
        );
      }
    }
    for (const id of onServer.keys()) {
      if (!byId.has(id)) result.lostWrites.push(`${id}: on the server, but nobody pushed it`);
    }

    // --- every value that lost a manual merge is in a conflict record on the client that wrote it
    for (const loser of losers) {
      // written again on that client after the push left: the person's own later write superseded the value
      // (a conflict answer that arrives while paused is dropped by RxDB and the newer state pushed instead;
      // a write that landed before the answer came back is caught when the answer is read)
      if ((localWrites.get(`${loser.client}|${loser.id}`) ?? 0) > loser.sentAt) continue;
      // the same state pushed again later: RxDB did not take that answer (it drops one that arrives while the
      // replication is paused), so the later push's own answer is the one that counts
      const pushedAgain = writes.some(
        (write) =>
          write.client === loser.client &&
          write.id === loser.id &&
          write.sentAt > loser.settledAt &&
          sameDocumentState(write.state, loser.local),
      );
      if (pushedAgain) continue;
      const database = clients[loser.client]?.database;
      const records = ((await database?.collections.conflicts?.find({ selector: { documentId: loser.id } }).exec()) ??
        []) as Array<{ toJSON(): ConflictRecord }>;
      const kept = records.some((record) => {
        const json = record.toJSON();
        return loser.fields.every(
          (field) =>
            field === '_deleted' || (jsonEqual(json.local[field], loser.local[field]) && json.fields.includes(field)),
        );
      });
      if (!kept) {
        const seen = records.map((record) => {
          const json = record.toJSON();
          return { fields: json.fields, local: json.local.title, server: json.server.title, base: json.base?.title };
        });
        result.unrecordedLosers.push(
          `client ${loser.client}: ${loser.id} ${loser.fields.join(', ')}: local ${JSON.stringify(loser.local)} ` +
            `server ${JSON.stringify(loser.server)}; records ${JSON.stringify(seen)}`,
        );
      }
    }
    for (const client of clients) {
      // records a person has to decide; a merge settled by rules alone is recorded too, with no fields
      const records = ((await client.database.collections.conflicts?.find().exec()) ?? []) as Array<{
        toJSON(): ConflictRecord;
      }>;
      result.conflictRecords += records.filter((record) => record.toJSON().fields.length > 0).length;
    }
  } catch (error) {
    result.error =
      error instanceof Error
        ? (error.stack ?? error.message)
        : `${(error as object)?.constructor?.name}: ${JSON.stringify(error) ?? String(error)} ${new Error('thrown at').stack}`.slice(
            0,
            2000,
          );
  } finally {
    await restarting?.catch(() => undefined);
    if (!server.running) await server.start();
    for (const client of clients) {
      await client.replication.stop().catch(() => undefined);
      await client.database.remove().catch(() => undefined);
    }
    for (const proxy of proxies) {
      await proxy.close();
      faults.proxyDrop = (faults.proxyDrop ?? 0) + proxy.faults.drop;
      faults.proxyHalfOpen = (faults.proxyHalfOpen ?? 0) + proxy.faults.halfOpen;
      faults.proxyDelay = (faults.proxyDelay ?? 0) + proxy.faults.delay;
      faults.proxyReset = (faults.proxyReset ?? 0) + proxy.faults.reset;
    }
    result.operations = operations;
    result.durationMs = Date.now() - started;
  }
  return result;
}

export function chaosPassed(result: ChaosResult): boolean {
  return !result.error && result.converged && result.lostWrites.length === 0 && result.unrecordedLosers.length === 0;
}

export const replayCommand = (seed: number) => `SYNCLINE_CHAOS_SEED=${seed} pnpm vitest run --project sync chaos`;

/** A long run's closing lines: every seed passed, or the failed ones with the command that replays each. */
export function seedsOutcome(failed: readonly number[], replay: (seed: number) => string): string {
  if (failed.length === 0) return 'Every seed passed.';
  return ['## Failed seeds', '', ...failed.map((seed) => `- seed ${seed}: \`${replay(seed)}\``)].join('\n');
}

/** Writes a long run's markdown report to results/<file> beside the chaos suites. */
export function writeChaosReport(file: string, lines: readonly string[]): void {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'results', file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.join('\n'));
  console.info(`chaos report written to ${path}`);
}
