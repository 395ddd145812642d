// The DataTable's virtual rows follow the density an app puts on the root element, as the tokens' spacing does, so
// an embedding app that sets `data-density="compact"` gets compact rows without telling the table.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { type ColumnDef, DataTable } from '../src';

type Row = { id: string; name: string };
const rows: Row[] = Array.from({ length: 30 }, (_, index) => ({ id: `r${index}`, name: `Row ${index}` }));
const columns: ColumnDef<Row>[] = [{ accessorKey: 'name', header: 'Name' }];

describe('DataTable density', () => {
  const style = document.createElement('style');
  const container = document.createElement('div');
  let root: Root;

  beforeEach(() => {
    style.textContent = inject('kitStylesheet');
    document.head.append(style);
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    style.remove();
    delete document.documentElement.dataset.density;
  });

  const rowHeights = () =>
    [...container.querySelectorAll('tbody tr[data-row-index]')].map((row) =>
      Math.round(row.getBoundingClientRect().height),
    );

  test('rows are 44 px, 34 px once the root turns compact, and 44 px again', async () => {
    await act(async () =>
      root.render(<DataTable label="Rows" data={rows} columns={columns} getRowId={(row) => row.id} />),
    );
    expect(rowHeights().length).toBeGreaterThan(3);
    expect(new Set(rowHeights())).toEqual(new Set([44]));

    await act(async () => {
      document.documentElement.dataset.density = 'compact';
    });
    expect(new Set(rowHeights())).toEqual(new Set([34]));

    await act(async () => {
      document.documentElement.dataset.density = 'comfortable';
    });
    expect(new Set(rowHeights())).toEqual(new Set([44]));
  });

  test('a row height the app gives wins over the density', async () => {
    document.documentElement.dataset.density = 'compact';
    await act(async () =>
      root.render(<DataTable label="Rows" data={rows} columns={columns} getRowId={(row) => row.id} rowHeight={60} />),
    );
    expect(new Set(rowHeights())).toEqual(new Set([60]));
  });
});
