// One seeded chaos run for sync scopes: site devices (each token names a site; a device keeps the open items of its
// site) tag items while going offline and back, a planning writer moves items between sites and closes or reopens
// them behind their backs, a device's token switches site while it is offline with edits pending, and the network
// and the server misbehave (proxy drops, resets and half-open connections, lost answers, duplicated pushes, a server
// SIGKILL, short tokens). Then everything heals and the run checks what the devices see: every write a device made
// is on the server, no delete was ever sent, and each device holds exactly its scope on the server, as the server
// holds it. The seeded random, the fault proxy and the server process are chaos-run.ts's.

import {
  createSynclineDatabase,
  jsonEqual,
  type SynclineReplication,
  startReplication,
  stripNulls,
} from '@syncline/data';
import { createRandom } from '@syncline/domain';
import { storedDocuments } from '../../support/database-fingerprint';
import { type FaultProxy, startFaultProxy } from '../../support/fault-proxy';
import type { ServerProcess } from '../../support/server-process';
import { itemRules, type SiteItem, siteItemSchema } from '../items';
import { wait, withTimeout } from './chaos-run';

type Doc = Record<string, unknown>;

export interface ScopeChaosOptions {
  /** devices with a site claim */
  devices: number;
  steps: number;
  /** open items on the server before the devices start, spread over the sites */
  items: number;
  /** chance that this run SIGKILLs the server once */
  killChance: number;
  /** chance that this run's devices get 1 s tokens */
  tokenExpiryChance: number;
}

export const SITES = ['north', 'south', 'east'] as const;

export interface ScopeChaosResult {
  seed: number;
  operations: number;
  faults: Record<string, number>;
  /** writes the devices made (a tag added or an item created), offline ones among them */
  writes: number;
  offlineWrites: number;
  /** tokens that switched site while their device was offline with an edit pending */
  siteSwitches: number;
  /** items the writer moved to another site or closed (each leaves some device's scope) */
  scopeExits: number;
  converged: boolean;
  /** writes a device made that are not on the server */
  lostWrites: string[];
  /** push rows that removed a document (nobody deletes in this run: a scope exit sent as a delete) */
  deletesSent: string[];
  /** documents a device holds that are not in its scope on the server */
  outOfScopeLeft: string[];
  /** documents in a device's scope on the server that it does not hold */
  inScopeMissing: string[];
  /** documents a device holds in another state than the server's, or pending changes left */
  divergent: string[];
  /** the last steps, for a failing seed */
  events: string[];
  durationMs: number;
  error?: string;
}

/** A write a device made: the tag it added to (or created) an item with. */
interface Mark {
  device: string;
  id: string;
  tag: string;
}

interface Device {
  name: string;
  site: string;
  offline: boolean;
  proxy: FaultProxy;
  database: Awaited<ReturnType<typeof openDatabase>>;
  replication: SynclineReplication;
}

const openDatabase = (name: string) =>
  createSynclineDatabase({
    name,
    collections: { items: siteItemSchema },
    mergeRules: { items: itemRules },
    multiInstance: false,
  });

export async function runScopeChaos(
  server: ServerProcess,
  seed: number,
  options: ScopeChaosOptions,
): Promise<ScopeChaosResult> {
  const started = Date.now();
  const random = createRandom(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const tenant = `scope-chaos-${seed}-${started.toString(36)}`;
  const shortTokens = random() < options.tokenExpiryChance;
  const killAt = random() < options.killChance ? Math.floor(random() * options.steps) : -1;
  const faults: Record<string, number> = {
    sigkill: 0,
    shortTokens: shortTokens ? 1 : 0,
    offline: 0,
    lostAnswer: 0,
    duplicatedPush: 0,
  };
  const result: ScopeChaosResult = {
    seed,
    operations: 0,
    faults,
    writes: 0,
    offlineWrites: 0,
    siteSwitches: 0,
    scopeExits: 0,
    converged: false,
    lostWrites: [],
    deletesSent: [],
    outOfScopeLeft: [],
    inScopeMissing: [],
    divergent: [],
    events: [],
    durationMs: 0,
  };
  const marks: Mark[] = [];
  const devices: Device[] = [];
  let restarting: Promise<void> | undefined;
  const log = (line: string) => {
    result.events.push(line);
    if (result.events.length > 60) result.events.shift();
  };

  /** The device's fetch: sees every push row, and sometimes loses the answer or sends the push twice. */
  const watchedFetch = (name: string, chance: () => number): typeof fetch => {
    return async (input, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as { variables?: Record<string, unknown> };
      const rows = body.variables?.itemsPushRow as Array<{ newDocumentState: Doc }> | undefined;
      for (const row of rows ?? []) {
        if (row.newDocumentState._deleted) result.deletesSent.push(`${name} pushed ${row.newDocumentState.id} removed`);
      }
      const roll = chance();
      if (rows && roll < 0.08) {
        // the server answers, the answer is lost on the way back: the device must send it again
        faults.lostAnswer = (faults.lostAnswer ?? 0) + 1;
        await fetch(input, init).then((response) => response.text());
        throw new TypeError('fetch failed (scope chaos: the answer was lost)');
      }
      if (rows && roll < 0.16) {
        // a push sent twice: the server must take it once
        faults.duplicatedPush = (faults.duplicatedPush ?? 0) + 1;
        await fetch(input, init)
          .then((response) => response.text())
          .catch(() => undefined);
      }
      return fetch(input, init);
    };
  };

  /** What the server holds, read from its SQLite file: no token's scope hides a closed item. */
  const serverDocs = async (): Promise<Map<string, Doc>> => {
    const stored = storedDocuments(server.dbPath, tenant, 'items');
    return new Map([...stored].map(([id, doc]) => [id, stripNulls(doc)]));
  };

  /** The planning writer: plain pushes straight to the server. False when it was not taken (server down, a race). */
  const writeDirect = async (rows: Array<{ newDocumentState: Doc; assumedMasterState?: Doc }>) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token(tenant)}` },
      body: JSON.stringify({
        query: 'mutation($rows: [ItemsInputPushRow!]) { pushItems(itemsPushRow: $rows) { id } }',
        variables: { rows },
      }),
    }).catch(() => undefined);
    const body = (await response?.json().catch(() => undefined)) as { data?: { pushItems: unknown[] } } | undefined;
    return body?.data?.pushItems?.length === 0;
  };

  /** The writer changes one field of an item as the server holds it now. */
  const changeOnServer = async (doc: Doc, patch: Doc) => {
    const { updatedAt: _clock, ...stored } = doc;
    const base = { ...stored, _deleted: false };
    return writeDirect([{ assumedMasterState: base, newDocumentState: { ...base, ...patch, editedAt: Date.now() } }]);
  };

  const heldDocs = async (device: Device): Promise<Map<string, Doc>> => {
    const docs = await device.database.items.find().exec();
    return new Map(
      docs.map((doc) => {
        const { _meta, _rev, _attachments, ...plain } = doc.toJSON(true) as Doc;
        return [String(plain.id), stripNulls({ ...plain, _deleted: false })];
      }),
    );
  };

  /** A device adds a tag of its own to an item it holds (the tags merge as a set, so every tag must stay). */
  const tagHeld = async (device: Device, step: number) => {
    const held = [...(await heldDocs(device)).keys()].sort();
    const id = pick(held);
    const doc = id ? await device.database.items.findOne(id).exec() : null;
    if (!id || !doc) return false;
    const tag = `${device.name}.${step}`;
    // the schema is declared `as const`: its optional fields (tags) are not in the inferred document type
    await doc.incrementalModify((data) => {
      const item = data as unknown as SiteItem;
      return { ...item, tags: [...(item.tags ?? []), tag] } as never;
    });
    marks.push({ device: device.name, id, tag });
    result.writes += 1;
    if (device.offline) result.offlineWrites += 1;
    log(`${step}: ${device.name} (${device.site}${device.offline ? ', offline' : ''}) tags ${id}`);
    return true;
  };

  const goOffline = async (device: Device, step: number) => {
    if (device.offline) return;
    device.offline = true;
    faults.offline = (faults.offline ?? 0) + 1;
    await device.replication.pause();
    log(`${step}: ${device.name} goes offline`);
  };

  const comeBack = async (device: Device, step: number) => {
    if (!device.offline) return;
    device.offline = false;
    await device.replication.resume();
    log(`${step}: ${device.name} comes back (${device.site})`);
  };

  try {
    const opening = Array.from({ length: options.items }, (_, n) => ({
      newDocumentState: {
        id: `item-${String(n).padStart(2, '0')}`,
        title: `Item ${n}`,
        qty: n,
        tags: [],
        site: SITES[n % SITES.length] as string,
        open: true,
        _deleted: false,
      },
    }));
    if (!(await writeDirect(opening))) throw new Error('the opening items were not taken by the server');

    for (let index = 0; index < options.devices; index++) {
      const proxy = await startFaultProxy({
        targetPort: server.port,
        random: createRandom(seed * 31 + index),
        lifetimeMs: 10 * 60_000,
      });
      const name = `d${index}`;
      const database = await openDatabase(`scopechaos${seed}x${index}x${started.toString(36)}`);
      const device = { name, site: SITES[index % 2] as string, offline: false, proxy, database } as Device;
      device.replication = startReplication({
        database,
        url: `http://127.0.0.1:${proxy.port}/graphql`,
        wsUrl: `ws://127.0.0.1:${proxy.port}/graphql`,
        token: () => server.token(tenant, name, shortTokens ? '1s' : '2h', { site: device.site }),
        backoff: { initialMs: 30, maxMs: 400 },
        requestTimeoutMs: 1500,
        fetch: watchedFetch(name, createRandom(seed * 17 + index)),
      });
      devices.push(device);
    }
    await Promise.all(devices.map((device) => withTimeout(device.replication.awaitInSync(), 15_000)));

    for (let step = 0; step < options.steps; step++) {
      const device = pick(devices);
      if (!device) continue;
      const roll = random();
      result.operations += 1;
      if (roll < 0.35) {
        await tagHeld(device, step);
      } else if (roll < 0.45) {
        // a new item at the device's site
        const id = `new-${device.name}-${step}`;
        const tag = `${device.name}.${step}`;
        const created: SiteItem = { id, title: `New ${step}`, qty: 0, tags: [tag], site: device.site, open: true };
        await device.database.items.insert(created as never);
        marks.push({ device: device.name, id, tag });
        result.writes += 1;
        if (device.offline) result.offlineWrites += 1;
        log(`${step}: ${device.name} (${device.site}${device.offline ? ', offline' : ''}) creates ${id}`);
      } else if (roll < 0.7) {
        // the writer moves an item to another site, or closes or reopens one
        const onServer = [...(await serverDocs().catch(() => new Map<string, Doc>())).values()];
        const doc = pick(onServer.sort((a, b) => String(a.id).localeCompare(String(b.id))));
        const move = roll < 0.58;
        const site = pick(SITES.filter((other) => other !== doc?.site));
        const patch = move ? { site } : { open: !doc?.open };
        if (doc && (await changeOnServer(doc, patch))) {
          if (move || doc.open) result.scopeExits += 1;
          log(
            `${step}: the writer ${move ? `moves ${doc.id} to ${site}` : `${doc.open ? 'closes' : 'reopens'} ${doc.id}`}`,
          );
        }
      } else if (roll < 0.8) {
        if (device.offline) await comeBack(device, step);
        else await goOffline(device, step);
      } else if (roll < 0.87) {
        // the device's token switches site while it is offline with an edit pending
        await goOffline(device, step);
        await tagHeld(device, step);
        const site = pick(SITES.filter((other) => other !== device.site)) as string;
        log(`${step}: ${device.name}'s token switches from ${device.site} to ${site}`);
        device.site = site;
        result.siteSwitches += 1;
      } else {
        const proxy = pick(devices)?.proxy;
        const forMs = 100 + Math.floor(random() * 1200);
        if (roll < 0.94) proxy?.fault('drop', forMs);
        else if (roll < 0.97) proxy?.fault('half-open', forMs);
        else proxy?.reset();
      }
      if (step === killAt && !restarting) {
        faults.sigkill = (faults.sigkill ?? 0) + 1;
        const downFor = Math.floor(random() * 500);
        log(`${step}: the server is SIGKILLed, down for ${downFor} ms`);
        restarting = server.kill().then(async () => {
          await wait(downFor);
          await server.start();
        });
      }
      await wait(Math.floor(random() * 40));
    }

    // --- quiescence: the network heals, the server is up, every device comes back and syncs
    await restarting;
    for (const device of devices) device.proxy.heal();
    for (const device of devices) await comeBack(device, options.steps);
    const deadline = Date.now() + 60_000;
    while (!result.converged && Date.now() < deadline) {
      await Promise.all(devices.map((device) => withTimeout(device.replication.syncNow(), 10_000)));
      await Promise.all(devices.map((device) => withTimeout(device.replication.awaitInSync(), 10_000)));
      const onServer = await serverDocs();
      result.outOfScopeLeft = [];
      result.inScopeMissing = [];
      result.divergent = [];
      for (const device of devices) {
        const held = await heldDocs(device);
        const inScope = [...onServer.values()].filter((doc) => !doc._deleted && doc.open && doc.site === device.site);
        for (const doc of inScope) {
          const mine = held.get(String(doc.id));
          if (!mine) result.inScopeMissing.push(`${device.name} (${device.site}) lacks ${doc.id}`);
          else if (!jsonEqual(mine, doc))
            result.divergent.push(
              `${device.name}: ${doc.id} holds ${JSON.stringify(mine)}, the server ${JSON.stringify(doc)}`,
            );
        }
        for (const [id, mine] of held) {
          if (!inScope.some((doc) => doc.id === id))
            result.outOfScopeLeft.push(
              `${device.name} (${device.site}) holds ${id} as ${JSON.stringify(mine)}, the server ${JSON.stringify(onServer.get(id) ?? null)}`,
            );
        }
        const pending = device.replication.store.getState().pendingCount;
        if (pending > 0) result.divergent.push(`${device.name}: ${pending} pending`);
      }
      result.converged = result.outOfScopeLeft.length + result.inScopeMissing.length + result.divergent.length === 0;
      if (!result.converged) await wait(300);
    }

    // --- every write a device made, sent before it went offline or pending then, is on the server (merged)
    const onServer = await serverDocs();
    for (const mark of marks) {
      const doc = onServer.get(mark.id);
      if (!doc || doc._deleted) result.lostWrites.push(`${mark.device}'s ${mark.tag}: ${mark.id} is not on the server`);
      else if (!((doc.tags as string[] | undefined) ?? []).includes(mark.tag))
        result.lostWrites.push(`${mark.device}'s ${mark.tag}: ${mark.id} on the server is ${JSON.stringify(doc)}`);
    }
    // --- nobody deletes in this run: a document removed on the server was a scope exit sent as a delete
    for (const doc of onServer.values()) {
      if (doc._deleted) result.deletesSent.push(`${doc.id} is removed on the server`);
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    await restarting?.catch(() => undefined);
    if (!server.running) await server.start();
    for (const device of devices) {
      await device.replication.stop().catch(() => undefined);
      await device.database.remove().catch(() => undefined);
      await device.proxy.close();
      faults.proxyDrop = (faults.proxyDrop ?? 0) + device.proxy.faults.drop;
      faults.proxyHalfOpen = (faults.proxyHalfOpen ?? 0) + device.proxy.faults.halfOpen;
      faults.proxyReset = (faults.proxyReset ?? 0) + device.proxy.faults.reset;
    }
    result.durationMs = Date.now() - started;
  }
  return result;
}

export function scopeChaosPassed(result: ScopeChaosResult): boolean {
  return (
    !result.error &&
    result.converged &&
    result.lostWrites.length === 0 &&
    result.deletesSent.length === 0 &&
    result.outOfScopeLeft.length === 0 &&
    result.inScopeMissing.length === 0
  );
}

export const scopeReplayCommand = (seed: number) =>
  `SYNCLINE_SCOPE_CHAOS_SEED=${seed} pnpm vitest run --project sync scope-chaos`;
