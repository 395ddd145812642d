// @vitest-environment jsdom
// The React bindings as a screen uses them: rows that show one order each re-render only when their order
// changes, the status line follows the store, and a conflict can be listed and resolved from a component.
import {
  controlCenterMergeRules,
  controlCenterMigrations,
  controlCenterSchemas,
  createDemoData,
  type Order,
} from '@syncline/domain';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { memo, Profiler, useLayoutEffect } from 'react';
import type { RxStorage, RxStorageInstance, RxStorageInstanceCreationParams } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createConflictHandler,
  createSynclineDatabase,
  type SynclineDatabase,
  SynclineProvider,
  useConflicts,
  useDocSyncState,
  useDocument,
  useLiveQuery,
  usePending,
  useResolveConflict,
  useSyncStatus,
} from '../src';
import { synclineInternals } from '../src/internals';
import { openLocalDatabase } from './open-local';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const { orders } = createDemoData({ seed: 21, orders: 5, customers: 3, machines: 2 });
let database: SynclineDatabase<typeof controlCenterSchemas>;

beforeEach(async () => {
  database = await openLocalDatabase('hooks');
  await database.orders.bulkInsert(orders);
});

afterEach(async () => {
  cleanup();
  await database.remove();
});

/** Writes of the sync state collection take 40 ms longer, as on a busy device; everything else as it is. */
function slowSyncStateWrites(inner: RxStorage<unknown, unknown>): RxStorage<unknown, unknown> {
  return {
    ...inner,
    async createStorageInstance<T>(params: RxStorageInstanceCreationParams<T, unknown>) {
      const instance = (await inner.createStorageInstance(params)) as RxStorageInstance<T, unknown, unknown>;
      if (params.collectionName !== 'syncstate') return instance;
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = async (rows, context) => {
        await new Promise((resolve) => setTimeout(resolve, 40));
        return bulkWrite(rows, context);
      };
      return instance;
    },
  };
}

const renders = new Map<string, number>();
function countRender(id: string) {
  renders.set(id, (renders.get(id) ?? 0) + 1);
}

/** Memoised on its id, as a list row should be: only its own subscriptions re-render it. */
const OrderRow = memo(function OrderRow({ id }: { id: string }) {
  const { doc } = useDocument<Order>('orders', id);
  const state = useDocSyncState('orders', id);
  return (
    <Profiler id={id} onRender={() => countRender(id)}>
      <li data-testid={id}>
        {doc ? `${doc.number} ${doc.status}` : 'loading'} · {state}
      </li>
    </Profiler>
  );
});

/** One order's status and sync state, noting the text of every frame it commits. */
function RecordedRow({ id, frames }: { id: string; frames: string[] }) {
  const { doc } = useDocument<Order>('orders', id);
  const state = useDocSyncState('orders', id);
  const text = `${doc?.status ?? 'loading'} · ${state}`;
  useLayoutEffect(() => {
    frames.push(text);
  });
  return <p data-testid="row">{text}</p>;
}

function OrderList() {
  const { docs, loading } = useLiveQuery<Order>('orders', { selector: {}, sort: [{ number: 'asc' }] });
  const pendingCount = useSyncStatus((s) => s.pendingCount);
  if (loading) return <p>Loading orders</p>;
  return (
    <>
      <p role="status">{pendingCount} waiting to sync</p>
      <ul>
        {docs.map((order) => (
          <OrderRow key={order.id} id={order.id} />
        ))}
      </ul>
    </>
  );
}

function ConflictInbox({ orderId }: { orderId: string }) {
  const conflicts = useConflicts();
  const pending = usePending();
  const resolve = useResolveConflict();
  const state = useDocSyncState('orders', orderId);
  const count = useSyncStatus((s) => s.conflictCount);
  return (
    <section>
      <p>
        {count} to review · {pending.length} waiting · {state}
      </p>
      {conflicts.map((conflict) => (
        <div key={conflict.id}>
          <span>
            {conflict.fields.join(', ')}: {String(conflict.local.notes)} / {String(conflict.server.notes)}
          </span>
          <button type="button" onClick={() => resolve(conflict.id, { notes: 'local' })}>
            Keep mine
          </button>
        </div>
      ))}
    </section>
  );
}

function OrderStatus({ id }: { id: string }) {
  const { doc } = useDocument<Order>('orders', id);
  return <p>{doc ? doc.status : 'none'}</p>;
}

describe('React bindings', () => {
  it('shows an edited row as pending in the very frame its new value appears, never as synced', async () => {
    const [order] = orders;
    if (!order) throw new Error('demo data too small');
    // a device whose storage takes a while to record a write's sync state, as a busy phone's IndexedDB does
    const slow = await openLocalDatabase(
      'slowstate',
      { orders: controlCenterSchemas.orders },
      slowSyncStateWrites(getRxStorageMemory()),
    );
    const stored = await slow.orders.insert(order);
    // the server took the order as it is: the row starts synced
    await synclineInternals(slow).tracker.acknowledge('orders', [stored.toJSON(true) as Record<string, unknown>]);
    const frames: string[] = [];
    render(
      <SynclineProvider database={slow}>
        <RecordedRow id={order.id} frames={frames} />
      </SynclineProvider>,
    );
    try {
      await waitFor(() => expect(screen.getByTestId('row').textContent).toBe(`${order.status} · synced`));
      // written as an app writes, outside act(): every frame React commits is recorded
      const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
      environment.IS_REACT_ACT_ENVIRONMENT = false;
      try {
        await stored.incrementalPatch({ status: 'delivered' });
        await waitFor(() => expect(screen.getByTestId('row').textContent).toBe('delivered · pending'));
      } finally {
        environment.IS_REACT_ACT_ENVIRONMENT = true;
      }
      const delivered = frames.filter((frame) => frame.startsWith('delivered'));
      expect(delivered.length).toBeGreaterThan(0);
      expect(new Set(delivered)).toEqual(new Set(['delivered · pending']));
    } finally {
      cleanup();
      await slow.remove();
    }
  });

  it('shows a pending document as pending from its first frame', async () => {
    const [order] = orders;
    if (!order) throw new Error('demo data too small');
    const frames: string[] = [];
    render(
      <SynclineProvider database={database}>
        <RecordedRow id={order.id} frames={frames} />
      </SynclineProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('row').textContent).toBe(`${order.status} · pending`));
    expect(frames[0]).toBe('loading · pending');
    expect(frames.every((frame) => frame.endsWith(' · pending'))).toBe(true);
  });

  it('shows the state of another document in the first frame a row shows it, as a table row given a new one', async () => {
    const [first, second] = orders;
    if (!first || !second) throw new Error('demo data too small');
    // both taken by the server; the second's last write then refused (its record stored by another tab)
    const stored = await database.orders.findByIds([first.id, second.id]).exec();
    await synclineInternals(database).tracker.acknowledge(
      'orders',
      [...stored.values()].map((doc) => doc.toJSON(true) as Record<string, unknown>),
    );
    await database.syncstate.upsert({
      id: `orders|${second.id}`,
      collectionName: 'orders',
      documentId: second.id,
      state: 'failed',
      changedAt: Date.now(),
    });
    const frames: string[] = [];
    const row = (id: string) => (
      <SynclineProvider database={database}>
        <RecordedRow id={id} frames={frames} />
      </SynclineProvider>
    );
    const { rerender } = render(row(first.id));
    await waitFor(() => expect(screen.getByTestId('row').textContent).toBe(`${first.status} · synced`));
    frames.length = 0;
    rerender(row(second.id));
    await waitFor(() => expect(screen.getByTestId('row').textContent).toBe(`${second.status} · failed`));
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((frame) => frame.endsWith(' · failed'))).toBe(true);
  });

  it('re-renders only the row whose order changed', async () => {
    renders.clear();
    render(
      <SynclineProvider database={database}>
        <OrderList />
      </SynclineProvider>,
    );
    const [first, second] = orders;
    if (!first || !second) throw new Error('demo data too small');
    await waitFor(() => expect(screen.getByTestId(second.id).textContent).toContain(second.status));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('5 waiting to sync'));
    const before = new Map(renders);

    await act(async () => {
      await (await database.orders.findOne(second.id).exec())?.incrementalPatch({ status: 'delivered' });
    });
    await waitFor(() => expect(screen.getByTestId(second.id).textContent).toContain('delivered'));
    expect(renders.get(second.id)).toBeGreaterThan(before.get(second.id) ?? 0);
    for (const order of orders) {
      if (order.id !== second.id) expect(renders.get(order.id), order.id).toBe(before.get(order.id));
    }
  });

  it('follows the provider to another database (a tenant switch) instead of showing the old one', async () => {
    const [first] = orders;
    if (!first) throw new Error('demo data too small');
    const other = await createSynclineDatabase({
      name: `hooksother${Math.random().toString(36).slice(2, 8)}`,
      collections: { orders: controlCenterSchemas.orders },
      migrationStrategies: controlCenterMigrations,
      multiInstance: false,
    });
    await other.orders.insert({ ...first, status: 'cancelled' });
    const { rerender } = render(
      <SynclineProvider database={database}>
        <OrderStatus id={first.id} />
      </SynclineProvider>,
    );
    await screen.findByText(first.status);
    rerender(
      <SynclineProvider database={other}>
        <OrderStatus id={first.id} />
      </SynclineProvider>,
    );
    await screen.findByText('cancelled');
    cleanup();
    await other.remove();
  });

  it('shows pending writes and lets a person resolve a conflict', async () => {
    const [order] = orders;
    if (!order) throw new Error('demo data too small');
    // a conflict as the replication would meet it: the notes changed on both sides
    const handler = createConflictHandler<Order>(() => database, 'orders', controlCenterMergeRules.orders);
    const base = { ...order, _deleted: false };
    const merged = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: { ...base, notes: 'Mine: press only' },
        realMasterState: { ...base, notes: 'Theirs: wash at 30°', updatedAt: 99 },
      },
      'replication-resolve-conflict',
    );
    expect(merged.notes).toBe('Theirs: wash at 30°');
    await (await database.orders.findOne(order.id).exec())?.incrementalPatch({ notes: merged.notes });

    render(
      <SynclineProvider database={database}>
        <ConflictInbox orderId={order.id} />
      </SynclineProvider>,
    );
    await screen.findByText('notes: Mine: press only / Theirs: wash at 30°');
    await screen.findByText('1 to review · 5 waiting · conflict');
    fireEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await screen.findByText('0 to review · 5 waiting · pending');
    expect((await database.orders.findOne(order.id).exec())?.notes).toBe('Mine: press only');
  });
});
