export {
  type ColumnDef,
  type ColumnFiltersState,
  DataTable,
  type DataTableCardParts,
  type DataTableProps,
  type DataTableRange,
  dataTableRowHeight,
  type Row,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from './data-table';
