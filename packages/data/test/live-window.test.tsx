// @vitest-environment jsdom
// Windows onto long lists, as a table in manual mode uses them: the count comes from an index, only the rows in
// the window are read, newest-first windows come back in order, several ranges read as one list, a write shows in
// the window live, and a new query keeps the last rows until its own arrive, which then show as soon as they are
// read.
import { controlCenterSchemas, createDemoData, type Order } from '@syncline/domain';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { IDBCursor, IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { useEffect } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { RxStorage } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { firstValueFrom } from 'rxjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  liveFirst,
  liveWindow,
  type RowRange,
  type SynclineDatabase,
  SynclineProvider,
  useLiveCount,
  useLiveFirst,
  useLiveWindow,
  type WindowQuery,
} from '../src';
import { openLocalDatabase } from './open-local';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const schemas = { orders: controlCenterSchemas.orders };
const { orders } = createDemoData({ seed: 5, orders: 230, customers: 20, machines: 2 });
const numbers = orders.map((order) => order.number).sort((a, b) => a - b);
let database: SynclineDatabase<typeof schemas>;
let storage: RxStorage<unknown, unknown> | undefined;

beforeEach(async () => {
  database = await openLocalDatabase('window', schemas, storage);
  await database.orders.bulkInsert(orders);
});

afterEach(async () => {
  cleanup();
  await database.remove();
});

/** The storages a window is read from: RxDB's memory storage (Node) and Dexie on IndexedDB (browsers). */
const storages: [string, () => RxStorage<unknown, unknown> | undefined][] = [
  ['memory', () => undefined],
  ['Dexie', () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>],
];

const newestFirst: WindowQuery<Order> = { selector: {}, sort: [{ number: 'desc' }] };
const read = (queries: WindowQuery<Order>[], range: RowRange) =>
  firstValueFrom(liveWindow(database.orders, queries, range));

describe.each(storages)('liveWindow on %s storage', (_name, makeStorage) => {
  beforeAll(() => {
    storage = makeStorage();
  });
  afterAll(() => {
    storage = undefined;
  });

  it('counts every match and reads only the window, newest first in order', async () => {
    const window = await read([newestFirst], { start: 10, end: 15 });
    expect(window.count).toBe(230);
    expect(window.offset).toBe(10);
    expect(window.rows.map((order) => order.number)).toEqual(numbers.toReversed().slice(10, 15));
  });

  it('reads ascending windows and windows past the end', async () => {
    const ascending: WindowQuery<Order> = { selector: {}, sort: [{ number: 'asc' }] };
    expect((await read([ascending], { start: 0, end: 3 })).rows.map((o) => o.number)).toEqual(numbers.slice(0, 3));
    const last = await read([ascending], { start: 225, end: 300 });
    expect(last.rows.map((o) => o.number)).toEqual(numbers.slice(225));
  });

  it('reads several queries as one list, the window crossing from one to the next', async () => {
    const received: WindowQuery<Order> = { selector: { status: 'received' }, sort: [{ number: 'asc' }] };
    const ready: WindowQuery<Order> = { selector: { status: 'ready' }, sort: [{ number: 'asc' }] };
    const both = orders.filter((o) => o.status === 'received').length;
    const window = await read([received, ready], { start: both - 2, end: both + 2 });
    expect(window.count).toBe(both + orders.filter((o) => o.status === 'ready').length);
    expect(window.rows.map((o) => o.status)).toEqual(['received', 'received', 'ready', 'ready']);
  });
});

describe('liveFirst', () => {
  it('reads the first matches of several queries as one list, no more than asked', async () => {
    const ascending: WindowQuery<Order> = { selector: {}, sort: [{ number: 'asc' }] };
    const first = await firstValueFrom(liveFirst(database.orders, [ascending], 3));
    expect(first.map((order) => order.number)).toEqual(numbers.slice(0, 3));
    const received = orders.filter((o) => o.status === 'received').map((o) => o.number);
    const ready = orders.filter((o) => o.status === 'ready').map((o) => o.number);
    const both = await firstValueFrom(
      liveFirst(
        database.orders,
        [
          { selector: { status: 'received' }, sort: [{ number: 'asc' }] },
          { selector: { status: 'ready' }, sort: [{ number: 'asc' }] },
        ],
        received.length + 2,
      ),
    );
    expect(both.map((order) => order.number)).toEqual([
      ...received.sort((a, b) => a - b),
      ...ready.sort((a, b) => a - b).slice(0, 2),
    ]);
    expect(await firstValueFrom(liveFirst(database.orders, [], 3))).toEqual([]);
  });

  it('reads a later query only while the earlier ones fill less than asked, and follows writes to either', async () => {
    const byStatus = (status: Order['status']): WindowQuery<Order> => ({
      selector: { status },
      sort: [{ number: 'asc' }],
    });
    const received = orders.filter((o) => o.status === 'received').sort((a, b) => a.number - b.number);
    const ready = orders.filter((o) => o.status === 'ready').sort((a, b) => a.number - b.number);
    expect(received.length).toBeGreaterThan(3);
    const asked: unknown[] = [];
    const find = database.orders.find.bind(database.orders);
    database.orders.find = ((query) => {
      asked.push(query?.selector);
      return find(query);
    }) as typeof database.orders.find;
    const lists: number[][] = [];
    const subscription = liveFirst(database.orders, [byStatus('received'), byStatus('ready')], 3).subscribe((rows) =>
      lists.push(rows.map((order) => order.number)),
    );
    const numbersOf = (list: Order[]) => list.map((order) => order.number);
    await waitFor(() => expect(lists.at(-1)).toEqual(numbersOf(received.slice(0, 3))));
    expect(asked).toEqual([{ status: 'received' }]);

    // all but one received order moves on: the list fills up from the ready ones, live
    for (const order of received.slice(1)) await database.orders.findOne(order.id).patch({ status: 'washing' });
    await waitFor(() => expect(lists.at(-1)).toEqual([received[0]?.number, ...numbersOf(ready.slice(0, 2))]));
    // and a write to a ready order in the list shows too
    await database.orders.findOne(ready[0]?.id).patch({ status: 'delivered' });
    await waitFor(() => expect(lists.at(-1)).toEqual([received[0]?.number, ...numbersOf(ready.slice(1, 3))]));
    subscription.unsubscribe();
  });
});

describe('a far window on Dexie storage', () => {
  beforeAll(() => {
    storage = storages[1]?.[1]();
  });
  afterAll(() => {
    storage = undefined;
  });

  it('passes over the rows before it on the index: only the window is read', async () => {
    const steps = { count: 0 };
    const next = IDBCursor.prototype.continue;
    IDBCursor.prototype.continue = function (this: IDBCursor, key?: IDBValidKey) {
      steps.count += 1;
      return next.call(this, key);
    };
    try {
      // the newest five: read from the far end of the number index, 225 rows passed over
      const window = await read([newestFirst], { start: 0, end: 5 });
      expect(window.rows.map((order) => order.number)).toEqual(numbers.toReversed().slice(0, 5));
      expect(steps.count).toBeLessThan(10);
      // a selector the index does not answer is read as the storage reads it: every match, in order
      const named = orders.filter((o) => o.notes !== '').length;
      const withNotes = await firstValueFrom(
        database.orders.find({ selector: { notes: { $ne: '' } }, sort: [{ number: 'asc' }], skip: 2, limit: 3 }).$,
      );
      expect(withNotes.map((o) => o.number)).toEqual(
        orders
          .filter((o) => o.notes !== '')
          .map((o) => o.number)
          .sort((a, b) => a - b)
          .slice(2, 5),
      );
      expect(named).toBeGreaterThan(5);
    } finally {
      IDBCursor.prototype.continue = next;
    }
  });
});

describe('useLiveFirst', () => {
  it('shows the first matches, follows writes, and keeps the last ones, marked loading, until a new query answers', async () => {
    const byStatus = (status: Order['status']): WindowQuery<Order> => ({
      selector: { status },
      sort: [{ number: 'asc' }],
    });
    const view = (query: WindowQuery<Order>) => (
      <SynclineProvider database={database}>
        <Suggestions query={query} />
      </SynclineProvider>
    );
    const firstOf = (status: Order['status'], count = 3) =>
      orders
        .filter((o) => o.status === status)
        .map((o) => `#${o.number}`)
        .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)))
        .slice(0, count);
    const shown = () => screen.getAllByRole('listitem').map((item) => item.textContent);
    const { rerender } = render(view(byStatus('received')));
    await waitFor(() => expect(shown()).toEqual(firstOf('received')));
    expect(screen.getByRole('list')).toHaveProperty('ariaBusy', 'false');

    const [first] = orders.filter((o) => o.status === 'received').sort((a, b) => a.number - b.number);
    await act(() => database.orders.findOne(first?.id).patch({ status: 'washing' }));
    await waitFor(() => expect(shown()).toEqual(firstOf('received', 4).slice(1)));

    rerender(view(byStatus('ready')));
    // until the new query answers, the last matches stay, marked as such
    expect(shown()).toEqual(firstOf('received', 4).slice(1));
    expect(screen.getByRole('list')).toHaveProperty('ariaBusy', 'true');
    await waitFor(() => expect(shown()).toEqual(firstOf('ready')));
    expect(screen.getByRole('list')).toHaveProperty('ariaBusy', 'false');
  });
});

function Suggestions({ query }: { query: WindowQuery<Order> }) {
  const { rows, loading } = useLiveFirst<Order>('orders', query, 3);
  return (
    <ul aria-busy={loading}>
      {rows.map((order) => (
        <li key={order.id}>{`#${order.number}`}</li>
      ))}
    </ul>
  );
}

function Orders({ query, range }: { query: WindowQuery<Order>; range: RowRange }) {
  const { count } = useLiveCount<Order>('orders');
  const shown = useLiveWindow<Order>('orders', query, { pageSize: 10 });
  const { showRows } = shown;
  useEffect(() => showRows(range), [showRows, range]);
  return (
    <>
      <p>{`${shown.count} of ${count}`}</p>
      <ol start={shown.offset + 1}>
        {shown.rows.map((order) => (
          <li key={order.id}>{`#${order.number}`}</li>
        ))}
      </ol>
    </>
  );
}

describe('useLiveWindow and useLiveCount', () => {
  it('show a page-aligned window, follow writes, and keep the rows while a new query loads', async () => {
    const view = (query: WindowQuery<Order>, range: RowRange) => (
      <SynclineProvider database={database}>
        <Orders query={query} range={range} />
      </SynclineProvider>
    );
    const { rerender } = render(view(newestFirst, { start: 3, end: 7 }));
    await screen.findByText('230 of 230');
    // the window is read in pages of ten: rows 0–9 around rows 3–6
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      numbers
        .toReversed()
        .slice(0, 10)
        .map((n) => `#${n}`),
    );

    const newest = { ...(orders[0] as Order), id: 'ord-new', number: (numbers.at(-1) as number) + 1 };
    await act(() => database.orders.insert(newest));
    await screen.findByText('231 of 231');
    await waitFor(() => expect(screen.getAllByRole('listitem')[0]).toHaveProperty('textContent', `#${newest.number}`));

    const received: WindowQuery<Order> = { selector: { status: 'received' }, sort: [{ number: 'desc' }] };
    rerender(view(received, { start: 0, end: 5 }));
    // until the new query answers, the last rows stay
    expect(screen.getAllByRole('listitem').length).toBe(10);
    const receivedCount = [...orders, newest].filter((o) => o.status === 'received').length;
    await screen.findByText(`${receivedCount} of 231`);
  });

  it("shows a new query's rows as soon as they are read, with no task (so no frame) of the last rows between", async () => {
    // as in a browser: React schedules its own work, no act() flushes it
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
    const container = document.body.appendChild(document.createElement('div'));
    const root = createRoot(container);
    try {
      const view = (query: WindowQuery<Order>) => (
        <SynclineProvider database={database}>
          <Orders query={query} range={{ start: 0, end: 5 }} />
        </SynclineProvider>
      );
      flushSync(() => root.render(view(newestFirst)));
      while (!container.textContent?.startsWith('230 of 230')) await new Promise((resolve) => setTimeout(resolve, 5));
      const received: WindowQuery<Order> = { selector: { status: 'received' }, sort: [{ number: 'desc' }] };
      const receivedCount = orders.filter((o) => o.status === 'received').length;
      // a pick is rendered at once (a discrete event), its effects with it: the new query is read from there
      flushSync(() => root.render(view(received)));
      expect(container.textContent).toMatch(/^230 of 230/);
      let taskRan = false;
      setTimeout(() => {
        taskRan = true;
      });
      // the memory storage answers in promise callbacks: the rows are on the page before any other task runs
      for (let turn = 0; turn < 10_000 && !container.textContent?.startsWith(`${receivedCount} of 230`); turn++) {
        await Promise.resolve();
      }
      expect(taskRan).toBe(false);
      expect(container.textContent).toMatch(new RegExp(`^${receivedCount} of 230`));
    } finally {
      root.unmount();
      container.remove();
      (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    }
  });
});
