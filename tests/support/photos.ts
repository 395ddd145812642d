// What the photo journeys share: a JPEG the page itself draws (as a camera would hand the file input, only smaller),
// a photo's tile found by its name, and the width of its drawn thumbnail.
import type { Page } from 'playwright-core';

/** A small JPEG drawn by the browser: what a phone's camera hands the file input, only smaller. */
export async function drawnJpeg(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    // 640 px wide: the server's thumbnail (320 px) is smaller than the photo
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

/** A photo's tile: a group named by the photo. */
export const photoTile = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

/** The width of the tile's drawn thumbnail (from the device or the server); 0 until it has loaded. */
export const thumbnailWidth = (page: Page, name: string) =>
  photoTile(page, name)
    .locator('img')
    .evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
    .catch(() => 0);

/** Whether the tile's thumbnail is drawn (its image has loaded, from the device or the server). */
export const thumbnailDrawn = async (page: Page, name: string) => (await thumbnailWidth(page, name)) > 0;
