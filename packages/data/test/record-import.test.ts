// The importer of old data: every record of the source ends up imported, already present (kept as it was) or
// listed with why it was not imported; it runs once, goes on where it stopped after an interruption, leaves the
// source as it found it, and what it writes syncs to the server like any local creation.
import { type Customer, controlCenterSchemas } from '@syncline/domain';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSynclineDatabase,
  type ImportRecordsOptions,
  type ImportReport,
  importRecords,
  localStorageSource,
  readImportReport,
  type SynclineDatabase,
} from '../src';
import { saveImportReport } from '../src/import/report';
import { eventually, serverPerTest, storeReaches } from './helpers';
import { openLocalDatabase } from './open-local';

/** How the old app kept a customer. */
interface OldCustomer {
  id: number;
  fullName?: string;
  visits?: number;
}

const oldCustomers = (count: number): OldCustomer[] =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, fullName: `Customer ${i + 1}`, visits: i % 7 }));

const toCustomer = (old: OldCustomer) => {
  if (!old.fullName) throw new Error('It has no name.');
  return { id: `old-${old.id}`, name: old.fullName, orderCount: old.visits ?? 0, createdAt: 1_600_000_000_000 };
};

const collections = { customers: controlCenterSchemas.customers };
type Database = SynclineDatabase<typeof collections>;

const opened: Database[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.remove()));
});

async function open(): Promise<Database> {
  const database = await openLocalDatabase('import', collections);
  opened.push(database);
  return database;
}

const options = (source: OldCustomer[], more: Partial<ImportRecordsOptions<OldCustomer>> = {}) => ({
  importId: 'old-customers',
  collection: 'customers',
  source,
  map: toCustomer,
  batchSize: 10,
  ...more,
});

const customersOf = async (database: Database) =>
  (await database.customers.find({ sort: [{ id: 'asc' }] }).exec()).map((doc) => doc.toJSON() as Customer);

it('imports every valid record and lists each other one with its position, id and what was wrong', async () => {
  const database = await open();
  const source = oldCustomers(25);
  source[3] = { id: 4 }; // no name: the app's map refuses it
  source[7] = { id: 8, fullName: 'Negative', visits: -2 }; // orderCount below 0: the schema refuses it
  (source as unknown[])[11] = 'not a customer';
  const untouched = structuredClone(source);
  const seen: ImportReport[] = [];
  const report = await importRecords(database, {
    ...options(source),
    map: (old) => {
      if (typeof old !== 'object') throw new Error('It is not a customer record.');
      return toCustomer(old);
    },
    onProgress: (progress) => seen.push(progress),
  });

  expect(report).toMatchObject({ state: 'finished', total: 25, done: 25, imported: 22, alreadyPresent: [] });
  expect(report.notImported).toEqual([
    { position: 3, id: '4', reason: 'It has no name.' },
    {
      position: 7,
      id: 'old-8',
      reason: 'Does not fit the customers schema: orderCount must be >= 0.',
    },
    { position: 11, reason: 'It is not a customer record.' },
  ]);
  expect(await database.customers.count().exec()).toBe(22);
  expect((await database.customers.findOne('old-1').exec())?.name).toBe('Customer 1');
  // progress after each batch, never backwards, the total known from the start
  expect(seen.map((progress) => progress.done)).toEqual([0, 10, 20, 25, 25]);
  expect(seen.every((progress) => progress.total === 25)).toBe(true);
  // the source is read, never changed
  expect(source).toEqual(untouched);
});

it('runs once: a finished import answers its report and writes nothing', async () => {
  const database = await open();
  const first = await importRecords(database, options(oldCustomers(12)));
  const customer = await database.customers.findOne('old-3').exec();
  await customer?.incrementalPatch({ name: 'Renamed since' });

  const again = await importRecords(database, options(oldCustomers(12)));
  expect(again).toEqual(first);
  expect((await database.customers.findOne('old-3').exec())?.name).toBe('Renamed since');
  expect(await database.customers.count().exec()).toBe(12);
});

it('goes on where it stopped after an interruption, counting each record once', async () => {
  const database = await open();
  const source = oldCustomers(35);
  const stop = new AbortController();
  const interrupted = importRecords(database, {
    ...options(source),
    signal: stop.signal,
    onProgress: (progress) => {
      if (progress.done === 20) stop.abort(new Error('The page was reloaded.'));
    },
  });
  await expect(interrupted).rejects.toThrow('The page was reloaded.');
  expect(await readImportReport(database, 'old-customers')).toMatchObject({ state: 'running', done: 20, imported: 20 });
  expect(await database.customers.count().exec()).toBe(20);

  // as if the tab died after the second batch's write and before its progress was kept
  const stored = (await readImportReport(database, 'old-customers')) as ImportReport;
  await saveImportReport(database, { ...stored, done: 10, imported: 10 });

  const seen: number[] = [];
  const report = await importRecords(database, { ...options(source), onProgress: (p) => seen.push(p.done) });
  expect(seen[0]).toBe(10);
  expect(report).toMatchObject({ state: 'finished', done: 35, imported: 35, alreadyPresent: [], notImported: [] });
  const customers = await customersOf(database);
  expect(customers).toHaveLength(35);
  expect(new Set(customers.map((customer) => customer.id)).size).toBe(35);
});

it('goes on after the database closed half-way and opened again, as a reload does', async () => {
  const storage = getRxStorageMemory();
  const name = `reload${Math.random().toString(36).slice(2, 8)}`;
  const reopen = () => createSynclineDatabase({ name, collections, storage, multiInstance: false });
  const source = oldCustomers(35);
  const first = await reopen();
  let closing: Promise<unknown> = Promise.resolve();
  const cut = importRecords(first, {
    ...options(source),
    onProgress: (progress) => {
      if (progress.done === 20) closing = first.close();
    },
  });
  await expect(cut).rejects.toThrow();
  await closing;

  const second = await reopen();
  opened.push(second);
  expect(await readImportReport(second, 'old-customers')).toMatchObject({ state: 'running', done: 20 });
  const report = await importRecords(second, options(source));
  expect(report).toMatchObject({ state: 'finished', done: 35, imported: 35, alreadyPresent: [], notImported: [] });
  expect(await second.customers.count().exec()).toBe(35);
});

it('stops where the device fails to store, says so, and goes on at the next run', async () => {
  const database = await open();
  let diskFull = false;
  database.customers.preInsert(() => {
    if (diskFull) throw new Error('the disk is full');
  }, false);
  const source = oldCustomers(30);
  const stopped = importRecords(database, {
    ...options(source),
    onProgress: (progress) => {
      if (progress.done === 10) diskFull = true;
    },
  });
  await expect(stopped).rejects.toThrow(
    'The import stopped at record 11: the disk is full. Nothing was lost: it goes on from there when the app starts again.',
  );
  expect(await readImportReport(database, 'old-customers')).toMatchObject({
    state: 'failed',
    done: 10,
    imported: 10,
    notImported: [],
    problem: expect.stringMatching(/^The import stopped at record 11: the disk is full/),
  });

  diskFull = false;
  const report = await importRecords(database, options(source));
  expect(report).toMatchObject({ state: 'finished', done: 30, imported: 30, notImported: [] });
  expect(report.problem).toBeUndefined();
  expect(await database.customers.count().exec()).toBe(30);
});

it('never overwrites a document already there: different or deleted is reported, identical counts as imported', async () => {
  const database = await open();
  const source = oldCustomers(6);
  await database.customers.bulkInsert([
    { ...toCustomer(source[0] as OldCustomer), name: 'Edited on this device' },
    toCustomer(source[1] as OldCustomer),
    toCustomer(source[2] as OldCustomer),
  ]);
  await (await database.customers.findOne('old-3').exec())?.remove();

  const report = await importRecords(database, options(source));
  expect(report.imported).toBe(4);
  expect(report.alreadyPresent).toEqual([
    {
      position: 0,
      id: 'old-1',
      reason: expect.stringMatching(/already in customers with other content; it was kept as it is/),
    },
    {
      position: 2,
      id: 'old-3',
      reason: expect.stringMatching(/was deleted from customers .*; it was not brought back/),
    },
  ]);
  expect((await database.customers.findOne('old-1').exec())?.name).toBe('Edited on this device');
  expect(await database.customers.findOne('old-3').exec()).toBeNull();
  expect(await database.customers.count().exec()).toBe(5);
});

it('starts again from the first record when the source changed before it finished', async () => {
  const database = await open();
  const stop = new AbortController();
  await importRecords(database, {
    ...options(oldCustomers(30)),
    signal: stop.signal,
    onProgress: (progress) => progress.done === 10 && stop.abort(),
  }).catch(() => undefined);
  // the old app wrote a record in front of the others meanwhile: positions now point elsewhere
  const changed = [{ id: 100, fullName: 'Added in front' }, ...oldCustomers(30)];
  const report = await importRecords(database, options(changed));
  expect(report).toMatchObject({ done: 31, imported: 31, alreadyPresent: [], notImported: [] });
  expect(await database.customers.count().exec()).toBe(31);
});

it('reads a localStorage key, says when its data is not a list, and keeps it as it was', async () => {
  const database = await open();
  const storage = new Map<string, string>([
    ['shop.customers', JSON.stringify(oldCustomers(3))],
    ['shop.broken', '{"customers": ['],
  ]);
  const store = { getItem: (key: string) => storage.get(key) ?? null };
  expect(localStorageSource('shop.nothing', store)).toBeUndefined();

  const source = localStorageSource('shop.broken', store);
  if (!source) throw new Error('expected a source');
  const broken = importRecords(database, { importId: 'broken', collection: 'customers', source });
  await expect(broken).rejects.toThrow(/localStorage key "shop.broken" is not valid JSON .*kept as it is/);
  expect(await readImportReport(database, 'broken')).toMatchObject({
    state: 'failed',
    problem: expect.stringMatching(/not valid JSON/),
  });
  expect(storage.get('shop.broken')).toBe('{"customers": [');

  const good = localStorageSource('shop.customers', store);
  if (!good) throw new Error('expected a source');
  const report = await importRecords(database, {
    importId: 'good',
    collection: 'customers',
    source: good,
    map: (record) => toCustomer(record as OldCustomer),
  });
  expect(report).toMatchObject({ state: 'finished', imported: 3, source: 'localStorage key "shop.customers"' });
  expect(storage.get('shop.customers')).toBe(JSON.stringify(oldCustomers(3)));
});

it('takes an async iterable, whose total it learns at the end', async () => {
  const database = await open();
  async function* fromAnApi() {
    for (const old of oldCustomers(15)) yield old;
  }
  const report = await importRecords(database, { ...options([]), source: fromAnApi() });
  expect(report).toMatchObject({ state: 'finished', total: 15, imported: 15 });
});

describe('with a sync server', () => {
  const suite = serverPerTest();

  it('writes each imported document as a local creation: pending until the server has it, then synced', async () => {
    const client = await suite.client();
    await storeReaches(client, (status) => status.connection === 'online');
    client.replication.pause();
    const database = client.database as unknown as Database;
    const source = oldCustomers(40);
    source[5] = { id: 6 };
    const report = await importRecords(database, options(source));
    expect(report.imported).toBe(39);
    await storeReaches(client, (status) => status.pendingCount === 39);
    const record = await client.database.syncstate.findOne('customers|old-1').exec();
    expect(record?.operation).toBe('create');

    await client.replication.resume();
    await storeReaches(client, (status) => status.pendingCount === 0);
    const onServer = await eventually(
      () => customersOnServer(suite.server.url, suite.server.headers('shop-1')),
      (customers) => customers.length === 39,
    );
    expect(onServer.find((customer) => customer.id === 'old-40')?.name).toBe('Customer 40');
    expect(onServer.some((customer) => customer.id === 'old-6')).toBe(false);
  });
});

async function customersOnServer(url: string, headers: Promise<Record<string, string>>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await headers) },
    body: JSON.stringify({
      query: 'query { pullCustomers(checkpoint: null, limit: 1000) { documents { id name } } }',
    }),
  });
  const body = (await response.json()) as {
    data: { pullCustomers: { documents: Array<{ id: string; name: string }> } };
  };
  return body.data.pullCustomers.documents;
}

it('joins a run under way: two calls at once import once', async () => {
  const database = await open();
  const source = oldCustomers(30);
  const [first, second] = await Promise.all([
    importRecords(database, options(source)),
    importRecords(database, options(source)),
  ]);
  expect(second).toEqual(first);
  expect(first).toMatchObject({ imported: 30, alreadyPresent: [] });
  expect(await database.customers.count().exec()).toBe(30);
});
