'use client';
// A table for many rows: sort (click a header), filter (global search and per-column filters), column visibility,
// row selection, keyboard row navigation (arrows, Home/End, PageUp/PageDown, Space selects, Enter opens), and
// virtualised rows, so 100,000 rows scroll as smoothly as 100. Built on TanStack Table and TanStack Virtual.
import {
  type ColumnDef,
  type ColumnFiltersState,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type Row,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon, Columns3Icon, SearchIcon } from 'lucide-react';
import { useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { Button } from '../button/button';
import { Checkbox } from '../checkbox/checkbox';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '../dropdown-menu/dropdown-menu';
import { Input } from '../input/input';

export type { ColumnDef, ColumnFiltersState, Row, RowSelectionState, SortingState, VisibilityState };

export type DataTableProps<T> = {
  /** The table's accessible name. */
  label: string;
  data: readonly T[];
  columns: ColumnDef<T, unknown>[];
  getRowId: (row: T) => string;
  /** Show the search box over all columns. */
  searchable?: boolean;
  searchPlaceholder?: string;
  /** Adds a checkbox column; the selection is controlled when `rowSelection` is given. */
  selectable?: boolean;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: (selection: RowSelectionState) => void;
  /** Per-column filters (e.g. `[{ id: 'status', value: 'ready' }]`), controlled. */
  columnFilters?: ColumnFiltersState;
  defaultSorting?: SortingState;
  /** Enter on a focused row, or a double click. */
  onRowActivate?: (row: T) => void;
  /** Attributes for a row's <tr> (data-* for tests, state for styling). */
  rowProps?: (row: T) => React.HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | undefined>;
  /** Extra controls beside the search box. */
  toolbar?: React.ReactNode;
  /** Height of the scrolling body. */
  height?: number | string;
  rowHeight?: number;
  emptyText?: string;
  className?: string;
};

const selectColumnId = '__select';

// The defaults for the optional state props, made once: TanStack Table takes a new array as new state, recomputes
// the filtered rows and resets the page, which renders again with another new `[]`, for ever.
const noColumnFilters: ColumnFiltersState = [];
const noSorting: SortingState = [];

/**
 * The checkbox column. Defined once, outside render: a cell renderer that changes identity between renders
 * remounts its cells, and a click would land on a checkbox that is gone. (Define your own columns once too.)
 */
const selectColumn: ColumnDef<unknown, unknown> = {
  id: selectColumnId,
  size: 40,
  enableSorting: false,
  enableHiding: false,
  header: ({ table }) => (
    <Checkbox
      aria-label="Select all rows"
      checked={table.getIsAllRowsSelected() ? true : table.getIsSomeRowsSelected() ? 'indeterminate' : false}
      onCheckedChange={(value) => table.toggleAllRowsSelected(value === true)}
    />
  ),
  cell: ({ row }) => (
    <Checkbox
      aria-label={`Select row ${row.index + 1}`}
      tabIndex={-1}
      checked={row.getIsSelected()}
      onCheckedChange={(value) => row.toggleSelected(value === true)}
    />
  ),
};

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  if (direction === 'asc') return <ArrowUpIcon aria-hidden="true" />;
  if (direction === 'desc') return <ArrowDownIcon aria-hidden="true" />;
  return <ChevronsUpDownIcon aria-hidden="true" className="opacity-50" />;
}

export function DataTable<T>({
  label,
  data,
  columns,
  getRowId,
  searchable = true,
  searchPlaceholder = 'Search',
  selectable = false,
  rowSelection: rowSelectionProp,
  onRowSelectionChange,
  columnFilters = noColumnFilters,
  defaultSorting = noSorting,
  onRowActivate,
  rowProps,
  toolbar,
  height = 560,
  rowHeight = 44,
  emptyText = 'No rows match.',
  className,
}: DataTableProps<T>) {
  const [sorting, setSorting] = useState<SortingState>(defaultSorting);
  const [globalFilter, setGlobalFilter] = useState('');
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const [ownSelection, setOwnSelection] = useState<RowSelectionState>({});
  const rowSelection = rowSelectionProp ?? ownSelection;
  const [focusedIndex, setFocusedIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const allColumns = useMemo(
    () => (selectable ? [selectColumn as ColumnDef<T, unknown>, ...columns] : columns),
    [selectable, columns],
  );

  const table = useReactTable<T>({
    data: data as T[],
    columns: allColumns,
    getRowId,
    state: { sorting, globalFilter, columnVisibility, rowSelection, columnFilters },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    onColumnVisibilityChange: setColumnVisibility,
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      if (rowSelectionProp === undefined) setOwnSelection(next);
      onRowSelectionChange?.(next);
    },
    enableRowSelection: selectable,
    // First click sorts ascending, whatever the column's type.
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns().length;
  const focused = Math.min(focusedIndex, Math.max(0, rows.length - 1));

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setFocusedIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The row may render a few frames later, once the virtualiser has scrolled to it.
    const focusWhenRendered = (framesLeft: number) => {
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`);
      if (element) element.focus();
      else if (framesLeft > 0) requestAnimationFrame(() => focusWhenRendered(framesLeft - 1));
    };
    requestAnimationFrame(() => focusWhenRendered(30));
  };

  const onKeyDown = (event: React.KeyboardEvent, row: Row<T>, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === ' ' && selectable) {
      event.preventDefault();
      row.toggleSelected();
    } else if (event.key === 'Enter' && onRowActivate) {
      event.preventDefault();
      onRowActivate(row.original);
    }
  };

  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <div data-slot="data-table" className={cn('flex flex-col gap-3', className)}>
      <div data-slot="data-table-toolbar" className="flex flex-wrap items-center gap-2">
        {searchable ? (
          <div className="relative w-full max-w-xs">
            <SearchIcon
              aria-hidden="true"
              className="-translate-y-1/2 absolute top-1/2 left-2.5 size-4 text-foreground-muted"
            />
            <Input
              aria-label={`Search ${label.toLowerCase()}`}
              placeholder={searchPlaceholder}
              value={globalFilter}
              onChange={(event) => setGlobalFilter(event.target.value)}
              className="pl-8"
            />
          </div>
        ) : null}
        {toolbar}
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button variant="outline" size="sm" className="ml-auto">
              <Columns3Icon aria-hidden="true" /> Columns
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuLabel>Show columns</DropdownMenuLabel>
            {hideable.map((column) => (
              <DropdownMenuCheckboxItem
                key={column.id}
                checked={column.getIsVisible()}
                onCheckedChange={(value) => column.toggleVisibility(value === true)}
                onSelect={(event) => event.preventDefault()}
              >
                {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
              </DropdownMenuCheckboxItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
      <p className="sr-only" aria-live="polite">
        {rows.length} of {data.length} rows
      </p>
      <div
        ref={scrollRef}
        data-slot="data-table-scroll"
        className="relative overflow-auto rounded-lg border border-border bg-surface"
        style={{ height }}
      >
        <table
          aria-label={label}
          aria-rowcount={rows.length + 1}
          className="w-full caption-bottom border-separate border-spacing-0 text-sm"
        >
          <thead data-slot="data-table-header" className="sticky top-0 z-10 bg-surface-raised">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className="h-10 border-border border-b px-3 text-left align-middle font-medium text-foreground-muted"
                      style={{ width: header.column.columnDef.size ? header.getSize() : undefined }}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="-mx-1 inline-flex cursor-pointer items-center gap-1 rounded px-1 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-3.5"
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <SortIcon direction={sorted} />
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody data-slot="data-table-body">
            {paddingTop > 0 ? (
              <tr data-slot="data-table-spacer">
                <td colSpan={visibleColumns} style={{ height: paddingTop, padding: 0 }} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index] as Row<T>;
              return (
                <tr
                  key={row.id}
                  data-row-index={item.index}
                  aria-rowindex={item.index + 2}
                  aria-selected={selectable ? row.getIsSelected() : undefined}
                  tabIndex={item.index === focused ? 0 : -1}
                  onKeyDown={(event) => onKeyDown(event, row, item.index)}
                  onFocus={() => setFocusedIndex(item.index)}
                  onDoubleClick={() => onRowActivate?.(row.original)}
                  className="outline-none transition-colors hover:bg-accent/60 focus-visible:bg-accent focus-visible:shadow-[inset_2px_0_0_var(--sl-color-ring)] aria-selected:bg-primary-subtle"
                  style={{ height: rowHeight }}
                  {...rowProps?.(row.original)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className="border-border-subtle border-b px-3 align-middle">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr data-slot="data-table-spacer">
                <td colSpan={visibleColumns} style={{ height: paddingBottom, padding: 0 }} />
              </tr>
            ) : null}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={visibleColumns} className="h-24 text-center text-foreground-muted">
                  {emptyText}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </div>
  );
}
