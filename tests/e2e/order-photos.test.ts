// Photos on an order across two devices: one loses the network, photographs the order (a JPEG the page itself draws,
// as a camera would give it), sees it listed as waiting to upload, gets the network back and sees it uploaded; the
// other device, on the same order, sees the photo with its thumbnail from the server (320 px wide of a 640 px photo),
// and pressing it opens the whole photo in a new tab. A file the order would not take is refused on the device with
// the reason, and nothing is listed. A photo removed before it uploaded is dropped from the device's queue, never
// sent, and the order's history says so.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { devicesJourney, openOrderOnEach, serverOrders } from '../support/devices';
import { setOnline } from '../support/network';
import { drawnJpeg, photoTile, thumbnailWidth } from '../support/photos';

const journey = devicesJourney(2);

/** The names of the files this device keeps for upload (its own IndexedDB store, beside the documents'). */
const keptFileNames = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('syncline-cc-files-northwind-laundry');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const all = request.result.transaction('files').objectStore('files').getAll();
          all.onsuccess = () => {
            resolve((all.result as { name: string }[]).map((file) => file.name));
            request.result.close();
          };
        };
      }),
  );

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

  it('drops a photo removed before it uploaded (after an Undo that put it back): never sent, freed from the device, and recorded in the history', async () => {
    const [a, b] = journey.devices.map((device) => device.page) as [Page, Page];
    const { context: contextA } = journey.devices[0] as (typeof journey.devices)[number];
    const orderId = new URL(a.url()).pathname.split('/').pop() ?? '';
    await setOnline(contextA, false);
    await expect.poll(() => a.getByText(/You're offline/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await a
      .getByLabel('Add photo')
      .setInputFiles({ name: 'wrong-bag.jpg', mimeType: 'image/jpeg', buffer: await drawnJpeg(a) });
    const tile = photoTile(a, 'wrong-bag.jpg');
    await expect.poll(() => tile.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Waiting to upload/);
    await expect.poll(() => keptFileNames(a), { timeout: 15_000 }).toContain('wrong-bag.jpg');

    const remove = async () => {
      await a.getByRole('button', { name: 'Remove wrong-bag.jpg' }).click();
      await expect.poll(() => tile.count(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => keptFileNames(a), { timeout: 15_000 }).not.toContain('wrong-bag.jpg');
    };
    await remove();
    // the toast's Undo puts the photo back on the device, still waiting for the network
    await a.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tile.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/^Waiting to upload/);
    await expect.poll(() => keptFileNames(a), { timeout: 15_000 }).toContain('wrong-bag.jpg');
    // and removed again, for good
    await remove();
    const historyA = a.getByRole('list', { name: 'Change history' });
    await expect.poll(() => historyA.getByText('Removed photo wrong-bag.jpg').count(), { timeout: 15_000 }).toBe(2);

    // back online, the order syncs without it and the other device reads the removal in the history
    await setOnline(contextA, true);
    const historyB = b.getByRole('list', { name: 'Change history' });
    await expect.poll(() => historyB.getByText('Removed photo wrong-bag.jpg').count(), { timeout: 30_000 }).toBe(2);
    const onServer = await serverOrders(journey).one(orderId);
    expect(onServer?.attachments?.map((photo) => photo.name)).not.toContain('wrong-bag.jpg');
    expect(onServer?.history?.map((entry) => entry.summary)).toContain('Removed photo wrong-bag.jpg');
    await expect.poll(() => photoTile(b, 'wrong-bag.jpg').count()).toBe(0);
  });
});
