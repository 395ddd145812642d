// The control center's screens, on a 1440 px desktop and on a 390 px phone, in both themes, compared with committed baselines. Deterministic: seeded
// demo data around a fixed moment, the browser's clock fixed to it, no simulator, motion off.
import { demoEpoch } from '@syncline/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestControlCenter, testTenants } from '../support/control-center';
import { signIn } from '../support/pages';
import { compareSettledScreenshot } from '../support/screenshot';
import { sharedBrowser } from '../support/shared-browser';

/** A page reached from the navigation, and the text that says it has loaded. */
const screens = [
  { name: 'dashboard', link: 'Dashboard', ready: /Orders by status/ },
  { name: 'orders', link: 'Orders', ready: /#10120/ },
  { name: 'machines', link: 'Machines', ready: /machines · \d+ running/ },
  { name: 'services', link: 'Services', ready: /Bed linen set/ },
  { name: 'reports', link: 'Reports', ready: /Per day/ },
  { name: 'conflicts', link: 'Conflicts', ready: /No conflicts/ },
  { name: 'sync', link: 'Sync', ready: /Sessions on this device/ },
  { name: 'settings', link: 'Settings', ready: /Follow the system/ },
] as const;

/** The desktop, and a phone (its screens named `…-phone`), where the navigation is a drawer behind a menu button. */
const viewports = [
  { suffix: '', width: 1440, height: 900 },
  { suffix: '-phone', width: 390, height: 844 },
] as const;

describe.each(['light', 'dark'] as const)('main screens, %s theme', (theme) => {
  let center: Awaited<ReturnType<typeof startTestControlCenter>>;
  let browser: Browser;

  beforeAll(async () => {
    center = await startTestControlCenter({ tenants: testTenants.map((tenant) => ({ ...tenant, now: demoEpoch })) });
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await center?.close();
  });

  // a dozen screens, twice: longer than one journey
  it('match their baselines', { timeout: 600_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, reducedMotion: 'reduce' });
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
      const result = await compareSettledScreenshot(
        page,
        `${name}-${theme}`,
        // the server's live figures (its clock, device ids, counts) change with every run
        {
          animations: 'disabled',
          caret: 'hide',
          // (and the time the server recorded each change of an order's history: the server's own clock)
          mask: [
            page.locator('[data-slot="server-view-figures"]'),
            page.locator('[data-slot="server-history-entry"] time'),
          ],
        },
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
    const overflowing: string[] = [];
    for (const viewport of viewports) {
      await page.setViewportSize(viewport);
      const phone = viewport.suffix !== '';
      const shoot = async (name: string) => {
        await check(`${name}${viewport.suffix}`);
        const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        if (width > viewport.width) overflowing.push(`${name} is ${width} px wide at ${viewport.width} px`);
      };
      const go = async (link: string) => {
        if (phone) await page.getByRole('button', { name: 'Open navigation' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
        await page.getByRole('heading', { level: 1, name: link }).waitFor();
      };
      for (const screen of screens) {
        await go(screen.link);
        await page.getByText(screen.ready).first().waitFor();
        await shoot(screen.name);
      }
      // a page of one order and one machine, and the new-order dialog
      await go('Orders');
      await page.getByRole('link', { name: '#10120' }).click();
      await page.getByRole('heading', { level: 1, name: 'Order #10120' }).waitFor();
      await page
        .getByText(/Created by/)
        .first()
        .waitFor();
      await shoot('order');
      await go('Machines');
      await page.getByRole('link', { name: 'Washer 1' }).click();
      await page.getByRole('heading', { level: 1, name: 'Washer 1' }).waitFor();
      await shoot('machine');
      await go('Orders');
      await page.getByRole('button', { name: 'New order' }).click();
      await page.getByRole('dialog', { name: 'New order' }).waitFor();
      await shoot('new-order');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'New order' }).waitFor({ state: 'detached' });
    }
    await context.close();
    expect(failures, failures.join('\n')).toEqual([]);
    // nothing on a phone runs past the screen's right edge: what does not fit wraps, stacks or scrolls in its own box
    expect(overflowing).toEqual([]);
  });
});
