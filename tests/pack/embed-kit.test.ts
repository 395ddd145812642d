// The kit as a product team gets it: `pnpm pack` of @syncline/tokens, @syncline/protocol and @syncline/ui,
// installed from the tarballs into a throwaway Vite + React app in a temp folder outside the workspace, built both
// ways the README shows (the prebuilt stylesheet, and the app's own Tailwind with `@source` on the package), and
// checked in Chromium: a Button and a Dialog take the token colours in the light and the dark theme.
import { lstat, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import {
  buildConsumerApp,
  createConsumerApp,
  installedTokenColours,
  serveDirectory,
  type Theme,
  typecheckConsumerApp,
} from './kit-consumer';

/** The two ways packages/ui/README.md shows, each a folder of the throwaway app. */
const stylings = [
  { folder: 'prebuilt', way: "the kit's prebuilt stylesheet" },
  { folder: 'tailwind', way: "the app's own Tailwind, with @source on the kit" },
] as const;
const themes: readonly Theme[] = ['light', 'dark'];

let work: string;
let app: string;
let tokenColour: Awaited<ReturnType<typeof installedTokenColours>>;
let browser: Browser;
const servers = new Map<string, Awaited<ReturnType<typeof serveDirectory>>>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'syncline-pack-'));
  app = join(work, 'app');
  await createConsumerApp(app, {
    template: 'consumer-app',
    tarballs: inject('tarballs'),
    packages: ['@syncline/tokens', '@syncline/protocol', '@syncline/ui'],
  });
  // The expected colours come from the packed tokens themselves.
  tokenColour = await installedTokenColours(app);
  for (const { folder } of stylings) {
    servers.set(folder, await serveDirectory(await buildConsumerApp(join(app, folder))));
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([...servers.values()].map((server) => server.close()));
  if (work) await rm(work, { recursive: true, force: true });
});

function styleOf(element: Locator) {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    return {
      background: style.backgroundColor,
      color: style.color,
      border: style.borderTopColor,
      position: style.position,
    };
  });
}

describe('the packed kit', () => {
  it('installs as real files, without the data layer, with built ESM that keeps "use client" and CSS', async () => {
    const kit = join(app, 'node_modules/@syncline/ui');
    for (const installed of [kit, join(app, 'node_modules/@syncline/tokens')]) {
      const entry = await lstat(installed);
      expect(entry.isSymbolicLink(), `${installed} is a link`).toBe(false);
      expect(entry.isDirectory()).toBe(true);
      const manifest = await readFile(join(installed, 'package.json'), 'utf8');
      expect(manifest).not.toContain('workspace:');
      expect(JSON.parse(manifest).sideEffects, 'only CSS has side effects').toEqual(['**/*.css']);
    }
    await expect(lstat(join(app, 'node_modules/@syncline/data'))).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(kit, 'dist/components/dialog/dialog.js'), 'utf8')).toMatch(/^'use client';/);
    await expect(readFile(join(kit, 'dist/styles.css'), 'utf8')).resolves.toContain('--sl-color-primary');
  });

  it("type-checks an app against the kit's declarations", async () => {
    await typecheckConsumerApp(app);
  });
});

describe.each(stylings)('an app styled by $way', ({ folder }) => {
  it.each(themes)('shows a Button and a Dialog in the token colours, %s theme', async (theme) => {
    const colour = (name: string) => tokenColour(theme, name);
    const context = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce' });
    try {
      const page = await context.newPage();
      await page.goto(servers.get(folder)?.url ?? 'about:blank');
      await page.evaluate((chosen) => {
        document.documentElement.dataset.theme = chosen;
      }, theme);

      const button = page.getByRole('button', { name: 'Open the dialog' });
      await expect
        .poll(() => styleOf(button))
        .toMatchObject({ background: colour('color-primary'), color: colour('color-primary-foreground') });

      await button.click();
      const dialog = page.getByRole('dialog', { name: 'Installed from a tarball' });
      await dialog.waitFor();
      expect(await styleOf(dialog)).toMatchObject({
        background: colour('color-surface-overlay'),
        color: colour('color-foreground'),
        border: colour('color-border'),
        position: 'fixed',
      });
    } finally {
      await context.close();
    }
  });
});
