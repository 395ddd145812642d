// The whole embedding path a product team walks, outside the repo, from the tarballs only: the app of the
// "Embed Syncline in your app" guide (docs/embed-syncline.md; its code blocks are the app's source files) is
// installed with npm on this Node, type-checked with the Vite template's own tsconfig under TypeScript 6 and
// the TypeScript a new Vite app gets, built both ways (the kit's prebuilt stylesheet, the app's own Tailwind),
// served, and synced through `syncline-server` started from its packed bin with the app's own schema module.
// In Chromium, two devices: add a ticket, go offline, edit, come back, see it on the other device, make a
// conflict and resolve it in the connected conflict inbox and viewer.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startFaultProxy } from '../support/fault-proxy';
import { setOnline } from '../support/network';
import { type ServerProcess, startServerProcess } from '../support/server-process';
import { printSyncTrafficOnFailure, recordSyncTraffic } from '../support/sync-traffic';
import { guideFiles, guideOverrides } from './guide';
import {
  buildConsumerApp,
  createConsumerApp,
  installedTokenColours,
  publishedPackages,
  serveDirectory,
} from './kit-consumer';

const execFileAsync = promisify(execFile);
const repo = join(import.meta.dirname, '../..');
/** The TypeScript `npm create vite` puts in a new React app today. */
const newAppTypeScript = '~7.0.2';

let work: string;
let app: string;
let installOutput: string;
let server: ServerProcess;
let browser: Browser;
let token: string;
let tokenColour: Awaited<ReturnType<typeof installedTokenColours>>;
const sites = new Map<'prebuilt' | 'tailwind', Awaited<ReturnType<typeof serveDirectory>>>();

async function inApp(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  try {
    return await execFileAsync(command, args, { cwd: app, env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'syncline-embed-'));
  app = join(work, 'tickets');
  const install = await createConsumerApp(app, {
    template: 'ticket-app',
    tarballs: inject('tarballs'),
    packages: Object.keys(publishedPackages) as (keyof typeof publishedPackages)[],
    devDependencies: ['@types/node'],
    exactDevDependencies: { typescript: newAppTypeScript },
    // the server's SQLite driver from the workspace, compiled already, instead of building it for every run
    overrides: { ...guideOverrides(), 'better-sqlite3': `file:${inject('prebuiltBetterSqlite3')}` },
    files: guideFiles(),
  });
  installOutput = `${install.stdout}\n${install.stderr}`;
  tokenColour = await installedTokenColours(app);

  for (const styling of ['prebuilt', 'tailwind'] as const) {
    const dist = await buildConsumerApp(app, { STYLING: styling }, `dist-${styling}`);
    sites.set(styling, await serveDirectory(dist));
  }
  server = await startServerProcess({
    bin: join(app, 'node_modules/@syncline/server/bin/syncline-server.mjs'),
    schemaFile: 'src/schemas.ts',
    cwd: app,
    args: [...sites.values()].flatMap((site) => ['--cors-origin', new URL(site.url).origin]),
    // as in development: no SYNCLINE_JWT_SECRET, so the server keeps a secret beside its database
    env: { SYNCLINE_JWT_SECRET: '' },
  });
  // `token` signs with that same secret when given the same --db.
  const minted = await inApp(process.execPath, [
    'node_modules/@syncline/server/bin/syncline-server.mjs',
    'token',
    '--tenant',
    'helpdesk',
    '--sub',
    'ana',
    '--db',
    server.dbPath,
  ]);
  token = minted.stdout.trim();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all([...sites.values()].map((site) => site.close()));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('installing the tarballs', () => {
  it('prints no engine warning on this Node with the overrides the guide gives', () => {
    expect(installOutput).not.toMatch(/EBADENGINE/);
  });

  it('imports the packed data layer in plain Node, without the source condition', async () => {
    const script = `
      import { createSynclineDatabase } from '@syncline/data';
      import { defineSchemas } from '@syncline/data/schema';
      const schemas = defineSchemas(${JSON.stringify({
        notes: {
          version: 0,
          primaryKey: 'id',
          type: 'object',
          properties: { id: { type: 'string', maxLength: 100 }, text: { type: 'string' } },
          required: ['id'],
        },
      })});
      const database = await createSynclineDatabase({ name: 'node-check', collections: schemas, devMode: false });
      await database.notes.insert({ id: 'n1', text: 'From Node' });
      console.log(JSON.stringify((await database.notes.find().exec()).map((doc) => doc.text)));
      await database.remove();`;
    await writeFile(join(app, 'node-check.mjs'), script);
    const { stdout } = await inApp(process.execPath, ['node-check.mjs']);
    expect(JSON.parse(stdout)).toEqual(['From Node']);
  });
});

describe("type-checking with the Vite template's tsconfig", () => {
  const compilers: Record<string, () => string> = {
    'TypeScript 6 (this workspace)': () => join(repo, 'node_modules/typescript/bin/tsc'),
    [`TypeScript ${newAppTypeScript} (a new Vite app)`]: () => join(app, 'node_modules/typescript/bin/tsc'),
  };

  it.each(Object.keys(compilers))('type-checks the app under %s', async (name) => {
    const tsc = compilers[name]?.() as string;
    await inApp(process.execPath, [tsc, '-b', '--force']);
  });

  it('refuses a wrong enum value and an unknown field of the app schema', async () => {
    const wrong = join(app, 'src/wrong.ts');
    await writeFile(
      wrong,
      "import type { Ticket } from './schemas';\n" +
        "export const a: Ticket = { id: 'x', title: 'y', status: 'bogus' };\n" +
        "export const b: Ticket = { id: 'x', title: 'y', status: 'open', nope: 1 };\n",
    );
    try {
      const failure = await inApp(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '-b', '--force'])
        .then(() => '')
        .catch((error: Error) => error.message);
      expect(failure).toMatch(/wrong\.ts\(2,\d+\).*'"bogus"' is not assignable/);
      expect(failure).toMatch(/wrong\.ts\(3,\d+\).*'nope' does not exist/);
    } finally {
      await rm(wrong);
    }
  });
});

/** A device: its own browser context (own IndexedDB), on the app built one way. */
async function openDevice(
  name: string,
  styling: 'prebuilt' | 'tailwind',
  serverOrigin = server.origin,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  recordSyncTraffic(page, `device ${name}`);
  const site = sites.get(styling)?.url ?? '';
  const query = new URLSearchParams({ server: serverOrigin, token, device: name });
  await page.goto(`${site}?${query}`);
  await page.getByRole('heading', { name: 'Tickets' }).waitFor();
  return { context, page };
}

const row = (page: Page, title: string) => page.getByRole('row').filter({ hasText: title });

describe('two devices in Chromium', () => {
  printSyncTrafficOnFailure();
  it('adds, edits offline, syncs to the other device, and resolves a conflict in the inbox and viewer', async () => {
    // A reaches the server through a proxy the test can cut: Chromium's offline emulation alone has let a request
    // through under load, and leaves an open stream open, as no real outage does
    const network = await startFaultProxy({ targetPort: Number(new URL(server.origin).port), random: Math.random });
    const goOffline = async () => {
      network.fault('drop', 5 * 60_000);
      await setOnline(a.context, false);
    };
    const goOnline = async () => {
      network.heal();
      await setOnline(a.context, true);
    };
    const a = await openDevice('a', 'tailwind', `http://127.0.0.1:${network.port}`);
    const b = await openDevice('b', 'tailwind');
    try {
      await a.page.getByLabel('New ticket').fill('Printer jams');
      await a.page.getByRole('button', { name: 'Add ticket' }).click();
      await row(b.page, 'Printer jams').waitFor();
      await expect.poll(() => row(a.page, 'Printer jams').getByRole('img').getAttribute('aria-label')).toBe('Synced');

      // Offline on A: the banner says so; an edit waits on the device.
      await goOffline();
      await a.page
        .getByText(/offline/i)
        .first()
        .waitFor();
      await row(a.page, 'Printer jams').dblclick();
      await a.page.getByLabel('Title').fill('Printer jams on floor 2');
      await a.page.getByLabel('Status').selectOption('waiting');
      await a.page.getByRole('button', { name: 'Save' }).click();
      await expect
        .poll(() => row(a.page, 'Printer jams on floor 2').getByRole('img').getAttribute('aria-label'))
        .toBe('Waiting to sync');

      // Meanwhile B retitles the same ticket, online.
      await row(b.page, 'Printer jams').dblclick();
      await b.page.getByLabel('Title').fill('Printer fixed');
      await b.page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => row(b.page, 'Printer fixed').getByRole('img').getAttribute('aria-label')).toBe('Synced');

      // A comes back: the status merges by itself and reaches B; both retitled, so A is asked to choose.
      await goOnline();
      await expect.poll(() => row(b.page, 'Printer fixed').textContent()).toContain('waiting');
      const inbox = a.page.getByRole('region', { name: 'Conflicts' });
      await inbox.getByRole('button', { name: /^Review / }).click();
      const title = a.page.getByRole('radiogroup', { name: /title: choose a value/i });
      // the server's title, shown as a word diff against the base: "Printer ~~jams~~ fixed"
      await expect.poll(() => title.textContent()).toMatch(/Server: Printer (jams)?fixed/);
      await title.getByRole('radio', { name: /^Local:/ }).click();
      await a.page.getByRole('button', { name: 'Apply' }).click();

      await inbox.getByText('No conflicts').waitFor();
      await expect.poll(() => row(b.page, 'Printer jams on floor 2').count()).toBe(1);
      await expect
        .poll(() => row(a.page, 'Printer jams on floor 2').getByRole('img').getAttribute('aria-label'))
        .toBe('Synced');
    } finally {
      await a.context.close();
      await b.context.close();
      await network.close();
    }
  });

  it.each(['prebuilt', 'tailwind'] as const)('shows the screen in the token colours, %s styling', async (styling) => {
    const device = await openDevice(`colours-${styling}`, styling);
    try {
      const { page } = device;
      await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/synced|online/i);
      const colours = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((node) => {
            const style = getComputedStyle(node);
            return { background: style.backgroundColor, color: style.color };
          });
      expect(await colours('body > #root > div')).toEqual({
        background: tokenColour('light', 'color-background'),
        color: tokenColour('light', 'color-foreground'),
      });
      expect(await colours('button[type="submit"]')).toEqual({
        background: tokenColour('light', 'color-primary'),
        color: tokenColour('light', 'color-primary-foreground'),
      });
    } finally {
      await device.context.close();
    }
  });
});
