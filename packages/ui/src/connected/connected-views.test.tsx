// @vitest-environment jsdom
// The connected views as a person uses them, against the real data layer: in-memory RxDB databases replicating
// with a real sync server. Two devices edit one ticket's notes while one of them is paused: its inbox lists the
// conflict, Review opens the three-way viewer, Apply writes the chosen notes everywhere and empties the inbox.
// A write the server refused and one still waiting show in the queue (and in a row) and Discard takes them away.
import { createSynclineDatabase, SynclineProvider, type SynclineReplication, startReplication } from '@syncline/data';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Ticket, ticketMergeRules, ticketSchema } from '../../test/tickets';
import { ConnectedConflictDiffViewer } from './connected-conflict-diff-viewer';
import { ConnectedConflictInbox } from './connected-conflict-inbox';
import { ConnectedSyncQueuePanel } from './connected-sync-queue-panel';
import { ConnectedSyncRow } from './connected-sync-row';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// the server (test/sync-server.ts) refuses titles over 20 characters, which the devices accept
const server = inject('syncServer');
const unusedTenants = Object.keys(server.tokens);
const cleanups: (() => Promise<void>)[] = [];

// jsdom lays nothing out: give the viewer's scrolling field list a size, or its virtualised rows never render
const clientSize = {
  clientHeight: Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight'),
  clientWidth: Object.getOwnPropertyDescriptor(Element.prototype, 'clientWidth'),
};
beforeAll(() => {
  Object.defineProperty(Element.prototype, 'clientHeight', { configurable: true, get: () => 480 });
  Object.defineProperty(Element.prototype, 'clientWidth', { configurable: true, get: () => 960 });
});
afterAll(() => {
  for (const [name, descriptor] of Object.entries(clientSize)) {
    if (descriptor) Object.defineProperty(Element.prototype, name, descriptor);
  }
});

afterEach(async () => {
  cleanup();
  for (const step of cleanups.splice(0).reverse()) await step();
});

/** A help desk of its own on the shared server: its devices see only each other's data. */
function helpDesk() {
  const tenant = unusedTenants.shift();
  if (!tenant) throw new Error('test/sync-server.ts has no tenant left: give it more');
  return { device: () => device(server.tokens[tenant] as string) };
}

async function device(token: string) {
  const database = await createSynclineDatabase({
    name: `device${Math.random().toString(36).slice(2, 8)}`,
    collections: { tickets: ticketSchema },
    mergeRules: ticketMergeRules,
    multiInstance: false,
  });
  const replication = startReplication({
    database,
    url: server.url,
    wsUrl: server.wsUrl,
    token: () => token,
    backoff: { initialMs: 50, maxMs: 400 },
  });
  cleanups.push(
    async () => {
      await database.remove();
    },
    () => replication.stop(),
  );
  const ticket = async (id: string) => {
    const doc = await database.tickets.findOne(id).exec();
    return doc ? (doc.toJSON() as Ticket) : null;
  };
  return { database, replication, ticket };
}

/** Resolves once the replication's status satisfies `test`. */
function settles(
  replication: SynclineReplication,
  test: (status: ReturnType<SynclineReplication['store']['getState']>) => boolean,
) {
  return waitFor(() => expect(test(replication.store.getState())).toBe(true), { timeout: 15_000 });
}

/** An app's conflicts screen: the inbox, or the viewer for the conflict opened from it. */
function ConflictsScreen() {
  const [open, setOpen] = useState<string | null>(null);
  return open ? (
    <ConnectedConflictDiffViewer conflictId={open} onCancel={() => setOpen(null)} onResolved={() => setOpen(null)} />
  ) : (
    <ConnectedConflictInbox onOpen={setOpen} />
  );
}

type Device = Awaited<ReturnType<typeof device>>;

async function patchTicket(on: Device, patch: Partial<Ticket>) {
  await (await on.database.tickets.findOne('t-1').exec())?.incrementalPatch(patch);
}

/**
 * Two devices of one help desk holding ticket t-1. B works offline (paused) while A's change reaches the server,
 * so B's own change runs into it once B syncs again (`b.replication.resume()`).
 */
async function changedOnBoth(onA: (a: Device) => Promise<unknown>, onB: (b: Device) => Promise<unknown>) {
  const desk = helpDesk();
  const a = await desk.device();
  const b = await desk.device();
  await a.database.tickets.insert({ id: 't-1', title: 'Printer jams' });
  await waitFor(async () => expect(await b.ticket('t-1')).not.toBeNull(), { timeout: 15_000 });
  await b.replication.pause();
  await onB(b);
  await onA(a);
  await settles(a.replication, (s) => s.pendingCount === 0 && s.activity === 'idle');
  return { a, b };
}

function showConflictsOf(b: Device) {
  render(
    <SynclineProvider database={b.database} replication={b.replication}>
      <ConflictsScreen />
    </SynclineProvider>,
  );
}

describe('connected conflict inbox and viewer', () => {
  it('list a conflict made by two devices, open it, and resolve it with the chosen notes', async () => {
    const { a, b } = await changedOnBoth(
      (a) => patchTicket(a, { notes: 'A: replaced the roller' }),
      (b) => patchTicket(b, { notes: 'B: cleaned the paper tray' }),
    );
    showConflictsOf(b);
    await screen.findByText('No conflicts');
    await act(() => b.replication.resume());

    // the inbox names the ticket by its title, not its id
    const review = await screen.findByRole('button', { name: 'Review Printer jams' }, { timeout: 15_000 });
    expect(screen.getByText(/1 field: notes/)).toBeTruthy();
    fireEvent.click(review);

    // the viewer shows both notes for the one field to decide; everything the rules settled stays out of the way
    await screen.findByRole('heading', { name: 'Printer jams' });
    const notes = screen.getByRole('radiogroup', { name: /notes: choose a value/i });
    expect(notes.textContent).toMatch(/B: cleaned the paper tray/);
    expect(notes.textContent).toMatch(/A: replaced the roller/);
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(notes).getByRole('radio', { name: /^Local:/ }));
    await waitFor(() => expect((apply as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(apply);

    // back in the inbox, which is empty; the chosen notes are on this device, the other one and the server
    await screen.findByText('No conflicts', {}, { timeout: 15_000 });
    const [record] = await b.database.conflicts.find().exec();
    expect(record?.status).toBe('resolved');
    expect(record?.resolution).toEqual({ notes: 'B: cleaned the paper tray' });
    expect((await b.ticket('t-1'))?.notes).toBe('B: cleaned the paper tray');
    await waitFor(async () => expect((await a.ticket('t-1'))?.notes).toBe('B: cleaned the paper tray'), {
      timeout: 15_000,
    });
  });

  it('keep the server’s values for a selection of conflicts, after a confirmation', async () => {
    const { b } = await changedOnBoth(
      (a) => patchTicket(a, { notes: 'A: replaced the roller' }),
      (b) => patchTicket(b, { notes: 'B: cleaned the paper tray' }),
    );
    showConflictsOf(b);
    await act(() => b.replication.resume());
    await screen.findByRole('button', { name: 'Review Printer jams' }, { timeout: 15_000 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Printer jams' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep server' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Keep every server value in 1 document?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep server' }));
    await screen.findByText('No conflicts', {}, { timeout: 15_000 });
    expect((await b.ticket('t-1'))?.notes).toBe('A: replaced the roller');
    expect((await b.database.conflicts.find().exec())[0]?.resolution).toEqual({ notes: 'A: replaced the roller' });
  });

  it('ask which document to keep when one device deleted what the other edited, and bring the edit back', async () => {
    const { a, b } = await changedOnBoth(
      async (a) => (await a.database.tickets.findOne('t-1').exec())?.remove(),
      (b) => patchTicket(b, { notes: 'B: cleaned the paper tray' }),
    );
    showConflictsOf(b);
    await act(() => b.replication.resume());
    fireEvent.click(await screen.findByRole('button', { name: 'Review Printer jams' }, { timeout: 15_000 }));

    const keep = await screen.findByRole('radiogroup', { name: 'Keep the document deleted or edited?' });
    expect(screen.getByText(/Edited on this device, deleted on the server/)).toBeTruthy();
    fireEvent.click(within(keep).getByRole('radio', { name: /Keep the local edit/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));

    await screen.findByText('No conflicts', {}, { timeout: 15_000 });
    expect(await b.ticket('t-1')).toMatchObject({ title: 'Printer jams', notes: 'B: cleaned the paper tray' });
    await waitFor(async () => expect((await a.ticket('t-1'))?.notes).toBe('B: cleaned the paper tray'), {
      timeout: 15_000,
    });
  });

  it('says so when the conflict to open is not on this device', async () => {
    const a = await helpDesk().device();
    render(
      <SynclineProvider database={a.database} replication={a.replication}>
        <ConnectedConflictDiffViewer conflictId="tickets|t-9|1" />
      </SynclineProvider>,
    );
    await screen.findByText('No such conflict on this device');
  });
});

describe('connected queue panel and row', () => {
  it('show a refused and a waiting write by name, and Discard takes each away', async () => {
    const a = await helpDesk().device();
    await a.database.tickets.insert({ id: 't-1', title: 'Printer jams' });
    // the server has it (the count of waiting writes may not have counted it yet right after the insert)
    await a.replication.awaitInSync();
    await settles(a.replication, (s) => s.pendingCount === 0 && s.activity === 'idle');
    // refused by the server: the title is too long for it
    await (await a.database.tickets.findOne('t-1').exec())?.incrementalPatch({ title: 'Printer jams on every page' });
    await settles(a.replication, (s) => s.failedCount === 1);
    // waiting: made while syncing is paused, never seen by the server
    await a.replication.pause();
    await a.database.tickets.insert({ id: 't-2', title: 'Scanner offline' });

    render(
      <SynclineProvider database={a.database} replication={a.replication}>
        <ConnectedSyncQueuePanel />
        <ConnectedSyncRow collection="tickets" id="t-1" itemLabel="ticket t-1">
          Printer ticket
        </ConnectedSyncRow>
      </SynclineProvider>,
    );
    const queue = await screen.findByRole('region', { name: 'Waiting to sync' });
    await within(queue).findByText('Scanner offline');
    expect(within(queue).getByText('Printer jams on every page')).toBeTruthy();
    expect(within(queue).getByText(/^Failed/)).toBeTruthy();
    expect(within(queue).getByText(/^Pending/)).toBeTruthy();

    // the row shows its document's state and why the server refused it
    const row = screen.getByText('Printer ticket').closest('[data-slot="sync-row"]') as HTMLElement;
    within(row).getByRole('button', {
      name: /^Failed: .+ \/title: must NOT have more than 20 characters.+ — Retry \/ Discard$/,
    });

    // discarding the waiting ticket removes it from the device: the server never had it
    fireEvent.click(within(queue).getByRole('button', { name: 'Discard Scanner offline' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard this change to Scanner offline?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(within(queue).queryByText('Scanner offline')).toBeNull());
    expect(await a.ticket('t-2')).toBeNull();

    // discarding the refused edit (from the row) brings back the server's title and empties the queue
    await act(() => a.replication.resume());
    fireEvent.click(screen.getByRole('button', { name: 'Discard ticket t-1' }));
    const again = await screen.findByRole('alertdialog', { name: 'Discard this change to ticket t-1?' });
    fireEvent.click(within(again).getByRole('button', { name: 'Discard' }));
    await within(queue).findByText('Nothing waiting to sync', {}, { timeout: 15_000 });
    expect((await a.ticket('t-1'))?.title).toBe('Printer jams');
    await waitFor(() => expect(row.getAttribute('data-state')).toBe('synced'));
    expect(within(row).queryByRole('button', { name: 'Discard ticket t-1' })).toBeNull();
  });

  it('names queued documents with the app’s own description and discards them all at once', async () => {
    const a = await helpDesk().device();
    await a.replication.pause();
    await a.database.tickets.bulkInsert([
      { id: 't-1', title: 'Printer jams' },
      { id: 't-2', title: 'Scanner offline' },
    ]);
    render(
      <SynclineProvider database={a.database} replication={a.replication}>
        <ConnectedSyncQueuePanel title="Not on the server yet" describe={(_, doc) => `Ticket “${String(doc.title)}”`} />
      </SynclineProvider>,
    );
    const queue = await screen.findByRole('region', { name: 'Not on the server yet' });
    await within(queue).findByText('Ticket “Printer jams”');
    expect(within(queue).getByText('Ticket “Scanner offline”')).toBeTruthy();
    fireEvent.click(within(queue).getByRole('button', { name: 'Discard all' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard all 2 changes?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Discard' }));
    await within(queue).findByText('Nothing waiting to sync');
    expect(await a.database.tickets.count().exec()).toBe(0);
  });
});
