// @vitest-environment jsdom
// useServerHistory as a page uses it: the newest entries of a document's server history, older pages on demand, and
// the offline message once the device has no connection (keeping what it showed). The replication answers pages as
// the server would (server-history.test.ts reads them from a real server; a server cannot start in jsdom).
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type AuditEntry,
  createSyncStore,
  type ServerHistoryPage,
  type SynclineDatabase,
  SynclineProvider,
  type SynclineReplication,
  useServerHistory,
} from '../src';
import { openLocalDatabase } from './open-local';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const entry = (updatedAt: number, operation: AuditEntry['operation']): AuditEntry => ({
  collection: 'orders',
  documentId: 'o-1',
  operation,
  subject: 'ana',
  role: 'owner',
  recordedAt: updatedAt,
  updatedAt,
  conflictResolution: false,
  changes: [],
  hiddenChanges: 0,
});
/** newest first, as the server keeps them */
const trail = [entry(3, 'update'), entry(2, 'update'), entry(1, 'create')];

let database: SynclineDatabase<Record<string, never>>;
const store = createSyncStore({ connection: 'online' });
const asked: ServerHistoryPage[] = [];
const replication = {
  store,
  async serverHistory(_collection: string, _id: string, page: ServerHistoryPage = {}) {
    asked.push(page);
    const from = page.before ? trail.findIndex((e) => e.updatedAt < Number(page.before)) : 0;
    const entries = trail.slice(from, from + (page.limit ?? 50));
    const last = entries.at(-1);
    return {
      status: 'ok' as const,
      entries,
      before: from + entries.length < trail.length && last ? String(last.updatedAt) : null,
    };
  },
} as unknown as SynclineReplication;

beforeEach(async () => {
  database = (await openLocalDatabase('history', {})) as never;
});

afterEach(async () => {
  cleanup();
  await database.remove();
});

function History({ id }: { id: string }) {
  const view = useServerHistory('orders', id, { pageSize: 1 });
  return (
    <section>
      <p>{view.status === 'ok' ? 'ok' : (view.message ?? view.status)}</p>
      <ol aria-label="Server history">
        {view.entries.map((entry) => (
          <li key={entry.updatedAt}>{entry.operation}</li>
        ))}
      </ol>
      {view.hasOlder ? (
        <button type="button" onClick={view.loadOlder}>
          Load older
        </button>
      ) : null}
    </section>
  );
}

it('shows the newest entries, loads older ones on demand, and says it needs a connection offline', async () => {
  render(
    <SynclineProvider database={database} replication={replication}>
      <History id="o-1" />
    </SynclineProvider>,
  );
  const items = () => screen.queryAllByRole('listitem').map((item) => item.textContent);
  await waitFor(() => expect(items()).toEqual(['update']));
  fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
  await waitFor(() => expect(items()).toEqual(['update', 'update']));
  fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
  await waitFor(() => expect(items()).toEqual(['update', 'update', 'create']));
  expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull();
  expect(asked).toEqual([{ limit: 1 }, { before: '3', limit: 1 }, { before: '2', limit: 1 }]);

  await act(async () => {
    store.setState({ connection: 'offline' });
  });
  await screen.findByText('Server history needs a connection to the sync server.');
  expect(items()).toEqual(['update', 'update', 'create']);
});
