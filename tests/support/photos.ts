// What the photo journeys share: a JPEG the page itself draws (as a camera would hand the file input, only smaller),
// a photo's tile found by its name, and whether its thumbnail is drawn.
import type { Page } from 'playwright-core';

/** A small JPEG drawn by the browser: what a phone's camera hands the file input, only smaller. */
export async function drawnJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48);
    const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
    context.fillStyle = '#8aa4c8';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#9c6b3c';
    context.beginPath();
    context.arc(36, 26, 8, 0, Math.PI * 2);
    context.fill();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

/** A photo's tile: a group named by the photo. */
export const photoTile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** Whether the tile's thumbnail is drawn (its image has loaded, from the device or the server). */
export const thumbnailDrawn = (page: Page, name: string) =>
  photoTile(page, name)
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    .catch(() => false);
