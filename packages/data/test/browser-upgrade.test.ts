// An app update end to end in Chromium, on IndexedDB (Dexie): a device whose tasks synced at schema version 0 makes
// changes offline while the server moves to version 1. Reloaded, the old app is refused with words that say to
// update it, nothing failed and its changes still pending; reloaded as the updated app, its data moves up on open,
// pending changes kept, and everything it holds reaches the server at version 1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '@syncline/server/testing';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type BrowserPage, loadPage, openApp, startBrowserPage, until, untilSynced } from './browser-page';
import { tasksOnServer } from './helpers';
import { type Task, type TaskV1, taskSchema, taskSchemaV1 } from './task-schemas';

const tenant = 'upgrade-shop';
const synced: Task[] = [
  { id: 't1', title: 'Wash the towels', done: false },
  { id: 't2', title: 'Fold the sheets', done: false },
  { id: 't3', title: 'Mend the apron', done: true },
];
const madeOffline: Task = { id: 't4', title: 'Iron the shirts', done: false };

let harness: BrowserPage;
let page: Page;
let server: TestServer | undefined;
let dataDir: string;

beforeAll(async () => {
  harness = await startBrowserPage();
  page = await (await harness.browser.newContext()).newPage();
  dataDir = mkdtempSync(join(tmpdir(), 'syncline-upgrade-'));
}, 120_000);

afterAll(async () => {
  await harness?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const syncStates = (ids: string[]) =>
  page.evaluate((all) => Promise.all(all.map((id) => window.syncline.syncState('tasks', id))), ids);

it('refuses the outdated app with words that say to update it, then syncs its offline changes once updated', async () => {
  const dbPath = join(dataDir, 'sync.sqlite');
  const serve = (collections: Parameters<typeof startTestServer>[0]['collections'], port = 0) =>
    startTestServer({ collections, dbPath, port, serverOptions: { corsOrigins: [harness.origin] } });
  const v0 = await serve({ tasks: taskSchema });
  server = v0;
  const token = await v0.token(tenant);
  const open = (app: 'tasks-v0' | 'tasks-v1') => openApp(page, { origin: harness.origin, url: v0.url, token, app });

  // version 0 everywhere: the device's tasks sync
  expect(await open('tasks-v0')).toBe('dexie');
  for (const task of synced) await page.evaluate((t) => window.syncline.insert('tasks', t), task);
  for (const task of synced) await untilSynced(page, 'tasks', task.id);
  await page.evaluate(() => window.syncline.inSync());

  // offline: the server stops. A real outage (requests refused at the socket), where Chromium's offline emulation
  // let a push through under load (see tests/support's setOnline); and the server has to restart anyway to move to
  // version 1 on the same file
  await v0.close();
  server = undefined;
  await until(page, 'window.syncline.status().connection === "offline"');
  await page.evaluate(() => window.syncline.patch('tasks', 't1', { done: true }));
  await page.evaluate((t) => window.syncline.insert('tasks', t), madeOffline);
  await until(page, 'window.syncline.status().pendingCount === 2');

  // the server comes back serving version 1, at the same address; the app on the device is still the old one
  server = await serve({ tasks: taskSchemaV1 }, v0.port);
  await open('tasks-v0');
  await until(page, 'window.syncline.status().lastError?.kind === "outdated"');
  const refused = await page.evaluate(() => window.syncline.status());
  expect(refused.lastError?.message).toBe(
    "This app's tasks are schema version 0; the server serves version 1. Update the app to sync tasks; changes made here stay on this device until then.",
  );
  // who must update, for an app to offer a reload
  expect(refused.lastError?.update).toBe('app');
  expect(refused.pendingCount).toBe(2);
  expect(refused.failedCount).toBe(0);
  expect(await syncStates(['t1', 't2', 't4'])).toEqual(['pending', 'synced', 'pending']);

  // the updated app: its data moves up as the database opens, the offline changes still pending...
  await loadPage(page, harness.origin);
  await page.evaluate(() => window.syncline.open({ app: 'tasks-v1' }));
  expect(await page.evaluate(() => window.syncline.find('tasks', 't1'))).toMatchObject({ done: true, priority: 1 });
  expect(await page.evaluate(() => window.syncline.find('tasks', 't4'))).toMatchObject({ priority: 1 });
  expect(await syncStates(['t1', 't2', 't4'])).toEqual(['pending', 'synced', 'pending']);

  // ...and once it syncs, everything the device holds is on the server at version 1
  await page.evaluate(([url, t]) => window.syncline.replicate(url, t), [v0.url, token] as const);
  for (const id of ['t1', 't4']) await untilSynced(page, 'tasks', id);
  await until(page, 'window.syncline.status().connection === "online" && window.syncline.status().pendingCount === 0');
  await page.evaluate(() => window.syncline.inSync());
  const status = await page.evaluate(() => window.syncline.status());
  expect(status).toMatchObject({
    connection: 'online',
    pendingCount: 0,
    failedCount: 0,
    conflictCount: 0,
    lastError: null,
  });
  expect(await syncStates(['t1', 't2', 't3', 't4'])).toEqual(['synced', 'synced', 'synced', 'synced']);

  const onServer = await tasksOnServer<TaskV1>(server, tenant, 'id title done priority');
  expect(onServer.toSorted((a, b) => a.id.localeCompare(b.id))).toEqual([
    // the offline edit landed on the state it started from, and the field the migration added went up with it
    { id: 't1', title: 'Wash the towels', done: true, priority: 1 },
    // tasks nobody changed since version 0 stay as the server stored them: it does not move its documents up a
    // version (see the server's README), the device's migration changed them on the device only
    { id: 't2', title: 'Fold the sheets', done: false, priority: null },
    { id: 't3', title: 'Mend the apron', done: true, priority: null },
    // the task created offline
    { id: 't4', title: 'Iron the shirts', done: false, priority: 1 },
  ]);
  // the device holds what it sent
  for (const id of ['t1', 't4']) {
    const { updatedAt, ...onDevice } = (await page.evaluate((task) => window.syncline.find('tasks', task), id)) ?? {};
    expect(onDevice).toEqual(onServer.find((task) => task.id === id));
  }
});
