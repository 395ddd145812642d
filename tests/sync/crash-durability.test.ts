// Crash durability: writers push a steady stream of creates and updates while the `syncline-server` process is
// SIGKILLed at random moments and started again on the same SQLite file. Every push the server acknowledged is in
// the database afterwards, exactly as last acknowledged; pushes cut off by a crash are retried and land once.
import { createRandom } from '@syncline/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../support/server-process';

const SEED = Number(process.env.SYNCLINE_CRASH_SEED ?? 20261122);
const KILLS = Number(process.env.SYNCLINE_CRASH_KILLS ?? 3);
const WRITERS = 4;

const entrySchema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    writer: { type: 'integer', minimum: 0 },
    version: { type: 'integer', minimum: 0 },
    payload: { type: 'string' },
    updatedAt: { type: 'number' },
  },
  required: ['id', 'writer', 'version', 'payload'],
  additionalProperties: false,
};

interface Entry {
  id: string;
  writer: number;
  version: number;
  payload: string;
  _deleted: boolean;
}

const PUSH = `mutation($rows: [EntriesInputPushRow!]) { pushEntries(entriesPushRow: $rows) { id version } }`;
const PULL = `query($checkpoint: EntriesInputCheckpoint, $limit: Int!) { pullEntries(checkpoint: $checkpoint, limit: $limit) {
  documents { id writer version payload updatedAt _deleted } checkpoint { id updatedAt } } }`;

let server: ServerProcess;
let token: string;

beforeAll(async () => {
  server = await startServerProcess({ collections: { entries: entrySchema } });
  token = await server.token('crash');
});

afterAll(async () => {
  await server?.close();
});

async function graphql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data ?? {};
}

async function pullAll(): Promise<Array<Entry & { updatedAt: number }>> {
  const all: Array<Entry & { updatedAt: number }> = [];
  let checkpoint: unknown = null;
  for (;;) {
    const data = await graphql(PULL, { checkpoint, limit: 1000 });
    const bulk = data.pullEntries as { documents: Array<Entry & { updatedAt: number }>; checkpoint: unknown };
    if (bulk.documents.length === 0) return all;
    all.push(...bulk.documents);
    checkpoint = bulk.checkpoint;
  }
}

describe('crash durability', () => {
  it(`keeps every acknowledged push across ${KILLS} SIGKILLs (seed ${SEED})`, async () => {
    const random = createRandom(SEED);
    /** the last acknowledged state of each document */
    const acknowledged = new Map<string, Entry>();
    const stats = { pushes: 0, acknowledged: 0, cutOff: 0, rows: 0 };
    let writing = true;

    const writer = async (index: number) => {
      const mine: Entry[] = [];
      let next = 0;
      while (writing) {
        // a batch of new documents and updates of this writer's acknowledged ones
        const rows: Array<{ assumedMasterState?: Entry; newDocumentState: Entry }> = [];
        const size = 1 + Math.floor(random() * 5);
        for (let i = 0; i < size; i++) {
          const known = mine[Math.floor(random() * mine.length)];
          if (known && random() < 0.4 && !rows.some((row) => row.newDocumentState.id === known.id)) {
            const updated = { ...known, version: known.version + 1, payload: `w${index} v${known.version + 1}` };
            rows.push({ assumedMasterState: known, newDocumentState: updated });
          } else {
            const id = `w${index}-${next++}`;
            rows.push({
              newDocumentState: { id, writer: index, version: 0, payload: `w${index} new`, _deleted: false },
            });
          }
        }
        // the same push again and again until the server acknowledges it: a crash may cut off its answer
        for (;;) {
          stats.pushes += 1;
          try {
            const data = await graphql(PUSH, { rows });
            const conflicts = data.pushEntries as Entry[];
            expect(conflicts, 'a retried push is not a conflict').toEqual([]);
            break;
          } catch (error) {
            if (/invalid|conflict/i.test(String(error))) throw error;
            stats.cutOff += 1;
            await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(random() * 100)));
          }
        }
        stats.acknowledged += 1;
        stats.rows += rows.length;
        for (const row of rows) {
          acknowledged.set(row.newDocumentState.id, row.newDocumentState);
          const at = mine.findIndex((entry) => entry.id === row.newDocumentState.id);
          if (at >= 0) mine[at] = row.newDocumentState;
          else mine.push(row.newDocumentState);
        }
      }
    };

    const writers = Array.from({ length: WRITERS }, (_, index) =>
      writer(index).catch((error: unknown) => {
        writing = false;
        throw error;
      }),
    );
    for (let kill = 0; kill < KILLS; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(random() * 1200)));
      await server.kill();
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 300)));
      await server.start();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    writing = false;
    await Promise.all(writers);

    const stored = await pullAll();
    const byId = new Map(stored.map((doc) => [doc.id, doc]));
    const lost = [...acknowledged.values()].filter((entry) => {
      const doc = byId.get(entry.id);
      return !doc || doc.version !== entry.version || doc.payload !== entry.payload;
    });
    console.info(
      `crash durability (seed ${SEED}): ${KILLS} SIGKILLs, ${stats.acknowledged} acknowledged pushes of ` +
        `${stats.rows} rows, ${stats.cutOff} cut off and retried, ${acknowledged.size} documents, ${lost.length} lost`,
    );
    expect(stats.cutOff).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    // nothing the server never acknowledged appears from nowhere, and the clock never stepped back
    expect(stored.length).toBe(acknowledged.size);
    const clocks = stored.map((doc) => doc.updatedAt);
    expect(new Set(clocks).size).toBe(clocks.length);
    expect([...clocks].sort((a, b) => a - b)).toEqual(clocks);
  });
});
