// @syncline/data in Chromium, against the real sync server: the default storage is IndexedDB (Dexie), a write
// made while the server is down is still pending after the page reloads, and it syncs once the server is back;
// with two tabs on one database only one replicates, the other shows its status, and it takes over on close.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, defaultClientConditions, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

let vite: PreviewServer;
let outDir: string;
let server: TestServer;
let browser: Browser;
let page: Page;
let origin: string;

async function openApp(on: Page, token: string, name?: string) {
  await on.goto(origin);
  await on.waitForFunction(() => 'syncline' in window, undefined, { timeout: 60_000 });
  return on.evaluate(([url, t, n]) => window.syncline.open(url as string, t as string, n), [server.url, token, name]);
}

const untilOn = (on: Page, test: string) => on.waitForFunction(test, undefined, { timeout: 20_000, polling: 50 });

/** Until the order is acknowledged and carries the server's clock. */
const untilSynced = (on: Page, id: string) =>
  on.waitForFunction(
    async (orderId) =>
      (await window.syncline.syncState(orderId)) === 'synced' &&
      typeof (await window.syncline.order(orderId))?.updatedAt === 'number',
    id,
    { timeout: 20_000, polling: 50 },
  );

beforeAll(async () => {
  // a production build served statically: what an app ships, and no dev-server dependency discovery that
  // could reload the page in the middle of a test
  const root = fileURLToPath(new URL('./browser', import.meta.url));
  outDir = mkdtempSync(join(tmpdir(), 'syncline-data-page-'));
  // built as an app's production build is: Vite reads production-ness from NODE_ENV, which the test runner sets
  // to "test"
  const runnerEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: false,
      root,
      mode: 'production',
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
  } finally {
    process.env.NODE_ENV = runnerEnv;
  }
  vite = await preview({
    configFile: false,
    root,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  const address = vite.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the page server did not start');
  origin = `http://127.0.0.1:${address.port}`;
  server = await startTestServer({ collections: controlCenterSchemas, serverOptions: { corsOrigins: [origin] } });
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await (await browser.newContext()).newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await vite?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const openPage = (token: string) => openApp(page, token);
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
        await page.evaluate((o) => window.syncline.insertOrder(o), order);
        await until('window.syncline.status().pendingCount === 1');

        await page.reload();
        await openPage(token);
        await until('window.syncline.status().pendingCount === 1');
        expect(await page.evaluate((id) => window.syncline.syncState(id), order.id)).toBe('pending');
        expect((await status()).connection).not.toBe('online');
      },
    });

    await until('window.syncline.status().pendingCount === 0 && window.syncline.status().connection === "online"');
    expect(await page.evaluate((id) => window.syncline.syncState(id), order.id)).toBe('synced');
    // the server's clock arrives with the echo of the push
    await page.waitForFunction(
      async (id) => typeof (await window.syncline.order(id))?.updatedAt === 'number',
      order.id,
      { timeout: 20_000, polling: 50 },
    );
    const synced = await page.evaluate((id) => window.syncline.order(id), order.id);
    expect(synced?.notes).toBe(order.notes);
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
    await second.evaluate((o) => window.syncline.insertOrder(o), one);
    // the leader pushes the other tab's write; the server's clock comes back to both
    await untilSynced(second, one.id);
    expect(await second.evaluate(() => window.syncline.status().lastSyncedAt)).not.toBeNull();

    // the leading tab closes: the other takes over and its writes sync
    await page.close();
    await untilOn(second, 'window.syncline.leading()');
    await second.evaluate((o) => window.syncline.insertOrder(o), two);
    await untilSynced(second, two.id);
    page = second;
  });
});
