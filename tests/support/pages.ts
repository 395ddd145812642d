// Steps the end-to-end journeys share.
import type { Page } from 'playwright-core';

/** Signs in to a demo tenant as its person of `role` (the owner by default). */
export async function signIn(page: Page, tenantName: string, role = 'owner'): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`${tenantName}.*${role}`, 'i') }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Waits until the service worker controls the page, so a reload works with the network off. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    }
  });
}
