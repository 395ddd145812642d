// The UI bench page: mounts the control center's orders page (on the kit's DataTable in manual mode, reading
// windows of an indexed query) over a local RxDB database of generated orders, searches and filters it, and the ConflictDiffViewer on a generated document, and exposes `window.bench`
// for the Playwright driver (run-ui.ts). Built with React's profiling build, so <Profiler> reports render times.
import { commits } from './render-counter';
import '../../../apps/control-center/src/styles.css';
import { createSynclineDatabase, type SynclineDatabase, SynclineProvider } from '@syncline/data';
import {
  controlCenterSchemas,
  createDemoData,
  generateOrders,
  lastDays,
  type Order,
  ordersDue,
  revenueToday,
} from '@syncline/domain';
import { ConflictDiffViewer } from '@syncline/ui/conflict-diff-viewer';
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { ControlCenterPalette } from '../../../apps/control-center/src/components/control-center-palette';
import { formatCents } from '../../../apps/control-center/src/lib/format';
import { DashboardPage } from '../../../apps/control-center/src/pages/dashboard';
import { OrdersPage } from '../../../apps/control-center/src/pages/orders';
import { SessionContext, type SessionContextValue } from '../../../apps/control-center/src/runtime/session-context';

let database: SynclineDatabase<typeof controlCenterSchemas> | null = null;
let root: Root | null = null;
let reactMs = 0;

const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  reactMs += actualDuration;
};

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** After the next paint: two frames. */
const painted = async () => {
  await frame();
  await frame();
};

function waitFor(test: () => boolean, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (test()) return resolve();
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('The page never got there.'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      if (!test()) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const session: SessionContextValue = {
  session: {
    serverUrl: 'http://127.0.0.1:1/graphql',
    token: 'bench',
    tenant: 'bench',
    tenantName: 'Bench',
    user: 'bench',
  },
  onSessionChange: () => {},
  onSignOut: () => {},
};

/**
 * The seeded shop takes this many orders a day, so a bigger shop is a longer history (10,000 orders: 100 days;
 * 100,000: about three years), as a real one grows: the dashboard's days, and the orders still in the shop, are
 * as many at either size.
 */
const ORDERS_PER_DAY = 100;
/** Orders received longer ago than this have left the shop (delivered or cancelled), as in a real one. */
const IN_SHOP_DAYS = 7;
/** What the dashboard should show of the seeded shop: its orders count, and the orders of the last days. */
let seeded: { count: number; recent: Order[] } = { count: 0, recent: [] };

/**
 * Stores `orders` as the replication stores what it pulls: straight into the storage, each as the server sent it
 * (its edit time the one the device that edited it stamped; a local insert would stamp every one with now, as if
 * the whole shop had just been edited), synced rather than pending.
 */
async function storeAsPulled(into: SynclineDatabase<typeof controlCenterSchemas>, orders: readonly Order[]) {
  const lwt = Date.now();
  const rows = orders.map((order) => ({
    document: { ...order, _deleted: false, _rev: '1-bench', _meta: { lwt }, _attachments: {} },
  }));
  const { error } = await into.orders.storageInstance.bulkWrite(rows as never, 'replication-downstream-bench');
  if (error.length > 0) throw new Error(`The seed could not store ${error.length} orders.`);
}

async function seed(count: number): Promise<void> {
  const demo = createDemoData({ orders: 0, customers: 200, machines: 24 });
  const customers = demo.customers;
  const now = Date.now();
  const since = (lastDays(now, 8)[0] as { start: number }).start;
  database = await createSynclineDatabase({
    name: `ui-bench-${count}-${Date.now()}`,
    // the control center's collections, as the app opens them: the pages read customers, the service catalogue,
    // saved views, machines
    collections: controlCenterSchemas,
    storage: getRxStorageMemory(),
    devMode: false,
    multiInstance: false,
  });
  await database.customers.bulkInsert(customers);
  await database.machines.bulkInsert(demo.machines);
  const batch: Order[] = [];
  const recent: Order[] = [];
  for (const order of generateOrders({
    seed: 7,
    count,
    customers,
    now,
    days: Math.max(14, count / ORDERS_PER_DAY),
    inShopDays: IN_SHOP_DAYS,
  })) {
    batch.push(order);
    if (order.receivedAt >= since || (order.dueAt ?? 0) >= since) recent.push(order);
    if (batch.length === 5_000) await storeAsPulled(database, batch.splice(0));
  }
  if (batch.length > 0) await storeAsPulled(database, batch);
  // At rest before the page mounts, as on a device where the orders were stored long before: the customers and
  // machines are local writes, which the data layer marks pending (a syncstate record each) after the insert
  // returns, and the memory storage indexes a write lazily, at the next read. Wait for the marks and read both
  // once, so the page is not billed for storing the seed.
  seeded = { count, recent };
  const written = customers.length + demo.machines.length;
  while ((await database.syncstate.count().exec()) < written) await new Promise((resolve) => setTimeout(resolve, 50));
  await database.orders.count().exec();
  // Generating and storing the seed leaves its garbage (every generated order copied into the storage, the index
  // arrays rebuilt): collected now, or the first mount would pay for a collection of the seed's leftovers, the
  // larger the shop the longer, which no device that stored its orders long before pays.
  (globalThis as { gc?: () => void }).gc?.();
}

/** Mounts `element` as the control center would: inside the session, the database and a router. */
function mountInApp(element: ReactNode) {
  if (!database) throw new Error('seed() first');
  root = createRoot(document.getElementById('root') as HTMLElement);
  root.render(
    <SessionContext value={session}>
      <SynclineProvider database={database}>
        <MemoryRouter>{element}</MemoryRouter>
      </SynclineProvider>
    </SessionContext>,
  );
}

const rows = () => document.querySelectorAll('tbody tr[data-order-id]').length;

async function mountOrders(expectedRows: number): Promise<{ ms: number; reactMs: number; rows: number }> {
  reactMs = 0;
  const started = performance.now();
  mountInApp(
    <Profiler id="orders" onRender={onRender}>
      <OrdersPage />
    </Profiler>,
  );
  await waitFor(() => rows() >= expectedRows, 180_000);
  await painted();
  return { ms: performance.now() - started, reactMs, rows: rows() };
}

/** One row goes synced -> pending (a local write not yet acknowledged): time to the row showing it, and renders. */
async function rowStateChange(): Promise<{ ms: number; reactMs: number; renders: string[] }> {
  if (!database) throw new Error('seed() first');
  const row = document.querySelector('tbody tr[data-order-id]') as HTMLElement;
  const id = row.dataset.orderId as string;
  const dotState = () =>
    document.querySelector(`tr[data-order-id="${id}"] [data-slot="sync-dot"]`)?.getAttribute('data-state');
  const syncstate = database.collections.syncstate;
  // the row starts synced: it came from the server (storeAsPulled)
  await waitFor(() => dotState() === 'synced');
  await painted();
  const since = commits.length;
  reactMs = 0;
  const started = performance.now();
  await syncstate.upsert({
    id: `orders|${id}`,
    collectionName: 'orders',
    documentId: id,
    state: 'pending',
    changedAt: Date.now(),
  });
  await waitFor(() => dotState() === 'pending');
  const ms = performance.now() - started;
  await painted();
  const renders = commits.slice(since).flatMap((commit) => commit.renders);
  const measured = { ms, reactMs, renders };
  // back to synced for the next sample (not measured)
  await (await syncstate.findOne(`orders|${id}`).exec())?.remove();
  await waitFor(() => dotState() === 'synced');
  await painted();
  return measured;
}

/** The search box's text set as a keystroke would: React's onChange runs. */
function typeInSearch(text: string): void {
  const input = document.querySelector('input[aria-label="Search orders"]') as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A cell's text by its column's header, whatever columns (a selection, a sync dot) come before it. */
const cellText = (row: Element, column: 'Number' | 'Customer' | 'Status') => {
  const index = [...document.querySelectorAll('thead th')].findIndex((th) => th.textContent?.trim() === column);
  return row.querySelectorAll('td')[index]?.textContent ?? '';
};
const NUMBER_CELL = 'Number';
const CUSTOMER_CELL = 'Customer';
const STATUS_CELL = 'Status';
const shownRows = () => [...document.querySelectorAll('tbody tr[data-order-id]')];

/** Every row in view passes `test`, and none is still loading. */
const rowsShow = (test: (row: Element) => boolean) => {
  const rows = shownRows();
  return rows.length > 0 && rows.every(test) && document.querySelector('[data-slot="data-table-loading-row"]') === null;
};

/**
 * Types the first row's customer name (lower case, as people type) or order number one key at a time: per
 * keystroke, the time to every row in view matching it.
 */
async function searchKeystrokes(by: 'customer' | 'number', keys: number): Promise<number[]> {
  const scroller = document.querySelector('[data-slot="data-table-scroll"]');
  if (!scroller) throw new Error('mountOrders() first');
  scroller.scrollTop = 0;
  await waitFor(() => rowsShow(() => true));
  const first = shownRows()[0] as Element;
  const text = by === 'customer' ? cellText(first, CUSTOMER_CELL).toLowerCase() : cellText(first, NUMBER_CELL);
  const column = by === 'customer' ? CUSTOMER_CELL : NUMBER_CELL;
  const times: number[] = [];
  for (let typed = 1; typed <= Math.min(keys, text.length); typed++) {
    const prefix = text.slice(0, typed);
    if (prefix.endsWith(' ')) continue;
    const started = performance.now();
    typeInSearch(prefix);
    await waitFor(() => rowsShow((row) => cellText(row, column).toLowerCase().startsWith(prefix)));
    times.push(performance.now() - started);
    await painted();
  }
  typeInSearch('');
  // back to every order: the page header reads "100,000 orders" again
  await waitFor(() => /^[\d,]+ orders$/.test(document.querySelector('h1 + p')?.textContent ?? ''));
  await painted();
  return times;
}

/**
 * Picks each status in the page's filter (by keyboard): per status, the time to the list closed and every row in
 * view having it (`changed`); then picks the same status again, which only closes the list (`same`): what the
 * Select itself costs, whatever the table does.
 */
async function statusFilter(labels: readonly string[]): Promise<{ changed: number[]; same: number[] }> {
  const pick = async (label: string) => {
    const trigger = document.querySelector('[aria-label="Filter by status"]') as HTMLElement;
    trigger.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(() =>
      [...document.querySelectorAll('[role="option"]')].some((option) => option.textContent === label),
    );
    await painted();
    const option = [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === label);
    const started = performance.now();
    option?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitFor(
      () =>
        document.querySelector('[role="listbox"]') === null &&
        rowsShow((row) => label === 'All statuses' || cellText(row, STATUS_CELL) === label),
    );
    const ms = performance.now() - started;
    await painted();
    return ms;
  };
  const changed: number[] = [];
  const same: number[] = [];
  for (const label of labels) {
    changed.push(await pick(label));
    same.push(await pick(label));
  }
  await pick('All statuses');
  return { changed, same };
}

/** Scrolls the page through its rows, one step per frame; returns the frame intervals. */
async function scroll(frames: number): Promise<number[]> {
  // the DataTable scrolls its own viewport; the page scrolls the document
  let scroller: Element | null = document.querySelector('tbody');
  while (
    scroller &&
    !(scroller.scrollHeight > scroller.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
  ) {
    scroller = scroller.parentElement;
  }
  const target = scroller ?? (document.scrollingElement as Element);
  target.scrollTop = 0;
  await painted();
  const step = Math.max(1, Math.min(200, (target.scrollHeight - target.clientHeight) / frames));
  const intervals: number[] = [];
  let last = await frame();
  for (let i = 0; i < frames; i++) {
    target.scrollTop += step;
    const now = await frame();
    intervals.push(now - last);
    last = now;
  }
  return intervals;
}

async function unmount(): Promise<void> {
  root?.unmount();
  root = null;
  await painted();
}

async function close(): Promise<void> {
  await unmount();
  await database?.remove();
  database = null;
}

/** A document of `count` fields: a tenth changed locally, a seventh on the server, some of both in conflict. */
function conflictDocuments(count: number) {
  const base: Record<string, string | number> = { id: 'doc-1' };
  const local: Record<string, string | number> = { id: 'doc-1' };
  const server: Record<string, string | number> = { id: 'doc-1' };
  for (let i = 0; i < count; i++) {
    const key = `field${String(i).padStart(4, '0')}`;
    const text = i % 3 === 0 ? `Line ${i} of the order notes, washed at forty degrees` : i;
    base[key] = text;
    local[key] = i % 10 === 0 ? (typeof text === 'string' ? `${text}, then pressed` : text + 1) : text;
    server[key] = i % 7 === 0 ? (typeof text === 'string' ? `${text}, folded by Ana` : text + 2) : text;
  }
  return { base, local, server };
}

async function openConflict(fields: number, showUnchanged: boolean): Promise<{ ms: number; reactMs: number }> {
  const container = document.getElementById('root') as HTMLElement;
  const docs = conflictDocuments(fields);
  reactMs = 0;
  const started = performance.now();
  root = createRoot(container);
  root.render(
    <Profiler id="conflict" onRender={onRender}>
      <ConflictDiffViewer {...docs} defaultShowUnchanged={showUnchanged} onApply={() => {}} />
    </Profiler>,
  );
  await waitFor(() => document.querySelector('[data-slot="conflict-field"]') !== null);
  await painted();
  const ms = performance.now() - started;
  await unmount();
  return { ms, reactMs };
}

/** A metric card's value by its label, or undefined when the page shows no such card. */
const metricValue = (label: string) =>
  [...document.querySelectorAll('[data-slot="metric-card"]')]
    .find((card) => card.querySelector('[data-slot="metric-card-label"]')?.textContent === label)
    ?.querySelector('[data-slot="metric-card-value"]')?.textContent ?? undefined;

/**
 * Mounts the control center's dashboard over the seeded shop: the time to every figure it shows of the orders being
 * the shop's (the orders count, the counts by status, today's orders due and, when shown, today's revenue).
 */
async function mountDashboard(): Promise<{ ms: number; reactMs: number }> {
  if (!database) throw new Error('seed() first');
  const now = Date.now();
  const due = ordersDue(seeded.recent, now).value.toLocaleString();
  const revenue = formatCents(revenueToday(seeded.recent, now).value);
  const orders = seeded.count.toLocaleString();
  reactMs = 0;
  const started = performance.now();
  mountInApp(
    <Profiler id="dashboard" onRender={onRender}>
      <DashboardPage />
    </Profiler>,
  );
  const byStatus = () =>
    [...document.querySelectorAll('ul[aria-label="Orders by status"] li')].reduce(
      (sum, item) => sum + Number(item.lastElementChild?.textContent ?? 0),
      0,
    );
  await waitFor(
    () =>
      (document.querySelector('h1 + p')?.textContent ?? '').startsWith(`${orders} orders`) &&
      byStatus() === seeded.count &&
      metricValue('Orders due today') === due &&
      [undefined, revenue].includes(metricValue('Revenue today')),
    180_000,
  );
  await painted();
  return { ms: performance.now() - started, reactMs };
}

/** Whether the palette is still answering what was typed last. */
const paletteBusy = () =>
  document.querySelector('[data-slot="command-palette-list"]')?.getAttribute('aria-busy') === 'true';

/** The palette's order rows: "#12345 · Customer Name". */
const paletteOrders = () =>
  [...document.querySelectorAll('[cmdk-item]')]
    .filter((item) => item.getAttribute('data-value')?.startsWith('Orders:'))
    .map((item) => item.querySelector('span')?.textContent ?? '');

/**
 * Opens the control center's command palette over the seeded shop and types each query one key at a time, as a
 * person does: per keystroke, the time to the palette's orders all matching what is typed (an order number's
 * digits, a customer's name in lower case).
 */
async function paletteKeystrokes(queries: readonly string[]): Promise<number[]> {
  mountInApp(<ControlCenterPalette open onOpenChange={() => {}} onShowShortcuts={() => {}} />);
  await waitFor(() => document.querySelector('[data-slot="command-palette-input"]') !== null);
  await painted();
  const input = document.querySelector('[data-slot="command-palette-input"]') as HTMLInputElement;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  const type = (text: string) => {
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const times: number[] = [];
  for (const query of queries) {
    for (let typed = 1; typed <= query.length; typed++) {
      const prefix = query.slice(0, typed);
      if (prefix.endsWith(' ')) continue;
      // the last search's orders stay on screen while the new one is answered, the list marked busy meanwhile: the
      // answer is the list no longer busy, its orders all matching
      const matches = (label: string) => {
        const [number = '', name = ''] = label.split(' · ');
        return number.startsWith(`#${prefix}`) || name.toLowerCase().startsWith(prefix);
      };
      const started = performance.now();
      type(prefix);
      await waitFor(() => {
        const shown = paletteOrders();
        return !paletteBusy() && shown.length > 0 && shown.every(matches);
      });
      times.push(performance.now() - started);
      await painted();
    }
    type('');
    await waitFor(() => !paletteBusy() && paletteOrders().length === 0);
    await painted();
  }
  await unmount();
  return times;
}

/** What to type in the palette: orders' numbers and customers' names, of the seeded shop. */
function paletteQueries(): string[] {
  const some = seeded.recent.slice(0, 3);
  return [...some.map((order) => String(order.number)), ...some.map((order) => order.customerName.toLowerCase())];
}

Object.assign(window, {
  bench: {
    seed,
    mountOrders,
    mountDashboard,
    paletteKeystrokes,
    paletteQueries,
    rowStateChange,
    searchKeystrokes,
    statusFilter,
    scroll,
    unmount,
    close,
    openConflict,
  },
});
document.body.dataset.ready = 'true';
