// @syncline/data in Chromium, against the real sync server: the default storage is IndexedDB (Dexie), a write
// made while the server is down is still pending after the page reloads, and it syncs once the server is back.
import { fileURLToPath } from 'node:url';
import { controlCenterSchemas, createDemoData } from '@syncline/domain';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, defaultClientConditions, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';

let vite: ViteDevServer;
let server: TestServer;
let browser: Browser;
let page: Page;
let origin: string;

beforeAll(async () => {
  vite = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('./browser', import.meta.url)),
    resolve: { conditions: ['source', ...defaultClientConditions] },
    server: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the page server did not start');
  origin = `http://127.0.0.1:${address.port}`;
  server = await startTestServer({ collections: controlCenterSchemas, serverOptions: { corsOrigins: [origin] } });
  browser = await chromium.launch(chromiumLaunchOptions());
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await vite?.close();
});

async function openPage(token: string) {
  await page.goto(origin);
  await page.waitForFunction(() => 'syncline' in window, undefined, { timeout: 60_000 });
  return page.evaluate(([url, t]) => window.syncline.open(url as string, t as string), [server.url, token]);
}

const status = () => page.evaluate(() => window.syncline.status());
const until = (test: string) => page.waitForFunction(test, undefined, { timeout: 20_000, polling: 50 });

describe('in Chromium', () => {
  it('keeps an offline write pending across a reload and syncs it when the server is back', async () => {
    const token = await server.token('browser-shop');
    const storage = await openPage(token);
    expect(storage).toMatch(/dexie$/); // IndexedDB, wrapped by dev-mode's schema validation
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
});
