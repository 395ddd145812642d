// The harness of the suites that run @syncline/data in Chromium: the page of test/browser/ built as an app's
// production build is, served statically, a Chromium to open it in, and the ways a test drives it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, defaultClientConditions, preview } from 'vite';
import { expect } from 'vitest';
import { chromiumLaunchOptions } from '../../../scripts/chromium.mjs';
import type { OpenOptions } from './browser/client';

export interface BrowserPage {
  /** where the page is served: the origin a sync server must allow (`corsOrigins`) */
  readonly origin: string;
  readonly browser: Browser;
  /** closes the browser and the page's server, and removes the build */
  close(): Promise<void>;
}

/** Builds and serves the test page and launches Chromium (allow it a minute or two: it builds with Vite). */
export async function startBrowserPage(): Promise<BrowserPage> {
  // a production build served statically: what an app ships, and no dev-server dependency discovery that
  // could reload the page in the middle of a test
  const root = fileURLToPath(new URL('./browser', import.meta.url));
  const outDir = mkdtempSync(join(tmpdir(), 'syncline-data-page-'));
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
  const vite = await preview({
    configFile: false,
    root,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
    logLevel: 'silent',
  });
  const address = vite.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the page server did not start');
  const browser = await chromium.launch(chromiumLaunchOptions());
  return {
    origin: `http://127.0.0.1:${address.port}`,
    browser,
    async close() {
      await browser.close();
      await vite.close();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface OpenAppOptions extends OpenOptions {
  /** the page's origin (`BrowserPage.origin`) */
  origin: string;
  /** the sync server's GraphQL endpoint */
  url: string;
  token: string;
}

/** Loads the page (a fresh load, as a reload is) and waits for its `window.syncline`. */
export async function loadPage(page: Page, origin: string) {
  await page.goto(origin);
  await page.waitForFunction(() => 'syncline' in window, undefined, { timeout: 60_000 });
}

/**
 * Loads the page (a fresh load, as a reload is: the previous page and its database connections go), opens its
 * database as `options` say and syncs it with the server; answers the storage's name.
 */
export async function openApp(page: Page, { origin, url, token, ...options }: OpenAppOptions) {
  await loadPage(page, origin);
  return page.evaluate(
    async ([u, t, o]) => {
      const storage = await window.syncline.open(o);
      window.syncline.replicate(u, t);
      return storage;
    },
    [url, token, options] as const,
  );
}

/** Until `test` (a JavaScript expression run in the page) is true. */
export const until = (page: Page, test: string) =>
  page.waitForFunction(test, undefined, { timeout: 20_000, polling: 50 });

/**
 * Until the document is acknowledged and carries the server's clock (`updatedAt`, which the server's echo brings).
 * Polled from here: Playwright's waitForFunction takes the promise an async check returns for a true answer. A wait
 * that runs out says what the page had: the document's sync state and clock, whether the tab syncs, and its status.
 */
export const untilSynced = (page: Page, collection: string, id: string) =>
  expect
    .poll(
      () =>
        page.evaluate(
          async ([name, documentId]) => {
            const { syncline } = window;
            const state = await syncline.syncState(name, documentId);
            const document = await syncline.find(name, documentId);
            if (state === 'synced' && typeof document?.updatedAt === 'number') return 'synced';
            const { connection, activity, pendingCount, failedCount, lastError, stalled, paused, priority } =
              syncline.status();
            return JSON.stringify({
              state,
              onDevice: document !== null,
              serverClock: document?.updatedAt ?? null,
              leading: syncline.leading(),
              status: { connection, activity, pendingCount, failedCount, lastError, stalled, paused, priority },
            });
          },
          [collection, id] as const,
        ),
      { timeout: 20_000, interval: 50, message: `${collection} "${id}" synced and carrying the server's clock` },
    )
    .toBe('synced');
