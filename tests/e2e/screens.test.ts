// The control center's main screens in both themes, compared with committed baselines. Deterministic: seeded
// demo data around a fixed moment, the browser's clock fixed to it, no simulator, motion off.
import { demoEpoch } from '@syncline/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startTestControlCenter, testTenants } from '../support/control-center';
import { signIn } from '../support/pages';
import { compareScreenshot } from '../support/screenshot';

const screens = [
  { name: 'dashboard', link: 'Dashboard', ready: /Orders by status/ },
  { name: 'orders', link: 'Orders', ready: /#10120/ },
  { name: 'machines', link: 'Machines', ready: /machines · \d+ running/ },
  { name: 'conflicts', link: 'Conflicts', ready: /No conflicts/ },
  { name: 'sync', link: 'Sync', ready: /Sessions on this device/ },
  { name: 'settings', link: 'Settings', ready: /Follow the system/ },
] as const;

describe.each(['light', 'dark'] as const)('main screens, %s theme', (theme) => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;

  beforeAll(async () => {
    center = await startTestControlCenter({ tenants: testTenants.map((tenant) => ({ ...tenant, now: demoEpoch })) });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  it('match their baselines', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    context.setDefaultTimeout(20_000);
    await context.addInitScript((chosen) => {
      localStorage.setItem('syncline:theme', chosen);
      document.documentElement.dataset.motion = 'reduce';
    }, theme);
    const page = await context.newPage();
    await page.clock.setFixedTime(demoEpoch + 5 * 60_000);
    await page.goto(center.url);
    const failures: string[] = [];
    const check = async (name: string) => {
      await page.evaluate(() => document.fonts.ready);
      const result = await compareScreenshot(
        `${name}-${theme}`,
        // the server's live figures (its clock, device ids, counts) change with every run
        await page.screenshot({
          animations: 'disabled',
          caret: 'hide',
          mask: [page.locator('[data-slot="server-view-figures"]')],
        }),
      );
      if (!result.ok) failures.push(result.message);
    };
    await page.getByRole('heading', { name: 'Syncline Control Center' }).waitFor();
    await page
      .getByRole('button', { name: /Northwind/ })
      .first()
      .waitFor();
    await check('sign-in');
    await signIn(page, 'Northwind Laundry');
    await page
      .getByRole('status')
      .filter({ hasText: /All changes synced/ })
      .waitFor();
    for (const screen of screens) {
      await page.getByRole('link', { name: screen.link, exact: true }).click();
      await page.getByText(screen.ready).first().waitFor();
      // Let toasts and the status settle before the picture.
      await page.waitForTimeout(600);
      await check(screen.name);
    }
    // the orders table on a phone: the columns that do not fit scroll sideways, with a shade at the edge saying so
    await page.getByRole('link', { name: 'Orders', exact: true }).click();
    await page
      .getByText(/#10120/)
      .first()
      .waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(600);
    await check('orders-phone');
    await context.close();
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
