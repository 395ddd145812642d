// Photos on an order across two devices: one loses the network, photographs the order (a JPEG the page itself draws,
// as a camera would give it), sees it listed as waiting to upload, gets the network back and sees it uploaded; the
// other device, on the same order, sees the photo with its thumbnail from the server (320 px wide of a 640 px photo),
// and pressing it opens the whole photo in a new tab. A file the order would not take
// is refused on the device with the reason, and nothing is listed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';

const journey = devicesJourney(2);

/** A small JPEG drawn by the browser: what a phone's camera hands the file input, only smaller. */
async function drawnJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(640, 480);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.fillStyle = '#8aa4c8';
    context.fillRect(0, 0, 640, 480);
    context.fillStyle = '#9c6b3c';
    context.beginPath();
    context.arc(360, 260, 80, 0, Math.PI * 2);
    context.fill();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

const photoTile = (page: Page, name: string) => page.getByRole('group', { name });

/** The width of the tile's drawn thumbnail (from the device or the server); 0 until it has loaded. */
const thumbnailWidth = (page: Page, name: string) =>
  photoTile(page, name)
    .locator('img')
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
    .catch(() => 0);

describe('order photos', () => {
  it('photographs an order offline, uploads it on reconnect, and shows it on a second device', async () => {
    const { all } = serverOrders(journey);
    const order = (await all()).find((o) => o.status !== 'delivered' && o.status !== 'cancelled');
    if (!order) throw new Error('the demo shop has no open order');
    await openOrderOnEach(journey, order);
    const [a, b] = journey.devices.map((device) => device.page) as [Page, Page];
    const { context: contextA } = journey.devices[0] as (typeof journey.devices)[number];
    const photo = await drawnJpeg(a);

    await setOnline(contextA, false);
    await expect.poll(() => a.getByText(/You're offline/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await a.getByLabel('Add photo').setInputFiles({ name: 'stain-collar.jpg', mimeType: 'image/jpeg', buffer: photo });

    // listed at once, kept on the device and waiting, with its thumbnail from the device's own copy
    const tileA = photoTile(a, 'stain-collar.jpg');
    await expect.poll(() => tileA.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Waiting to upload/);
    await expect.poll(() => thumbnailWidth(a, 'stain-collar.jpg'), { timeout: 15_000 }).toBe(640);

    await setOnline(contextA, true);
    await expect.poll(() => tileA.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Uploaded/);

    // the other device gets the order's new photo with the document, and its bytes from the server
    const tileB = photoTile(b, 'stain-collar.jpg');
    await expect.poll(() => tileB.getByRole('status').textContent(), { timeout: 30_000 }).toMatch(/^Uploaded/);
    // the server's small thumbnail, not the whole photo
    await expect.poll(() => thumbnailWidth(b, 'stain-collar.jpg'), { timeout: 30_000 }).toBe(320);
    const opened = b.context().waitForEvent('page');
    await tileB.getByRole('button', { name: 'Open stain-collar.jpg' }).click();
    const tab = await opened;
    await expect
      .poll(() => tab.evaluate(() => document.querySelector('img')?.naturalWidth ?? 0), { timeout: 15_000 })
      .toBe(640);
    await tab.close();
  });

  it('refuses a file the order does not take, on the device, and lists nothing', async () => {
    const [a] = journey.devices.map((device) => device.page) as [Page];
    const before = await a.getByRole('list', { name: 'Photos' }).getByRole('group').count();
    await a.getByLabel('Add photo').setInputFiles({
      name: 'delivery-note.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\n%a delivery note\n'),
    });
    const alert = a.getByRole('alert').filter({ hasText: 'delivery-note.pdf' });
    await expect
      .poll(() => alert.textContent(), { timeout: 15_000 })
      .toBe(
        'Not added, nothing was kept. delivery-note.pdf: This file is of type application/pdf; attach one of image/jpeg, image/png, image/webp.',
      );
    await expect.poll(() => photoTile(a, 'delivery-note.pdf').count()).toBe(0);
    await expect.poll(() => a.getByRole('list', { name: 'Photos' }).getByRole('group').count()).toBe(before);
  });
});
