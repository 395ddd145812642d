// @vitest-environment jsdom
// The edit-safety hook against a real RxDB database: another writer (a replicated change from another device lands
// exactly like this) changes the order while a form holds a draft. Untouched fields follow, a save writes only the
// person's changes onto the newest document, and a field changed on both sides waits for a decision.
import { type controlCenterSchemas, createDemoData, type Order } from '@syncline/domain';
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SynclineDatabase, SynclineProvider, useDocumentDraft } from '../src';
import { openLocalDatabase } from './open-local';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const [order] = createDemoData({ seed: 7, orders: 1, customers: 1, machines: 1 }).orders;
if (!order) throw new Error('demo data too small');
let database: SynclineDatabase<typeof controlCenterSchemas>;

beforeEach(async () => {
  database = await openLocalDatabase('draft');
  await database.orders.insert({ ...order, priority: 'high', notes: 'Ring twice' });
});

afterEach(async () => {
  cleanup();
  await database.remove();
});

function openDraft() {
  const wrapper = ({ children }: { children: ReactNode }) => (
    <SynclineProvider database={database}>{children}</SynclineProvider>
  );
  return renderHook(() => useDocumentDraft<Order>('orders', order?.id ?? ''), { wrapper });
}

/** Another device's change, as replication writes it: straight into the local database. */
async function elsewhere(patch: Partial<Order>) {
  await act(async () => {
    await database.orders
      .findOne(order?.id)
      .exec()
      .then((doc) => doc?.incrementalPatch(patch));
  });
}

const stored = async () => (await database.orders.findOne(order?.id).exec())?.toJSON() as Order;

describe('useDocumentDraft', () => {
  it('follows another device on untouched fields and saves only the person’s change onto the newest order', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values?.priority).toBe('high'));
    act(() => result.current.set('notes', 'Leave at the door'));
    await elsewhere({ priority: 'low' });
    await waitFor(() => expect(result.current.values?.priority).toBe('low'));
    expect(result.current.values?.notes).toBe('Leave at the door');
    expect(result.current.touched).toEqual(['notes']);

    let saved: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      saved = await result.current.save();
    });
    expect(saved).toMatchObject({ status: 'saved', patch: { notes: 'Leave at the door' } });
    expect(await stored()).toMatchObject({ priority: 'low', notes: 'Leave at the door' });
    expect(result.current.touched).toEqual([]);
    expect(result.current.values?.notes).toBe('Leave at the door');
  });

  it('shows a field changed on both sides and refuses to save until the person decides', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set('priority', 'urgent'));
    await elsewhere({ priority: 'low' });
    await waitFor(() =>
      expect(result.current.changedElsewhere).toEqual([
        { field: 'priority', base: 'high', theirs: 'low', mine: 'urgent' },
      ]),
    );
    expect(result.current.values?.priority).toBe('urgent');

    let refused: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      refused = await result.current.save();
    });
    expect(refused).toMatchObject({ status: 'changed-elsewhere' });
    expect((await stored()).priority).toBe('low');

    act(() => result.current.keepMine('priority'));
    expect(result.current.changedElsewhere).toEqual([]);
    await act(async () => {
      await result.current.save();
    });
    expect((await stored()).priority).toBe('urgent');
  });

  it('refuses a save when the field moves between the check and the write', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set('priority', 'urgent'));
    const doc = await database.orders.findOne(order?.id).exec();
    let outcome: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      const saving = result.current.save();
      await doc?.incrementalPatch({ priority: 'low' }); // queued ahead of the save's own write
      outcome = await saving;
    });
    expect(outcome).toMatchObject({ status: 'changed-elsewhere', changes: [{ field: 'priority', theirs: 'low' }] });
    expect((await stored()).priority).toBe('low');
  });

  it('keep theirs drops the change and writes nothing for that field', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set('priority', 'urgent'));
    await elsewhere({ priority: 'low' });
    await waitFor(() => expect(result.current.changedElsewhere).toHaveLength(1));
    act(() => result.current.keepTheirs('priority'));
    expect(result.current.values?.priority).toBe('low');
    let outcome: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      outcome = await result.current.save();
    });
    expect(outcome).toEqual({ status: 'unchanged' });
    expect((await stored()).priority).toBe('low');
  });

  it('computes amendments (a history entry) from the newest document, not the loaded one', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set('notes', 'Call first'));
    const entry = { id: 'h-elsewhere', at: 1, by: 'b', summary: 'Edited priority', changes: [] };
    await elsewhere({ history: [...(order?.history ?? []), entry] });
    await act(async () => {
      await result.current.save({
        amend: (newest) => ({
          history: [...(newest.history ?? []), { id: 'h-mine', at: 2, by: 'a', summary: 'Edited notes', changes: [] }],
        }),
      });
    });
    expect((await stored()).history?.map((h) => h.id).slice(-2)).toEqual(['h-elsewhere', 'h-mine']);
  });

  it('says so when the order was deleted while the form was open', async () => {
    const { result } = openDraft();
    await waitFor(() => expect(result.current.values).not.toBeNull());
    act(() => result.current.set('notes', 'Too late'));
    await act(async () => {
      await (await database.orders.findOne(order?.id).exec())?.remove();
    });
    await waitFor(() => expect(result.current.doc).toBeNull());
    let outcome: Awaited<ReturnType<typeof result.current.save>> | undefined;
    await act(async () => {
      outcome = await result.current.save();
    });
    expect(outcome).toEqual({ status: 'missing' });
  });
});
