// Steps the end-to-end journeys share.
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Signs in to a demo tenant as its person of `role` (the owner by default). */
export async function signIn(page: Page, tenantName: string, role = 'owner'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${tenantName}.*${role}`, 'i') }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/**
 * Waits until the service worker controls the page, so a reload works with the network off. The worker claims the
 * page it was installed from; should it not have (seen under load), one reload brings the page under its control.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  const controlled = (timeout: number) =>
    page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout, polling: 100 });
  try {
    await controlled(10_000);
  } catch {
    await page.reload();
    await controlled(20_000).catch(() => {
      throw new Error('The service worker did not take control of the page within 30 s (and a reload).');
    });
  }
}

/** Waits until a status on the page says every change is synced (the header's, once the server has them all). */
export async function waitForAllSynced(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page
          .getByRole('status')
          .filter({ hasText: /All changes synced/ })
          .count(),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}

/** A download's text, read through Playwright (the browser is shared over a socket, so the file is not on this disk). */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
