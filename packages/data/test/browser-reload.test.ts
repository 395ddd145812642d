// @syncline/data in Chromium, against the real sync server: the default storage is IndexedDB (Dexie), a write
// made while the server is down is still pending after the page reloads, and it syncs once the server is back;
// with two tabs on one database only one replicates, the other shows its status, and it takes over on close; an
// old order one tab looks up on the server is kept by the tab that syncs for as long as the other shows it, and let go
// of 90 s after that tab crashed without a goodbye; a write the other tab pushed before the writing tab recorded it
// shows synced in both.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { controlCenterSchemas, createDemoData, ORDER_KEPT_DAYS } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserPage,
  openApp as openAppAt,
  startBrowserPage,
  until as untilOn,
  untilSynced,
} from './browser-page';

let harness: BrowserPage;
let server: TestServer;
let page: Page;

const openApp = (on: Page, token: string, name?: string) =>
  openAppAt(on, { origin: harness.origin, url: server.url, token, ...(name ? { name } : {}) });

beforeAll(async () => {
  harness = await startBrowserPage();
  server = await startTestServer({
    collections: controlCenterSchemas,
    serverOptions: { corsOrigins: [harness.origin] },
  });
  page = await (await harness.browser.newContext()).newPage();
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await server?.close();
});

const openPage = (token: string) => openApp(page, token);

/** Stores a delivered order, last changed long ago, out of every device's sync scope: `order-old`. */
async function storeOldOrder(tenant: string) {
  const [template] = createDemoData({ seed: 5, orders: 1 }).orders;
  if (!template) throw new Error('no demo order');
  const updatedAt = Date.now() - (ORDER_KEPT_DAYS + 30) * 86_400_000;
  const old = { ...template, id: 'order-old', status: 'delivered' as const, deliveredAt: updatedAt, updatedAt };
  const storage = await server.openStorage();
  await storage.transaction(tenant, async (tx) => {
    tx.nextUpdatedAt();
    await tx.write('orders', [{ id: old.id, updatedAt, deleted: false, data: { ...old, _deleted: false } }]);
  });
  await storage.close();
}

/** The old order as a tab's device holds it; null when it has none. */
const oldOrderOn = (tab: Page) => tab.evaluate(() => window.syncline.find('orders', 'order-old'));

/**
 * Until a sweep of the leader's (its own, now and again, or this one) has let go of the old order. Polled from here:
 * Playwright's waitForFunction takes the promise an async check returns for a true answer, without awaiting it.
 */
const untilLetGoOn = (leader: Page) =>
  expect
    .poll(
      () =>
        leader.evaluate(async () => {
          await window.syncline.sweepScopes();
          return window.syncline.find('orders', 'order-old');
        }),
      { timeout: 20_000, interval: 50 },
    )
    .toBeNull();

/**
 * A point a page waits at: a synchronous request that the server here answers when `open` is called (the page's
 * thread stands still meanwhile, its messages and timers waiting, as a starved tab's do).
 */
async function openGate() {
  let reached: () => void = () => undefined;
  const waiting: ServerResponse[] = [];
  const server = createServer((_request, response) => {
    waiting.push(response);
    reached();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // a test that fails before it opens leaves nothing that keeps the run alive
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    reached: new Promise<void>((resolve) => {
      reached = resolve;
    }),
    async open() {
      for (const response of waiting)
        response.writeHead(200, { 'access-control-allow-origin': '*', connection: 'close' }).end();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const status = () => page.evaluate(() => window.syncline.status());
const until = (test: string) => untilOn(page, test);

describe('in Chromium', () => {
  it('keeps an offline write pending across a reload and syncs it when the server is back', async () => {
    const token = await server.token('browser-shop');
    const storage = await openPage(token);
    // IndexedDB through Dexie, and no dev-mode wrapper: this is a production build
    expect(storage).toBe('dexie');
    await until('window.syncline.status().connection === "online"');

    const [order] = createDemoData({ seed: 3, orders: 1 }).orders;
    if (!order) throw new Error('no demo order');
    await server.restart({
      whileStopped: async () => {
        await until('window.syncline.status().connection === "offline"');
        await page.evaluate((o) => window.syncline.insert('orders', o), order);
        await until('window.syncline.status().pendingCount === 1');

        await page.reload();
        await openPage(token);
        await until('window.syncline.status().pendingCount === 1');
        expect(await page.evaluate((id) => window.syncline.syncState('orders', id), order.id)).toBe('pending');
        expect((await status()).connection).not.toBe('online');
      },
    });

    await until('window.syncline.status().pendingCount === 0 && window.syncline.status().connection === "online"');
    expect(await page.evaluate((id) => window.syncline.syncState('orders', id), order.id)).toBe('synced');
    // the server's clock arrives with the echo of the push
    await untilSynced(page, 'orders', order.id);
    const synced = await page.evaluate((id) => window.syncline.find('orders', id), order.id);
    expect(synced?.notes).toBe(order.notes);
  });

  it('keeps an old order a tab that does not sync shows, through the tab that does', async () => {
    const tenant = 'browser-tabs-keep';
    const token = await server.token(tenant);
    await storeOldOrder(tenant);

    const context = await harness.browser.newContext();
    const [leader, other] = [await context.newPage(), await context.newPage()];
    await openApp(leader, token, 'tabs-keep');
    await untilOn(leader, 'window.syncline.leading() && window.syncline.status().connection === "online"');
    await leader.evaluate(() => window.syncline.inSync());
    await openApp(other, token, 'tabs-keep');
    expect(await other.evaluate(() => window.syncline.leading())).toBe(false);
    expect(await leader.evaluate(() => window.syncline.find('orders', 'order-old'))).toBeNull();

    const untilLetGo = () => untilLetGoOn(leader);

    await other.evaluate(() => window.syncline.keepFromServer('orders', 'order-old'));
    await expect.poll(() => oldOrderOn(other), { timeout: 20_000 }).toMatchObject({ status: 'delivered' });
    // held by the tab that lets go of what leaves the scope, while the other tab shows it (a sweep lets go of
    // nothing while a pull is on its way, so the leader is in sync first)
    await leader.evaluate(() => window.syncline.inSync());
    expect(await leader.evaluate(() => window.syncline.sweepScopes())).toBe(0);
    expect(await leader.evaluate(() => window.syncline.find('orders', 'order-old'))).not.toBeNull();

    await other.evaluate(() => window.syncline.letGo('orders', 'order-old'));
    await untilLetGo();
    await expect.poll(() => oldOrderOn(other), { timeout: 20_000 }).toBeNull();

    // kept again, then the other tab closes with it open: the leader lets go of it
    await other.evaluate(() => window.syncline.keepFromServer('orders', 'order-old'));
    await expect.poll(() => oldOrderOn(leader), { timeout: 20_000 }).not.toBeNull();
    await leader.evaluate(() => window.syncline.inSync());
    expect(await leader.evaluate(() => window.syncline.sweepScopes())).toBe(0);
    // the other tab goes elsewhere (its page hides and says goodbye; a crash is the lease's, below)
    await other.goto('about:blank');
    await untilLetGo();
    await context.close();
  });

  it('lets go of an old order a tab showed once that tab crashed and its lease ran out', async () => {
    const tenant = 'browser-tabs-lease';
    const token = await server.token(tenant);
    await storeOldOrder(tenant);
    const context = await harness.browser.newContext();
    const leader = await context.newPage();
    // the leader's clock is the test's to move: the lease is 90 s
    await leader.clock.install();
    await openApp(leader, token, 'tabs-lease');
    await untilOn(leader, 'window.syncline.leading() && window.syncline.status().connection === "online"');
    await leader.evaluate(() => window.syncline.inSync());
    const other = await context.newPage();
    await openApp(other, token, 'tabs-lease');
    await other.evaluate(() => window.syncline.keepFromServer('orders', 'order-old'));
    await expect.poll(() => oldOrderOn(leader), { timeout: 20_000 }).not.toBeNull();

    // the other tab goes with the order open and its goodbye is lost, as a crashed tab's is (a renderer crash
    // cannot be had here without taking the leader's page, which shares its process, with it)
    await other.evaluate(() => {
      const post = BroadcastChannel.prototype.postMessage;
      BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
        if ((message as { type?: string } | null)?.type === 'bye') return;
        post.call(this, message);
      };
    });
    await other.close();
    // a minute on, the hold stands (the tab might only be slow to renew)
    await leader.clock.fastForward(60_000);
    expect(await leader.evaluate(() => window.syncline.sweepScopes())).toBe(0);
    expect(await leader.evaluate(() => window.syncline.find('orders', 'order-old'))).not.toBeNull();
    // past 90 s without a word, the leader lets go of it
    await leader.clock.fastForward(31_000);
    await untilLetGoOn(leader);
    await context.close();
  });

  it('shows a write synced in the tab that made it when the tab that syncs pushed it before that tab recorded it', async () => {
    const token = await server.token('browser-tabs-late');
    const context = await harness.browser.newContext();
    const [leader, writer] = [await context.newPage(), await context.newPage()];
    await openApp(leader, token, 'tabs-late');
    await untilOn(leader, 'window.syncline.leading() && window.syncline.status().connection === "online"');
    // the writing tab stops just before it stores the record of its write, as a busy machine can hold a tab back
    // while the other pushes the write: at its first write to the sync state store once `holdRecord` is set, it
    // waits (its page frozen, as a starved one is) for the gate's answer
    const gate = await openGate();
    await writer.addInitScript((gateUrl) => {
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof transaction>) {
        const page = window as { holdRecord?: boolean };
        if (page.holdRecord && args[1] === 'readwrite' && this.name.endsWith('--syncstate')) {
          page.holdRecord = false;
          const wait = new XMLHttpRequest();
          wait.open('GET', gateUrl, false);
          wait.send();
        }
        return transaction.apply(this, args);
      };
    }, gate.url);
    await openApp(writer, token, 'tabs-late');
    await writer.evaluate(() => {
      (window as { holdRecord?: boolean }).holdRecord = true;
    });

    const [order] = createDemoData({ seed: 11, orders: 1 }).orders;
    if (!order) throw new Error('no demo order');
    const inserted = writer.evaluate((o) => window.syncline.insert('orders', o), order);
    await gate.reached;
    // the tab that syncs pushes the write, and the server takes it, while the writing tab has not recorded it
    await untilSynced(leader, 'orders', order.id);
    await leader.evaluate(() => window.syncline.inSync());
    await gate.open();
    await inserted;

    await untilSynced(writer, 'orders', order.id);
    await untilSynced(leader, 'orders', order.id);
    await context.close();
  });

  it('replicates from one tab of two, mirrors its status in the other, and hands over when it closes', async () => {
    const token = await server.token('browser-tabs');
    // a tab of the same browser profile: same IndexedDB, same BroadcastChannel
    const second = await page.context().newPage();
    await openApp(page, token, 'two-tabs');
    await untilOn(page, 'window.syncline.status().connection === "online"');
    await openApp(second, token, 'two-tabs');
    // the second tab does not replicate, yet shows the leader's connection
    await untilOn(second, 'window.syncline.status().connection === "online"');
    expect(await page.evaluate(() => window.syncline.leading())).toBe(true);
    expect(await second.evaluate(() => window.syncline.leading())).toBe(false);

    const [one, two] = createDemoData({ seed: 9, orders: 2 }).orders;
    if (!one || !two) throw new Error('demo data too small');
    await second.evaluate((o) => window.syncline.insert('orders', o), one);
    // the leader pushes the other tab's write; the server's clock comes back to both
    await untilSynced(second, 'orders', one.id);
    expect(await second.evaluate(() => window.syncline.status().lastSyncedAt)).not.toBeNull();

    // the leading tab closes: the other takes over and its writes sync
    await page.close();
    await untilOn(second, 'window.syncline.leading()');
    await second.evaluate((o) => window.syncline.insert('orders', o), two);
    await untilSynced(second, 'orders', two.id);
    page = second;
  });
});
