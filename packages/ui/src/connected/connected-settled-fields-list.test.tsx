// @vitest-environment jsdom
// A product team's own collection with a field a rule settled on this device: the connected list names the field
// by its schema title and says which value won and which lost; Reverse writes the loser back as a local edit and
// the row then says it is reversed. Nothing renders for a document no rule settled. Across documents, each one
// with a field still to reverse is listed under its name.
import { type ConflictRecord, createSynclineDatabase, SynclineProvider } from '@syncline/data';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ticketSchema } from '../../test/tickets';
import { ConnectedSettledDocuments } from './connected-settled-documents';
import { ConnectedSettledFieldsList } from './connected-settled-fields-list';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const removals: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  cleanup();
  for (const remove of removals.splice(0)) await remove();
});

const titledTickets = {
  ...ticketSchema,
  properties: { ...ticketSchema.properties, notes: { type: 'string', title: 'Desk notes' } },
};

/** What the conflict handler records when `latest` kept the server's notes over this device's. */
const settledNotes: ConflictRecord = {
  id: 'tickets|t1|1',
  collectionName: 'tickets',
  documentId: 't1',
  fields: [],
  mergedFields: ['notes'],
  settled: [{ field: 'notes', rule: 'latest', winner: 'server', won: 'Floor 3', lost: 'Floor 2' }],
  local: { id: 't1', title: 'Printer jams', notes: 'Floor 2' },
  server: { id: 't1', title: 'Printer jams', notes: 'Floor 3' },
  status: 'resolved',
  detectedAt: 1,
  resolvedAt: 1,
};

async function openTickets(view: React.ReactNode = <PerDocument />) {
  const database = await createSynclineDatabase({
    name: `settled${Math.random().toString(36).slice(2, 8)}`,
    collections: { tickets: titledTickets },
    multiInstance: false,
  });
  removals.push(() => database.remove());
  await database.tickets.insert({ id: 't1', title: 'Printer jams', notes: 'Floor 3' });
  await database.tickets.insert({ id: 't2', title: 'No toner' });
  await database.conflicts.insert(settledNotes);
  render(<SynclineProvider database={database}>{view}</SynclineProvider>);
  return database;
}

function PerDocument() {
  return (
    <>
      <ConnectedSettledFieldsList collectionName="tickets" documentId="t1" />
      <ConnectedSettledFieldsList collectionName="tickets" documentId="t2" title="Settled on t2" />
    </>
  );
}

it('lists the settled field in words and reverses it to the value that lost', async () => {
  const database = await openTickets();
  const list = await screen.findByRole('region', { name: 'Settled automatically' });
  expect(list.textContent).toContain(
    'Desk notes settled automatically · latest edit won: Floor 3 (server) over Floor 2 (this device)',
  );
  expect(screen.queryByRole('region', { name: 'Settled on t2' })).toBeNull();

  fireEvent.click(screen.getByRole('button', { name: 'Reverse Desk notes to Floor 2' }));
  await waitFor(async () => expect((await database.tickets.findOne('t1').exec())?.notes).toBe('Floor 2'));
  expect(await screen.findByText('Reversed: Floor 2 is back')).toBeTruthy();
  expect(screen.queryByRole('button', { name: /Reverse/ })).toBeNull();

  // a third value written since: nothing to reverse, the row says so
  await (await database.tickets.findOne('t1').exec())?.incrementalPatch({ notes: 'Floor 4' });
  expect(await screen.findByText('Changed since')).toBeTruthy();
});

it('lists, across documents, each one with a field still to reverse under its name, and empties once reversed', async () => {
  await openTickets(<ConnectedSettledDocuments empty={<p>Nothing settled</p>} />);
  const list = await screen.findByRole('region', { name: 'Printer jams' });
  expect(list.textContent).toContain(
    'Desk notes settled automatically · latest edit won: Floor 3 (server) over Floor 2',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Reverse Desk notes to Floor 2' }));
  expect(await screen.findByText('Nothing settled')).toBeTruthy();
});
