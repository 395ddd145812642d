// A DataTable renders a row's cells again only when that row has something new to show: a parent rendering the table
// for anything else (a filter still loading, a new count, the focus moving) leaves the rows in view alone, which is
// what keeps a filter at 100,000 orders within a frame (tests/perf/ui). Counted by the cells' own renderer.
import { act, Profiler } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { type ColumnDef, DataTable, type RowSelectionState } from '../src';

type Doc = { id: string; name: string };
const docs = (prefix: string): Doc[] =>
  Array.from({ length: 60 }, (_, index) => ({ id: `${prefix}${index}`, name: `${prefix} ${index}` }));

describe('DataTable rows', () => {
  const style = document.createElement('style');
  const container = document.createElement('div');
  let root: Root;
  /** the names whose cell rendered, in order */
  let rendered: string[] = [];
  /** how many times the table rendered */
  let tableRenders = 0;
  const columns: ColumnDef<Doc>[] = [
    {
      accessorKey: 'name',
      header: 'Name',
      cell: ({ row }) => {
        rendered.push(row.original.name);
        return row.original.name;
      },
    },
  ];

  beforeEach(() => {
    style.textContent = inject('kitStylesheet');
    document.head.append(style);
    document.body.append(container);
    root = createRoot(container);
    rendered = [];
    tableRenders = 0;
  });

  afterEach(() => {
    act(() => root.unmount());
    container.remove();
    style.remove();
  });

  const show = (data: Doc[], rowCount: number, selection: RowSelectionState = {}) =>
    act(async () =>
      root.render(
        <Profiler id="table" onRender={() => tableRenders++}>
          <DataTable
            label="Docs"
            data={data}
            rowCount={rowCount}
            columns={columns}
            getRowId={(doc) => doc.id}
            selectable
            rowSelection={selection}
            height={400}
          />
        </Profiler>,
      ),
    );
  const names = () => [...container.querySelectorAll('tbody tr[data-row-index]')].map((row) => row.textContent);

  test('a render with the same rows renders no cell; new rows, or a row selected, render only what changed', async () => {
    const first = docs('a');
    await show(first, 1000);
    const inView = names().length;
    expect(inView).toBeGreaterThan(3);
    expect(new Set(rendered).size).toBe(inView);

    // the parent renders again: a new query is loading, the count has changed, the rows are the same
    rendered = [];
    await show(first, 900);
    expect(rendered).toEqual([]);
    expect(names().slice(0, 2)).toEqual(['a 0', 'a 1']);

    // one row selected: that row's cells render, no other
    rendered = [];
    await show(first, 900, { a1: true });
    expect(rendered).toEqual(['a 1']);
    expect(container.querySelector('tr[aria-selected="true"]')?.textContent).toBe('a 1');

    // the new query's rows: every row in view shows its new document, in one render of the table
    rendered = [];
    tableRenders = 0;
    await show(docs('b'), 900);
    expect(new Set(rendered).size).toBe(inView);
    expect(tableRenders).toBe(1);
    expect(names().slice(0, 2)).toEqual(['b 0', 'b 1']);
  });
});
