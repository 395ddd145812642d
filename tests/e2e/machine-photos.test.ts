// Photos on a machine across two devices: an operator loses the network, photographs the machine's dented door twice
// (two files of the same name, told apart on their tiles), sees both waiting to upload with their thumbnails, gets
// the network back and sees them uploaded; the other device, on the same machine, sees both with their thumbnails
// from the server.
import { controlCenterSchemas, type Machine } from '@syncline/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SyncClient } from '../../apps/control-center/server/graphql-client';
import { devicesJourney } from '../support/devices';
import { setOnline } from '../support/network';
import { signIn, waitForServiceWorker } from '../support/pages';
import { drawnJpeg, photoTile, thumbnailDrawn } from '../support/photos';

const journey = devicesJourney(2);

describe('machine photos', () => {
  it('photographs a machine offline, uploads on reconnect, and shows it on a second device', async () => {
    const account = journey.center.accounts.find((a) => a.tenant === 'northwind-laundry');
    const server = new SyncClient(journey.center.graphqlUrl, account?.token ?? '');
    const machines = () => server.pullAll<Machine>('machines', controlCenterSchemas.machines);
    const [machine] = await machines();
    if (!machine) throw new Error('the demo shop has no machine');
    for (const { page } of journey.devices) {
      await page.goto(journey.center.url);
      await signIn(page, 'Northwind Laundry', 'operator');
      await page.goto(`${journey.center.url}machines/${machine.id}`);
      await page.getByRole('heading', { level: 1, name: machine.name }).waitFor();
      await waitForServiceWorker(page);
    }
    const [a, b] = journey.devices.map((device) => device.page) as [Page, Page];
    const { context: contextA } = journey.devices[0] as (typeof journey.devices)[number];
    const photo = await drawnJpeg(a);

    await setOnline(contextA, false);
    await expect.poll(() => a.getByText(/You're offline/).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const door = { name: 'dented-door.jpg', mimeType: 'image/jpeg', buffer: photo };
    await a.getByLabel('Add photo').setInputFiles(door);
    await expect.poll(() => photoTile(a, 'dented-door.jpg').count(), { timeout: 15_000 }).toBe(1);
    await a.getByLabel('Add photo').setInputFiles(door);

    // both listed at once, kept on the device and waiting, each named apart, with the device's own thumbnail
    const names = ['dented-door.jpg', 'dented-door.jpg (2)'];
    for (const name of names) {
      const tile = photoTile(a, name);
      await expect
        .poll(() => tile.getByRole('status').textContent(), { timeout: 15_000 })
        .toMatch(/^Waiting to upload/);
      await expect.poll(() => thumbnailDrawn(a, name), { timeout: 15_000 }).toBe(true);
    }
    await expect(a.getByRole('button', { name: 'Remove dented-door.jpg (2)' }).count()).resolves.toBe(1);

    await setOnline(contextA, true);
    for (const name of names) {
      const status = photoTile(a, name).getByRole('status');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Uploaded/);
    }

    // the other device gets the machine's photos with the document, and their bytes from the server
    for (const name of names) {
      const status = photoTile(b, name).getByRole('status');
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/^Uploaded/);
      await expect.poll(() => thumbnailDrawn(b, name), { timeout: 30_000 }).toBe(true);
    }
    const held = (await machines()).find((each) => each.id === machine.id);
    expect(held?.attachments?.map((each) => each.name)).toEqual(['dented-door.jpg', 'dented-door.jpg']);
  });
});
