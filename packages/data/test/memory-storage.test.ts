// Syncline's memory storage (what a Node client opens by default) answers as RxDB's own memory storage does: the same
// writes made to a database on each (inserts, edits that move documents within every index, deletions, conflicting
// writes), then the same queries and counts, compared document by document; and what a storage owes RxDB beyond
// queries: its change stream, conflicts, what changed since a checkpoint, cleanup, a database opened again, removal.

import { createRandom } from '@syncline/domain';
import {
  type MangoQuery,
  normalizeMangoQuery,
  prepareQuery,
  type RxJsonSchema,
  type RxStorage,
  type RxStorageWriteErrorConflict,
  randomToken,
} from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { describe, expect, it } from 'vitest';
import { createSynclineDatabase, getMemoryStorage, MEMORY_STORAGE_NAME } from '../src';
import { SortedRuns } from '../src/sorted-runs';

interface Job {
  id: string;
  status: string;
  customer: string;
  number: number;
  amount: number;
  done: boolean;
  note?: string;
}

const jobSchema: RxJsonSchema<Job> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    status: { type: 'string', maxLength: 20 },
    customer: { type: 'string', maxLength: 40 },
    number: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    // in cents
    amount: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    done: { type: 'boolean' },
    note: { type: 'string' },
  },
  required: ['id', 'status', 'customer', 'number', 'amount', 'done'],
  indexes: ['number', ['status', 'number'], ['customer', 'number'], ['done', 'amount'], 'customer'],
};

/** A job numbered `n`, received, for the tests that need a few. */
const jobNumbered = (n: number, changes: Partial<Job> = {}): Job => ({
  id: `job-${n}`,
  status: 'received',
  customer: 'Ada',
  number: n,
  amount: 1,
  done: false,
  ...changes,
});

const statuses = ['received', 'washing', 'ready', 'delivered'];
const customers = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gus', 'Hal'];

async function open(storage: RxStorage<unknown, unknown>, name = `memstore${randomToken(10)}`) {
  return createSynclineDatabase({ name, collections: { jobs: jobSchema }, storage, multiInstance: false });
}

type JobsDatabase = Awaited<ReturnType<typeof open>>;

/** The same writes, in the same order, to every database: about 2,000 documents, a third edited, a fifth deleted. */
async function writeTheSame(databases: JobsDatabase[], seed: number) {
  const next = createRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  const ids: string[] = [];
  let made = 0;
  const job = (): Job => {
    made += 1;
    return {
      id: `job-${String(Math.floor(next() * 1e6)).padStart(6, '0')}-${made}`,
      status: pick(statuses),
      customer: pick(customers),
      // numbers repeat: documents share index keys up to the id
      number: Math.floor(next() * 500),
      amount: Math.floor(next() * 100_000),
      done: next() < 0.3,
      ...(next() < 0.2 ? { note: pick(['urgent', 'fragile', 'repeat']) } : {}),
    };
  };
  for (let round = 0; round < 60; round++) {
    const batch = Array.from({ length: 1 + Math.floor(next() * 60) }, job);
    ids.push(...batch.map((one) => one.id));
    const edits = Array.from({ length: Math.floor(next() * 15) }, () => ({
      id: pick(ids),
      patch:
        next() < 0.5 ? { status: pick(statuses), number: Math.floor(next() * 500) } : { customer: pick(customers) },
    }));
    const removals = Array.from({ length: Math.floor(next() * 8) }, () => pick(ids));
    for (const database of databases) {
      const jobs = database.collections.jobs;
      await jobs.bulkInsert(batch);
      for (const { id, patch } of edits) await (await jobs.findOne(id).exec())?.incrementalPatch(patch);
      for (const id of removals) await (await jobs.findOne(id).exec())?.remove();
    }
  }
}

/** Queries that an index answers whole, in part (the rest matched one by one), or not in its order (sorted after). */
const queries: { name: string; query: Parameters<JobsDatabase['collections']['jobs']['find']>[0] }[] = [
  { name: 'everything, by number', query: { sort: [{ number: 'asc' }] } },
  { name: 'everything, by id (the primary index)', query: {} },
  {
    name: 'one status by number, a page in',
    query: { selector: { status: 'ready' }, sort: [{ number: 'asc' }], skip: 7, limit: 25 },
  },
  {
    name: 'a number range, both ends open',
    query: { selector: { number: { $gt: 100, $lt: 200 } }, sort: [{ number: 'asc' }] },
  },
  {
    name: 'a number range, both ends closed, newest first',
    query: { selector: { number: { $gte: 100, $lte: 200 } }, sort: [{ number: 'desc' }] },
  },
  {
    name: 'a customer prefix',
    query: { selector: { customer: { $gte: 'C', $lt: 'F' } }, sort: [{ customer: 'asc' }, { number: 'asc' }] },
  },
  {
    name: 'statuses in a set, by number',
    query: { selector: { status: { $in: ['washing', 'ready'] } }, sort: [{ number: 'asc' }], limit: 40 },
  },
  {
    name: 'done ones by amount, most first',
    query: { selector: { done: true }, sort: [{ amount: 'desc' }], limit: 30 },
  },
  { name: 'a field no index holds', query: { selector: { note: 'urgent' }, sort: [{ number: 'asc' }] } },
  {
    name: 'a regular expression on customer',
    query: { selector: { customer: { $regex: '^[A-D]' } }, sort: [{ customer: 'asc' }, { number: 'asc' }] },
  },
  {
    name: 'sorted on a field no index sorts by',
    query: { selector: { status: 'received' }, sort: [{ amount: 'asc' }] },
  },
  {
    name: 'an $or across fields',
    query: {
      selector: { $or: [{ status: 'delivered' }, { done: true }] },
      sort: [{ number: 'asc' }],
      skip: 3,
      limit: 50,
    },
  },
  { name: 'nothing matches', query: { selector: { number: { $gt: 900 } } } },
];

describe('the memory storage Node clients open', () => {
  it('is what createSynclineDatabase opens in Node when given no storage', async () => {
    const database = await createSynclineDatabase({
      name: `memstoredefault${randomToken(6)}`,
      collections: { jobs: jobSchema },
      multiInstance: false,
      // so the storage is not wrapped in dev-mode's validation
      devMode: false,
    });
    try {
      expect(database.storage.name).toBe(MEMORY_STORAGE_NAME);
    } finally {
      await database.remove();
    }
  });

  it.each([11, 12])(
    'answers every query and count as RxDB memory storage does, after the same writes (seed %i)',
    async (seed) => {
      const ours = await open(getMemoryStorage() as RxStorage<unknown, unknown>);
      const theirs = await open(getRxStorageMemory() as RxStorage<unknown, unknown>);
      try {
        await writeTheSame([ours, theirs], seed);
        const total = await theirs.collections.jobs.count().exec();
        expect(total).toBeGreaterThan(1_000);
        for (const { name, query } of queries) {
          const [mine, reference] = await Promise.all(
            [ours, theirs].map(async (database) =>
              (await database.collections.jobs.find(query).exec()).map((doc) => doc.id),
            ),
          );
          expect(mine, name).toEqual(reference);
          // straight from each storage: RxDB itself refuses to count a selector no index answers whole
          const { skip: _skip, limit: _limit, ...counted } = query ?? {};
          const [count, referenceCount] = await Promise.all(
            [ours, theirs].map(async (database) => {
              const jobs = database.collections.jobs;
              const prepared = prepareQuery(
                jobs.schema.jsonSchema,
                normalizeMangoQuery(jobs.schema.jsonSchema, counted as MangoQuery<Job>),
              );
              return (await jobs.storageInstance.count(prepared)).count;
            }),
          );
          expect(count, `count of ${name}`).toBe(referenceCount);
        }
        // deleted ones too, straight from the storage
        const every = await theirs.collections.jobs.storageInstance.query(
          theirs.collections.jobs.find().getPreparedQuery(),
        );
        const ids = every.documents.map((doc) => doc.id);
        const deletedToo = async (database: JobsDatabase) =>
          (await database.collections.jobs.storageInstance.findDocumentsById([...ids, 'job-none'], true)).length;
        expect(await deletedToo(ours)).toBe(await deletedToo(theirs));
      } finally {
        await ours.remove();
        await theirs.remove();
      }
    },
  );

  it('refuses a write made over a state it no longer holds, keeping the stored one', async () => {
    const database = await open(getMemoryStorage() as RxStorage<unknown, unknown>);
    try {
      const jobs = database.collections.jobs;
      const stored = await jobs.insert(jobNumbered(1));
      await stored.incrementalPatch({ status: 'washing' });
      const instance = jobs.storageInstance;
      const [current] = await instance.findDocumentsById(['job-1'], false);
      if (!current) throw new Error('job-1 was not stored');
      // a write whose writer saw the first state, not the second
      const stale = { ...current, _rev: `1-${'a'.repeat(10)}`, status: 'ready' };
      const result = await instance.bulkWrite(
        [{ previous: { ...current, _rev: stale._rev }, document: { ...stale, _rev: `2-${'b'.repeat(10)}` } }],
        'memory-storage-test',
      );
      expect(result.error).toHaveLength(1);
      expect(result.error[0]?.status).toBe(409);
      expect((result.error[0] as RxStorageWriteErrorConflict<Job> | undefined)?.documentInDb.status).toBe('washing');
      expect((await jobs.findOne('job-1').exec())?.status).toBe('washing');
      expect(await jobs.count({ selector: { status: 'ready' } }).exec()).toBe(0);
    } finally {
      await database.remove();
    }
  });

  it('tells what changed since a checkpoint, in (write time, id) order, and streams each write with its checkpoint', async () => {
    const database = await open(getMemoryStorage() as RxStorage<unknown, unknown>);
    try {
      const jobs = database.collections.jobs;
      const streamed: { ids: string[]; checkpoint: unknown }[] = [];
      const subscription = jobs.storageInstance.changeStream().subscribe((bulk) => {
        streamed.push({ ids: bulk.events.map((event) => event.documentId), checkpoint: bulk.checkpoint });
      });
      await jobs.bulkInsert([jobNumbered(3), jobNumbered(1), jobNumbered(2)]);
      await (await jobs.findOne('job-1').exec())?.incrementalPatch({ status: 'ready' });
      subscription.unsubscribe();

      const first = await jobs.storageInstance.getChangedDocumentsSince?.(2, undefined);
      expect(first?.documents.map((doc) => doc.id)).toEqual(['job-2', 'job-3']);
      const rest = await jobs.storageInstance.getChangedDocumentsSince?.(10, first?.checkpoint);
      expect(rest?.documents.map((doc) => doc.id)).toEqual(['job-1']);

      expect(streamed.map(({ ids }) => ids)).toEqual([['job-3', 'job-1', 'job-2'], ['job-1']]);
      expect(streamed[1]?.checkpoint).toEqual(rest?.checkpoint);
    } finally {
      await database.remove();
    }
  });

  it('drops documents deleted long enough ago at cleanup and keeps the rest', async () => {
    const database = await open(getMemoryStorage() as RxStorage<unknown, unknown>);
    try {
      const jobs = database.collections.jobs;
      await jobs.bulkInsert([1, 2, 3].map((n) => jobNumbered(n)));
      await (await jobs.findOne('job-2').exec())?.remove();
      const instance = jobs.storageInstance;
      // deleted a moment ago: kept while younger than the age asked for
      await instance.cleanup(60_000);
      expect((await instance.findDocumentsById(['job-2'], true)).map((doc) => doc._deleted)).toEqual([true]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      await instance.cleanup(0);
      expect(await instance.findDocumentsById(['job-1', 'job-2', 'job-3'], true)).toHaveLength(2);
      expect((await jobs.find({ sort: [{ number: 'asc' }] }).exec()).map((doc) => doc.id)).toEqual(['job-1', 'job-3']);
    } finally {
      await database.remove();
    }
  });

  it('finds its documents in a database opened again under the same name, and none once it was removed', async () => {
    const storage = getMemoryStorage() as RxStorage<unknown, unknown>;
    const name = `memstorereopen${randomToken(6)}`;
    const first = await open(storage, name);
    await first.collections.jobs.insert(jobNumbered(1, { status: 'ready' }));
    await first.close();

    const again = await open(storage, name);
    expect((await again.collections.jobs.find({ selector: { status: 'ready' } }).exec()).map((doc) => doc.id)).toEqual([
      'job-1',
    ]);
    await again.remove();

    const fresh = await open(storage, name);
    try {
      expect(await fresh.collections.jobs.count().exec()).toBe(0);
    } finally {
      await fresh.remove();
    }
  });
});

describe("the memory storage's index (sorted runs)", () => {
  it('keeps every key in order through inserts, edits and removals that split and empty runs, and counts ranges', () => {
    const next = createRandom(7);
    const runs = new SortedRuns();
    // the model: one sorted array of [key, id]
    let model: [string, string][] = [];
    const keyOf = () => `k${String(Math.floor(next() * 300)).padStart(3, '0')}`;
    for (let step = 0; step < 6_000; step++) {
      if (model.length > 0 && next() < 0.45) {
        const [key, id] = model[Math.floor(next() * model.length)] as [string, string];
        runs.remove(key, id);
        model = model.filter((entry) => entry[1] !== id);
      } else {
        const entry: [string, string] = [keyOf(), `id${step}`];
        runs.insert(entry[0], entry[1]);
        model.push(entry);
        model.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      }
    }
    // the model sorts stably, so entries of one key stay in the order they came in, as the runs keep them
    const all: string[] = [];
    runs.each('', true, '\uffff', true, (id) => {
      all.push(id);
      return true;
    });
    expect(all).toEqual(model.map(([, id]) => id));
    for (const [lower, lowerIncluded, upper, upperIncluded] of [
      ['k050', true, 'k100', true],
      ['k050', false, 'k100', false],
      ['k000', true, 'k299', true],
      ['k150', true, 'k150', true],
      ['k200', false, 'k100', true],
    ] as const) {
      const inRange = model.filter(
        ([key]) => (lowerIncluded ? key >= lower : key > lower) && (upperIncluded ? key <= upper : key < upper),
      );
      expect(runs.count(lower, lowerIncluded, upper, upperIncluded)).toBe(inRange.length);
      const visited: string[] = [];
      runs.each(lower, lowerIncluded, upper, upperIncluded, (id) => {
        visited.push(id);
        return true;
      });
      expect(visited).toEqual(inRange.map(([, id]) => id));
      // and it stops where it is told to
      const firstTen: string[] = [];
      runs.each(lower, lowerIncluded, upper, upperIncluded, (id) => {
        firstTen.push(id);
        return firstTen.length < 10;
      });
      expect(firstTen).toEqual(inRange.slice(0, 10).map(([, id]) => id));
    }
  });
});
