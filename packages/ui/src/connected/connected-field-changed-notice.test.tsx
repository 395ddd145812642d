// @vitest-environment jsdom
// A product team's own edit form on `useDocumentDraft`, with the connected notice under its title: another device's
// change to a field the person is editing shows "Changed on another device: A → B" under that field only, and
// keep theirs / keep mine decide what the save writes.
import { createSynclineDatabase, SynclineProvider, useDocumentDraft } from '@syncline/data';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { type Ticket, ticketSchema } from '../../test/tickets';
import { ConnectedFieldChangedNotice } from './connected-field-changed-notice';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const removals: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  cleanup();
  for (const remove of removals.splice(0)) await remove();
});

/** A ticket in a database of its own, its edit form rendered. */
async function openTicketForm() {
  const database = await createSynclineDatabase({
    name: `notice${Math.random().toString(36).slice(2, 8)}`,
    collections: { tickets: ticketSchema },
    multiInstance: false,
  });
  removals.push(() => database.remove());
  await database.tickets.insert({ id: 't1', title: 'Printer jams', notes: 'Floor 2' });
  render(
    <SynclineProvider database={database}>
      <TicketForm />
    </SynclineProvider>,
  );
  return database;
}

function TicketForm() {
  const draft = useDocumentDraft<Ticket>('tickets', 't1');
  if (!draft.values) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void draft.save();
      }}
    >
      <label>
        Title
        <input value={draft.values.title} onChange={(event) => draft.set('title', event.target.value)} />
      </label>
      <ConnectedFieldChangedNotice draft={draft} field="title" label="Title" />
      <label>
        Notes
        <input value={draft.values.notes ?? ''} onChange={(event) => draft.set('notes', event.target.value)} />
      </label>
      <ConnectedFieldChangedNotice draft={draft} field="notes" label="Notes" />
      <button type="submit">Save</button>
    </form>
  );
}

it('shows the change under the field being edited and writes what the person keeps', async () => {
  const database = await openTicketForm();
  const title = await screen.findByRole('textbox', { name: 'Title' });
  fireEvent.change(title, { target: { value: 'Printer jams on A4' } });
  await act(async () => {
    await (await database.tickets.findOne('t1').exec())?.incrementalPatch({ title: 'Printer fixed', notes: 'Floor 3' });
  });

  const notice = await screen.findByRole('group', { name: 'Title changed on another device' });
  expect(notice).toHaveProperty(
    'textContent',
    expect.stringContaining('Changed on another device: Printer jams → Printer fixed'),
  );
  expect(notice.textContent).toContain('Yours: Printer jams on A4');
  expect(screen.queryByRole('group', { name: 'Notes changed on another device' })).toBeNull();
  expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveProperty('value', 'Floor 3');

  fireEvent.click(screen.getByRole('button', { name: 'Keep mine for Title' }));
  await waitFor(() => expect(screen.queryByRole('group', { name: /changed on another device/ })).toBeNull());
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(async () =>
    expect((await database.tickets.findOne('t1').exec())?.toJSON()).toMatchObject({
      title: 'Printer jams on A4',
      notes: 'Floor 3',
    }),
  );
});

it('keep theirs puts the other device’s value in the field', async () => {
  const database = await openTicketForm();
  fireEvent.change(await screen.findByRole('textbox', { name: 'Notes' }), { target: { value: 'Floor 2, desk 4' } });
  await act(async () => {
    await (await database.tickets.findOne('t1').exec())?.incrementalPatch({ notes: '' });
  });
  const notice = await screen.findByRole('group', { name: 'Notes changed on another device' });
  expect(notice.textContent).toContain('Changed on another device: Floor 2 → empty');
  fireEvent.click(screen.getByRole('button', { name: 'Keep theirs for Notes' }));
  await waitFor(() => expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveProperty('value', ''));
});
