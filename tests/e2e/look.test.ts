// The brief's look, shipped offline: body text renders in the bundled Inter Tight, whose file comes from the app's
// own origin and is precached by the service worker, so it still renders with the network gone.
// Online and synced, no band is reserved under the header for the offline banner.
import { describe, expect, it } from 'vitest';
import { devicesJourney } from '../support/devices';
import { signIn, waitForServiceWorker } from '../support/pages';

describe('the look', () => {
  // the control center and one Chromium for the suite; each test opens its own context
  const journey = devicesJourney(0);

  it('body text uses the bundled face, served from the app origin and available offline', async () => {
    const context = await journey.browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    const fontUrls: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('.woff2')) fontUrls.push(response.url());
    });
    await page.goto(journey.center.url);
    await signIn(page, 'Northwind Laundry');
    await waitForServiceWorker(page);

    // online and synced, the banner's live region stays mounted but takes no room under the header
    await expect.poll(async () => (await page.locator('[data-slot="offline-banner"]').boundingBox())?.height).toBe(0);

    const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(family.split(',')[0]?.trim().replace(/["']/g, '')).toBe('Inter Tight');
    await expect
      .poll(() => page.evaluate(() => document.fonts.check('16px "Inter Tight"') && document.fonts.status))
      .toBe('loaded');
    await expect.poll(() => fontUrls.some((url) => url.includes('inter-tight-latin'))).toBe(true);
    for (const url of fontUrls) expect(new URL(url).origin).toBe(new URL(journey.center.url).origin);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].some(
            (face) => face.family.replace(/["']/g, '') === 'Inter Tight' && face.status === 'loaded',
          );
        }),
      )
      .toBe(true);
    await context.close();
  });
});
