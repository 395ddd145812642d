'use client';
// A table for many rows: sort (click a header), filter (global search and per-column filters), column visibility,
// row selection, keyboard row navigation (arrows, Home/End, PageUp/PageDown, Space selects, Enter opens), and
// virtualised rows, so 100,000 rows scroll as smoothly as 100. Built on TanStack Table and TanStack Virtual.
// A column's `meta.align: 'end'` right-aligns it (numbers, with tabular figures). Cells never wrap (rows keep the
// height the virtualiser counts on): a table wider than its place scrolls sideways, with a shade at the edge that
// has more, so a narrow screen never cuts columns off without a sign. Given `renderCard`, a table narrower than the
// `md` breakpoint (a phone, a narrow column) shows each row as a card instead: the same rows, keys, selection and
// activation, in a list a thumb can use, with a "Sort by" picker for the sorts the headers offer.
// Given all rows it sorts and searches them itself; given a row count and the rows loaded so far (manual mode), it
// leaves sorting and search to whoever loads them, for shops too large to hold in memory.
import {
  type ColumnDef,
  type ColumnFiltersState,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type Row,
  type RowData,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDownIcon, ArrowUpIcon, ChevronsUpDownIcon, Columns3Icon, SearchIcon } from 'lucide-react';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { type Density, useDensity } from '../../lib/use-density';
import { useFixedRows } from '../../lib/use-fixed-rows';
import { useNarrowerThan } from '../../lib/use-narrower-than';
import { Button } from '../button/button';
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '../dropdown-menu/dropdown-menu';
import { Input } from '../input/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '../select/select';
import { Skeleton } from '../skeleton/skeleton';

export type { ColumnDef, ColumnFiltersState, Row, RowSelectionState, SortingState, VisibilityState };

declare module '@tanstack/react-table' {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** `end` right-aligns the header and cells, with tabular figures: for numbers and money. */
    align?: 'start' | 'end';
  }
}

/** Rows `start` (inclusive) to `end` (exclusive), in the table's order. */
export type DataTableRange = { start: number; end: number };

export type DataTableProps<T> = {
  /** The table's accessible name. */
  label: string;
  /** Every row; in manual mode (`rowCount` given), the rows loaded, from `rowOffset` on. */
  data: readonly T[];
  /**
   * Manual mode: the table has this many rows, sorts and searches none of them itself, and tells the loader what to
   * load (`onVisibleRowsChange`, `onSortingChange`, `onSearchChange`). Rows not loaded yet show as placeholders.
   */
  rowCount?: number;
  /** Manual mode: the index of `data[0]` among all rows. */
  rowOffset?: number;
  /** The rows in view (and a few either side); in manual mode, the ones to load. */
  onVisibleRowsChange?: (range: DataTableRange) => void;
  onSortingChange?: (sorting: SortingState) => void;
  /** The sort, controlled (a saved view or the address sets it); `defaultSorting` when absent. */
  sorting?: SortingState;
  /** The search box's text, on every keystroke. */
  onSearchChange?: (search: string) => void;
  /** The search box's text, controlled. */
  search?: string;
  /** Which columns show (`{ priority: false }` hides one), controlled; the Columns menu changes it. */
  columnVisibility?: VisibilityState;
  onColumnVisibilityChange?: (visibility: VisibilityState) => void;
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
  /** Enter on a focused row, or a double click (a single click with `activateOnClick`). */
  onRowActivate?: (row: T) => void;
  /**
   * A click anywhere on a row that is not on a control (a link, button, checkbox or field) activates it: for rows that
   * open something, whose one accessible way in stays a link or Enter.
   */
  activateOnClick?: boolean;
  /** A row's name for its checkbox ("Select order #13002"); by default its position. */
  rowLabel?: (row: T) => string;
  /** Attributes for a row's <tr>, or its card's <li> (data-* for tests, state for styling). */
  rowProps?: (row: T) => React.HTMLAttributes<HTMLElement> & Record<`data-${string}`, string | undefined>;
  /** Extra controls beside the search box. */
  toolbar?: React.ReactNode;
  /** Height of the scrolling body. */
  height?: number | string;
  /** `height` is the most the body takes: a few rows, or none, make a short table instead of a large empty one. */
  shrink?: boolean;
  /** A row's height in pixels; by default the density's (`data-density` on the root): 44, or 34 when compact. */
  rowHeight?: number;
  /**
   * Each row as a card when the table is narrower than `cardBreakpoint`: the card's content, given the row and its
   * selection checkbox (when `selectable`). A click anywhere on a card that is not on a control activates it, as
   * `activateOnClick` does for a row; arrows, Space and Enter work as on rows. Cards have no headers: a "Sort by"
   * picker above them offers each sortable column ascending and descending (the same sort state as the headers).
   */
  renderCard?: (row: T, parts: DataTableCardParts) => React.ReactNode;
  /** The width (px) below which rows become cards; the `md` breakpoint (48rem) by default. */
  cardBreakpoint?: number;
  /** A card's height (px, with the gap under it) before it is measured. */
  cardHeight?: number;
  emptyText?: string;
  className?: string;
};

/** A row's height in each density, as the tokens' control heights scale (the rows are virtualised at a fixed height). */
export const dataTableRowHeight: Record<Density, number> = { comfortable: 44, compact: 34 };
/** What a card gets besides its row. */
export type DataTableCardParts = {
  /** The row's selection checkbox (null when the table is not selectable), with a target a finger can hit. */
  selectBox: React.ReactNode;
};

const selectColumnId = '__select';
/** Between a column's id and a direction in the card sort picker's values ("number:desc"). */
const sortSeparator = ':';

/** A column as a person reads it: its header when that is words, else its id. */
const columnName = (column: { id: string; columnDef: { header?: unknown } }) =>
  typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;

// The defaults for the optional state props, made once: TanStack Table takes a new array as new state, recomputes
// the filtered rows and resets the page, which renders again with another new `[]`, for ever.
const noColumnFilters: ColumnFiltersState = [];
const noSorting: SortingState = [];
const noVisibility: VisibilityState = {};

/** What the checkbox column reads from the table: the rows' names. */
type SelectionMeta = { rowLabel?: (row: unknown) => string };

/** Inside a row, the targets a click uses for itself rather than the row's activation. */
const controls = 'a, button, input, select, textarea, label, [role="checkbox"], [role="menuitem"], [data-row-control]';

/** A row's or the header's checkbox: the browser's own, in the kit's colour, light enough for every row in view. */
const selectBox = 'size-4 cursor-pointer accent-primary align-middle';

/**
 * The checkbox column. Defined once, outside render: a cell renderer that changes identity between renders
 * remounts its cells, and a click would land on a checkbox that is gone. (Define your own columns once too.)
 * Native checkboxes: a kit Checkbox (Radix) in every row rendered in view more than doubled the orders page's
 * mount at 100,000 orders (pnpm bench --only ui).
 */
const selectColumn: ColumnDef<unknown, unknown> = {
  id: selectColumnId,
  size: 40,
  enableSorting: false,
  enableHiding: false,
  header: ({ table }) => {
    const some = table.getIsSomeRowsSelected();
    return (
      <input
        type="checkbox"
        data-slot="data-table-select-all"
        aria-label="Select all rows"
        className={selectBox}
        checked={table.getIsAllRowsSelected()}
        ref={(element) => {
          if (element) element.indeterminate = some;
        }}
        onChange={(event) => table.toggleAllRowsSelected(event.target.checked)}
      />
    );
  },
  cell: ({ row, table }) => (
    <input
      type="checkbox"
      data-slot="data-table-select-row"
      aria-label={`Select ${(table.options.meta as SelectionMeta | undefined)?.rowLabel?.(row.original) ?? `row ${row.index + 1}`}`}
      className={selectBox}
      tabIndex={-1}
      checked={row.getIsSelected()}
      onChange={(event) => row.toggleSelected(event.target.checked)}
    />
  ),
};

/** A card's checkbox: the row checkbox's, in a label large enough for a finger (WCAG 2.2 target size). */
function CardSelectBox<T>({ row, name }: { row: Row<T>; name: string }) {
  return (
    <label data-slot="data-table-card-select" className="-m-2 inline-grid size-10 shrink-0 place-items-center">
      <input
        type="checkbox"
        data-slot="data-table-select-row"
        aria-label={`Select ${name}`}
        className="size-5 cursor-pointer accent-primary"
        tabIndex={-1}
        checked={row.getIsSelected()}
        onChange={(event) => row.toggleSelected(event.target.checked)}
      />
    </label>
  );
}

// The table's icons, made once: the table renders again with every new set of rows, and React leaves an element it
// was given before alone instead of rendering the icon's SVG again.
const sortIcons = {
  asc: <ArrowUpIcon aria-hidden="true" />,
  desc: <ArrowDownIcon aria-hidden="true" />,
  none: <ChevronsUpDownIcon aria-hidden="true" className="opacity-50" />,
};
const searchIcon = (
  <SearchIcon aria-hidden="true" className="-translate-y-1/2 absolute top-1/2 left-2.5 size-4 text-foreground-muted" />
);
const columnsIcon = <Columns3Icon aria-hidden="true" />;

export function DataTable<T>({
  label,
  data,
  rowCount,
  rowOffset = 0,
  onVisibleRowsChange,
  onSortingChange,
  sorting: sortingProp,
  onSearchChange,
  search,
  columnVisibility: columnVisibilityProp,
  onColumnVisibilityChange,
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
  activateOnClick = false,
  rowLabel,
  rowProps,
  toolbar,
  height = 560,
  shrink = false,
  rowHeight: rowHeightProp,
  renderCard,
  cardBreakpoint = 768,
  cardHeight = 140,
  emptyText = 'No rows match.',
  className,
}: DataTableProps<T>) {
  const density = useDensity();
  const rowHeight = rowHeightProp ?? dataTableRowHeight[density];
  const [ownSorting, setSorting] = useState<SortingState>(defaultSorting);
  const sorting = sortingProp ?? ownSorting;
  const [ownFilter, setGlobalFilter] = useState('');
  const globalFilter = search ?? ownFilter;
  const [ownVisibility, setColumnVisibility] = useState<VisibilityState>(noVisibility);
  const columnVisibility = columnVisibilityProp ?? ownVisibility;
  const [ownSelection, setOwnSelection] = useState<RowSelectionState>({});
  const rowSelection = rowSelectionProp ?? ownSelection;
  const [focusedIndex, setFocusedIndex] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const cards = useNarrowerThan(rootRef, renderCard ? cardBreakpoint : undefined);
  const [more, setMore] = useState({ before: false, after: false });
  /** Whether columns are out of sight to either side, for the shades that say so. */
  const measureMore = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const before = element.scrollLeft > 0;
    const after = element.scrollLeft + element.clientWidth < element.scrollWidth - 1;
    setMore((current) => (current.before === before && current.after === after ? current : { before, after }));
  }, []);
  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    measureMore();
    const observer = new ResizeObserver(measureMore);
    observer.observe(element);
    const table = element.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, [measureMore]);

  const allColumns = useMemo(
    () => (selectable ? [selectColumn as ColumnDef<T, unknown>, ...columns] : columns),
    [selectable, columns],
  );

  const manual = rowCount !== undefined;
  const table = useReactTable<T>({
    data: data as T[],
    columns: allColumns,
    getRowId,
    meta: { rowLabel } as SelectionMeta,
    state: { sorting, globalFilter, columnVisibility, rowSelection, columnFilters },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      setSorting(next);
      onSortingChange?.(next);
    },
    onGlobalFilterChange: setGlobalFilter,
    manualSorting: manual,
    manualFiltering: manual,
    // the loader always has an order: a third click cannot show "unsorted", so it sorts ascending again
    enableSortingRemoval: !manual,
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === 'function' ? updater(columnVisibility) : updater;
      setColumnVisibility(next);
      onColumnVisibilityChange?.(next);
    },
    onRowSelectionChange: (updater) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      if (rowSelectionProp === undefined) setOwnSelection(next);
      onRowSelectionChange?.(next);
    },
    enableRowSelection: selectable,
    // no pages (the rows are virtualised): TanStack's page reset on new data would only render the table again
    autoResetPageIndex: false,
    // First click sorts ascending, whatever the column's type.
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const loaded = table.getRowModel().rows;
  const count = rowCount ?? loaded.length;
  /** The row at an index among all rows; in manual mode, undefined until it is loaded. */
  const rowAt = (index: number): Row<T> | undefined => loaded[manual ? index - rowOffset : index];
  // Cards are measured as they render (a long name wraps); rows all have `rowHeight`, so where each one sits is
  // arithmetic: the table costs no more with 100,000 rows than with 100.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight,
    indexAttribute: 'data-row-index',
    overscan: 12,
    enabled: cards,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: cards shown afresh are measured afresh
  useEffect(() => {
    if (cards) virtualizer.measure();
  }, [cards]);
  const headerHeight = useCallback(() => scrollRef.current?.querySelector('thead')?.offsetHeight ?? 0, []);
  const rows = useFixedRows(scrollRef, { count, rowHeight, overscan: 12, enabled: !cards, stickyTop: headerHeight });
  const items = cards ? virtualizer.getVirtualItems() : rows.items;
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = (cards ? virtualizer.getTotalSize() : rows.totalSize) - (items.at(-1)?.end ?? 0);
  const visibleColumns = table.getVisibleLeafColumns().length;
  const shownColumns = table
    .getVisibleLeafColumns()
    .map((column) => column.id)
    .join(' ');
  const focused = Math.min(focusedIndex, Math.max(0, count - 1));
  const firstVisible = items[0]?.index ?? 0;
  const endVisible = (items.at(-1)?.index ?? -1) + 1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: told once per new range, not per new callback
  useEffect(() => {
    onVisibleRowsChange?.({ start: firstVisible, end: endVisible });
  }, [firstVisible, endVisible]);

  const focusRow = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setFocusedIndex(next);
    if (cards) virtualizer.scrollToIndex(next, { align: 'auto' });
    else rows.scrollToIndex(next);
    // A row already rendered (the next one, most often) takes focus at once, so a second key pressed straight after
    // moves on from it, not again from the row before; one further off renders a few frames later, once the
    // virtualiser has scrolled to it.
    const focusWhenRendered = (framesLeft: number) => {
      const element = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"]`);
      if (element) element.focus();
      else if (framesLeft > 0) requestAnimationFrame(() => focusWhenRendered(framesLeft - 1));
    };
    focusWhenRendered(30);
  };

  const onKeyDown = (event: React.KeyboardEvent, row: Row<T> | undefined, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: count - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusRow(target);
    } else if (event.key === ' ' && selectable && row) {
      event.preventDefault();
      row.toggleSelected();
    } else if (event.key === 'Enter' && onRowActivate && row) {
      event.preventDefault();
      onRowActivate(row.original);
    }
  };

  /** What makes a row, or a card, a thing to move between, select and open. */
  const rowBehaviour = (row: Row<T> | undefined, index: number) => ({
    'data-row-index': index,
    tabIndex: index === focused ? 0 : -1,
    onKeyDown: (event: React.KeyboardEvent) => onKeyDown(event, row, index),
    onFocus: () => setFocusedIndex(index),
    onDoubleClick: () => !activateOnClick && row && onRowActivate?.(row.original),
    onClick: (event: React.MouseEvent) => {
      if ((!activateOnClick && !cards) || !row || !onRowActivate) return;
      if ((event.target as Element).closest(controls)) return;
      // a person selecting text to copy is not opening the row
      if (window.getSelection()?.toString()) return;
      onRowActivate(row.original);
    },
  });

  const hideable = table.getAllLeafColumns().filter((column) => column.getCanHide());
  const sortable = table.getVisibleLeafColumns().filter((column) => column.getCanSort());
  const [sorted] = sorting;
  const sortChoice = sorted ? `${sorted.id}${sortSeparator}${sorted.desc ? 'desc' : 'asc'}` : '';
  return (
    <div
      ref={rootRef}
      data-slot="data-table"
      data-layout={cards ? 'cards' : 'table'}
      className={cn('flex flex-col gap-3', className)}
    >
      <div data-slot="data-table-toolbar" className="flex flex-wrap items-center gap-2">
        {searchable ? (
          <div className="relative w-full max-w-xs">
            {searchIcon}
            <Input
              aria-label={`Search ${label.toLowerCase()}`}
              placeholder={searchPlaceholder}
              value={globalFilter}
              onChange={(event) => {
                setGlobalFilter(event.target.value);
                onSearchChange?.(event.target.value);
              }}
              className="pl-8"
            />
          </div>
        ) : null}
        {toolbar}
        {/* cards have no headers to sort by: a picker offers the same sorts; they show what their renderer chose, so
            there are no columns to pick */}
        {cards ? (
          sortable.length > 0 ? (
            <Select
              value={sortChoice}
              onValueChange={(choice) => {
                const at = choice.lastIndexOf(sortSeparator);
                table.setSorting([{ id: choice.slice(0, at), desc: choice.slice(at + 1) === 'desc' }]);
              }}
            >
              <SelectTrigger data-slot="data-table-card-sort" aria-label="Sort by" className="w-auto min-w-44">
                <SelectValue placeholder="Sort by" />
              </SelectTrigger>
              <SelectContent>
                {sortable.flatMap((column) =>
                  (['asc', 'desc'] as const).map((direction) => (
                    <SelectItem key={`${column.id}${direction}`} value={`${column.id}${sortSeparator}${direction}`}>
                      {columnName(column)}, {direction === 'asc' ? 'ascending' : 'descending'}
                    </SelectItem>
                  )),
                )}
              </SelectContent>
            </Select>
          ) : null
        ) : (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="outline" size="sm" className="ml-auto">
                {columnsIcon} Columns
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
                  {columnName(column)}
                </DropdownMenuCheckboxItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {manual ? `${count} rows` : `${count} of ${data.length} rows`}
      </p>
      <div className="relative">
        <div
          ref={scrollRef}
          data-slot="data-table-scroll"
          className={cn('relative overflow-auto', !cards && 'rounded-lg border border-border bg-surface')}
          style={shrink ? { maxHeight: height } : { height }}
          onScroll={measureMore}
        >
          {cards && renderCard ? (
            <ul
              aria-label={label}
              data-slot="data-table-cards"
              className="flex flex-col"
              style={{ paddingTop, paddingBottom }}
            >
              {items.map((item) => {
                const row = rowAt(item.index);
                return (
                  <li
                    key={manual ? item.index : (row?.id ?? item.index)}
                    ref={virtualizer.measureElement}
                    aria-busy={row ? undefined : true}
                    className={cn('group pb-2 outline-none last:pb-0', row && onRowActivate && 'cursor-pointer')}
                    {...rowBehaviour(row, item.index)}
                    {...(row ? rowProps?.(row.original) : undefined)}
                  >
                    <div
                      data-slot="data-table-card"
                      data-selected={selectable && row?.getIsSelected() ? '' : undefined}
                      className="rounded-lg border border-border bg-surface p-3 transition-colors group-hover:bg-accent/60 group-focus-visible:border-ring group-focus-visible:bg-accent group-focus-visible:ring-2 group-focus-visible:ring-ring group-focus-visible:ring-inset data-selected:border-primary data-selected:bg-primary-subtle"
                    >
                      {row ? (
                        renderCard(row.original, {
                          selectBox: selectable ? (
                            <CardSelectBox row={row} name={rowLabel?.(row.original) ?? `row ${item.index + 1}`} />
                          ) : null,
                        })
                      ) : (
                        <Skeleton className="h-20 w-full" />
                      )}
                    </div>
                  </li>
                );
              })}
              {count === 0 ? (
                <li className="grid h-24 place-items-center rounded-lg border border-border bg-surface text-foreground-muted text-sm">
                  {emptyText}
                </li>
              ) : null}
            </ul>
          ) : (
            <table
              aria-label={label}
              aria-rowcount={count + 1}
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
                          className={cn(
                            'h-10 border-border border-b px-3 text-left align-middle font-medium text-foreground-muted',
                            header.column.columnDef.meta?.align === 'end' && 'text-right',
                          )}
                          style={{ width: header.column.columnDef.size ? header.getSize() : undefined }}
                        >
                          {header.isPlaceholder ? null : header.column.getCanSort() ? (
                            <button
                              type="button"
                              onClick={header.column.getToggleSortingHandler()}
                              className="-mx-1 inline-flex cursor-pointer items-center gap-1 rounded px-1 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring [&_svg]:size-3.5"
                            >
                              {flexRender(header.column.columnDef.header, header.getContext())}
                              {sortIcons[sorted || 'none']}
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
                  const row = rowAt(item.index);
                  return (
                    <tr
                      // manual mode keys rows by position: a new filter or window fills the same rows in view with
                      // other documents (React updates them) instead of unmounting and mounting all of them
                      key={manual ? item.index : (row?.id ?? item.index)}
                      data-slot={row ? undefined : 'data-table-loading-row'}
                      aria-rowindex={item.index + 2}
                      aria-selected={selectable && row ? row.getIsSelected() : undefined}
                      aria-busy={row ? undefined : true}
                      {...rowBehaviour(row, item.index)}
                      className={cn(
                        'outline-none transition-colors hover:bg-accent/60 focus-visible:bg-accent focus-visible:shadow-[inset_2px_0_0_var(--sl-color-ring)] aria-selected:bg-primary-subtle',
                        activateOnClick && row && 'cursor-pointer',
                      )}
                      style={{ height: rowHeight }}
                      {...(row ? rowProps?.(row.original) : undefined)}
                    >
                      {row ? (
                        <RowCells
                          row={row}
                          columns={allColumns}
                          shown={shownColumns}
                          selected={selectable && row.getIsSelected()}
                        />
                      ) : (
                        <td colSpan={visibleColumns} className="border-border-subtle border-b px-3 align-middle">
                          <Skeleton className="h-4 w-full" />
                        </td>
                      )}
                    </tr>
                  );
                })}
                {paddingBottom > 0 ? (
                  <tr data-slot="data-table-spacer">
                    <td colSpan={visibleColumns} style={{ height: paddingBottom, padding: 0 }} />
                  </tr>
                ) : null}
                {count === 0 ? (
                  <tr>
                    <td colSpan={visibleColumns} className="h-24 text-center text-foreground-muted">
                      {emptyText}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          )}
        </div>
        {!cards && more.before ? (
          <div
            aria-hidden="true"
            data-slot="data-table-more-before"
            className="pointer-events-none absolute inset-y-px left-px z-20 w-6 rounded-l-lg bg-linear-to-r from-foreground/20 to-transparent"
          />
        ) : null}
        {!cards && more.after ? (
          <div
            aria-hidden="true"
            data-slot="data-table-more-after"
            className="pointer-events-none absolute inset-y-px right-px z-20 w-6 rounded-r-lg bg-linear-to-l from-foreground/20 to-transparent"
          />
        ) : null}
      </div>
    </div>
  );
}

interface RowCellsProps<T> {
  row: Row<T>;
  /** What else the cells depend on, compared rather than read: the column definitions, */
  columns: readonly ColumnDef<T, unknown>[];
  /** the ids of the columns shown, */
  shown: string;
  /** and whether the row is selected (its checkbox). */
  selected: boolean;
}

/**
 * A row's cells. They render again only when the row does (another document, or the same one changed: the table
 * makes new rows from new data), or its selection, the columns or which of them show change: a render of the table
 * for anything else (a new filter still loading, a count, the focus) leaves every row in view as it is.
 */
const RowCells = memo(function RowCells<T>({ row }: RowCellsProps<T>) {
  return row.getVisibleCells().map((cell) => (
    <td
      // by column, not by row: a row filled with another document updates its cells in place
      key={cell.column.id}
      className={cn(
        'whitespace-nowrap border-border-subtle border-b px-3 align-middle',
        cell.column.columnDef.meta?.align === 'end' && 'text-right tabular-nums',
      )}
    >
      {flexRender(cell.column.columnDef.cell, cell.getContext())}
    </td>
  ));
}) as <T>(props: RowCellsProps<T>) => React.ReactNode;
