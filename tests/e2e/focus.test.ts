// Keyboard arrival and the account menu (issue #21 outcome 4): after signing in and after each move to another page
// focus is on that page's heading; on a fresh load the first Tab reaches a skip link that moves focus to the content;
// every element Tab reaches draws the token focus ring (never the browser's own outline); the user menu shows the
// person, their role and shop, and signs out.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devicesJourney } from '../support/devices';
import { signIn, waitForAllSynced } from '../support/pages';

/** What has focus: its tag, its accessible text (trimmed) and whether it sits inside the page's main region. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
      inMain: Boolean(element?.closest('main')) && element?.tagName !== 'MAIN',
    };
  });
}

describe('focus and the account menu', () => {
  // the control center and one Chromium for the suite; each test opens its own context
  const journey = devicesJourney(0);

  async function signedIn(role?: string) {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry', role);
    return { context, page };
  }

  it('puts focus on the heading after sign-in and navigation, and offers a skip link on a fresh load', async () => {
    const { context, page } = await signedIn();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatchObject({ tag: 'h1', text: 'Dashboard' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatchObject({ tag: 'h1', text: 'Orders' });
    await page.goBack();
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatchObject({ tag: 'h1', text: 'Dashboard' });

    // a reload is not an arrival: focus stays at the document's start and the first Tab reaches the skip link
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect((await focused(page)).tag).toBe('body');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ tag: 'a', text: 'Skip to content' });
    const skip = await page.getByRole('link', { name: 'Skip to content' }).boundingBox();
    expect(skip?.height ?? 0).toBeGreaterThan(16);
    await page.keyboard.press('Enter');
    expect((await focused(page)).tag).toBe('main');
    await page.keyboard.press('Tab');
    expect((await focused(page)).inMain).toBe(true);
    await context.close();
  });

  it('draws the token ring on everything Tab reaches', async () => {
    const { context, page } = await signedIn();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();

    // settled first: rows a sync re-renders under the focus would drop it to the body
    await waitForAllSynced(page);
    const rings: Array<{ what: string; ring: boolean }> = [];
    for (let step = 0; step < 20; step += 1) {
      await page.keyboard.press('Tab');
      rings.push(
        await page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const probe = document.createElement('span');
          probe.style.color = 'var(--sl-color-ring)';
          document.body.append(probe);
          const ring = getComputedStyle(probe).color;
          probe.remove();
          const style = getComputedStyle(element);
          const outlined = style.outlineStyle !== 'none' && style.outlineColor === ring;
          const shadowed = style.boxShadow.includes(ring.replace(')', '')) && style.boxShadow !== 'none';
          const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
          return { what: `${element.tagName.toLowerCase()} "${name}"`, ring: outlined || shadowed };
        }),
      );
    }
    expect(rings.filter((entry) => !entry.ring)).toEqual([]);
    // the walk went through the header's links and controls into the page itself
    expect(rings.map((entry) => entry.what)).toEqual(
      expect.arrayContaining([expect.stringContaining('Northwind Laundry'), expect.stringContaining('New order')]),
    );
    await context.close();
  });

  it('shows the person, role and shop in the user menu, and signs out from it', async () => {
    const { context, page } = await signedIn('operator');
    const account = page.getByRole('button', { name: /^Account: / });
    await account.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu');
    await expect.poll(() => menu.textContent()).toMatch(/carla.*operator · Northwind Laundry/i);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toMatchObject({ tag: 'button' });
    expect((await focused(page)).text).toMatch(/^Account: /);

    await account.click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: /Northwind Laundry.*owner/i }).waitFor();
    await context.close();
  });
});
