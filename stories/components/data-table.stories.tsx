import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '@syncline/ui/badge';
import { type ColumnDef, DataTable, type DataTableRange, type SortingState } from '@syncline/ui/data-table';
import { useEffect, useState } from 'react';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';

interface Job {
  id: string;
  number: number;
  customer: string;
  status: 'queued' | 'running' | 'done';
  total: number;
}

const customers = ['Ada Almeida', 'Bruno Berger', 'Chiara Costa', 'Dmitri Dubois', 'Eva Eriksen'];
const statuses = ['queued', 'running', 'done'] as const;

function makeJobs(count: number): Job[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `job-${i + 1}`,
    number: 1000 + i,
    customer: customers[i % customers.length] as string,
    status: statuses[(i * 7) % 3] as Job['status'],
    total: ((i * 37) % 500) + 10,
  }));
}

const columns: ColumnDef<Job, unknown>[] = [
  {
    accessorKey: 'number',
    header: 'Number',
    cell: ({ row }) => <span className="font-mono">#{row.original.number}</span>,
  },
  { accessorKey: 'customer', header: 'Customer' },
  { accessorKey: 'status', header: 'Status', cell: ({ row }) => <Badge>{row.original.status}</Badge> },
  {
    accessorKey: 'total',
    header: 'Total',
    cell: ({ row }) => <span className="font-mono">€{row.original.total}</span>,
  },
];

const meta = {
  title: 'Data/DataTable',
  component: DataTable<Job>,
  tags: ['autodocs'],
  parameters: { layout: 'padded' },
  args: {
    label: 'Jobs',
    data: makeJobs(200),
    columns,
    getRowId: (job: Job) => job.id,
    height: 360,
    onRowActivate: fn(),
  },
} satisfies Meta<typeof DataTable<Job>>;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (canvas: ReturnType<typeof within>) =>
  canvas.getAllByRole('row').filter((row: HTMLElement) => row.hasAttribute('data-row-index'));

/** A job as a card: what a phone shows instead of the row. */
function JobCard({ job, selectBox }: { job: Job; selectBox: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-3">
        {selectBox}
        <span className="font-mono">#{job.number}</span>
        <span className="ml-auto font-mono">€{job.total}</span>
      </div>
      <span>{job.customer}</span>
      <Badge className="self-start">{job.status}</Badge>
    </div>
  );
}

const manyJobs = makeJobs(100_000);
/** The loader sorts by number only: a column it cannot sort offers no sorting. */
const sortedByNumberOnly = columns.map((column) => ({
  ...column,
  enableSorting: 'accessorKey' in column && column.accessorKey === 'number',
}));
const firstRows: DataTableRange = { start: 0, end: 0 };

/**
 * What a data layer does for manual mode (say @syncline/data's useLiveWindow): sorts and searches on its side and
 * answers, a moment later, only the rows in view, with how many match.
 */
function LoadedOnDemand(props: React.ComponentProps<typeof DataTable<Job>>) {
  const [range, setRange] = useState(firstRows);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [search, setSearch] = useState('');
  const [loaded, setLoaded] = useState({ count: 0, offset: 0, rows: [] as Job[] });
  useEffect(() => {
    const timer = setTimeout(() => {
      const text = search.toLowerCase();
      const matches = text ? manyJobs.filter((job) => job.customer.toLowerCase().startsWith(text)) : manyJobs;
      const [sorted] = sorting;
      const ordered = sorted?.id === 'number' && sorted.desc ? matches.toReversed() : matches;
      const start = Math.max(0, range.start - 10);
      setLoaded({ count: ordered.length, offset: start, rows: ordered.slice(start, range.end + 10) });
    }, 30);
    return () => clearTimeout(timer);
  }, [range, sorting, search]);
  return (
    <DataTable
      {...props}
      data={loaded.rows}
      rowCount={loaded.count}
      rowOffset={loaded.offset}
      onVisibleRowsChange={setRange}
      onSortingChange={setSorting}
      onSearchChange={setSearch}
      searchPlaceholder="Customer name starts with"
    />
  );
}

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Default: Story = {
  tags: ['state'],
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: 'Jobs' });
    await expect(table).toHaveAttribute('aria-rowcount', '201');
    // Virtualised: far fewer rows in the DOM than in the data.
    await expect(bodyRows(canvas).length).toBeLessThan(60);
  },
};

/** Money right-aligned in tabular figures, and a table of three rows as short as its rows. */
export const FewRowsShortTable: Story = {
  tags: ['state'],
  args: {
    data: makeJobs(3),
    shrink: true,
    columns: columns.map((column) => (column.header === 'Total' ? { ...column, meta: { align: 'end' } } : column)),
  },
  play: async ({ canvas, canvasElement }) => {
    const scroller = canvasElement.querySelector('[data-slot="data-table-scroll"]') as HTMLElement;
    await expect(scroller.clientHeight).toBeLessThan(360 / 2);
    await expect(canvas.getByRole('columnheader', { name: /Total/ })).toHaveClass('text-right');
    await expect(canvas.getByText('€10').closest('td')).toHaveClass('text-right', 'tabular-nums');
  },
};

/** On a phone: the columns that do not fit scroll sideways, and a shade on the edge says more is there. */
export const NarrowScrollsSideways: Story = {
  tags: ['state'],
  args: { data: makeJobs(6), shrink: true },
  decorators: [
    (Story) => (
      <div style={{ width: 280 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const scroller = canvasElement.querySelector('[data-slot="data-table-scroll"]') as HTMLElement;
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="data-table-more-after"]')).not.toBeNull());
    await expect(canvasElement.querySelector('[data-slot="data-table-more-before"]')).toBeNull();
    scroller.scrollLeft = scroller.scrollWidth;
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="data-table-more-before"]')).not.toBeNull());
    await expect(canvasElement.querySelector('[data-slot="data-table-more-after"]')).toBeNull();
    scroller.scrollLeft = 0;
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="data-table-more-before"]')).toBeNull());
  },
};

/**
 * On a phone (narrower than the `md` breakpoint), with `renderCard`: each row a card, selectable with a finger-sized
 * checkbox; a tap anywhere else on a card opens it, and the arrows, Space and Enter work as on rows.
 */
export const CardsOnAPhone: Story = {
  tags: ['state'],
  args: {
    data: makeJobs(40),
    selectable: true,
    rowLabel: (job: Job) => `job #${job.number}`,
    renderCard: (job: Job, { selectBox }) => <JobCard job={job} selectBox={selectBox} />,
  },
  decorators: [
    (Story) => (
      <div style={{ width: 358 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvas, args }) => {
    const list = canvas.getByRole('list', { name: 'Jobs' });
    await expect(canvas.queryByRole('table')).toBeNull();
    await expect(canvas.queryByRole('button', { name: /Columns/ })).toBeNull();
    const cards = () => within(list).getAllByRole('listitem');
    await expect(cards().length).toBeLessThan(40);

    const box = canvas.getByRole('checkbox', { name: 'Select job #1001' });
    await userEvent.click(box);
    await waitFor(() => expect(box).toBeChecked());
    await expect(args.onRowActivate).not.toHaveBeenCalled();
    // the checkbox's target is at least 24 × 24 px (WCAG 2.2 target size)
    const target = (box.closest('label') as HTMLElement).getBoundingClientRect();
    await expect(Math.min(target.width, target.height)).toBeGreaterThanOrEqual(24);

    await userEvent.click(canvas.getAllByText('Chiara Costa')[0] as HTMLElement);
    await expect(args.onRowActivate).toHaveBeenCalledWith(expect.objectContaining({ number: 1002 }));

    (cards()[0] as HTMLElement).focus();
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-row-index', '1'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onRowActivate).toHaveBeenLastCalledWith(expect.objectContaining({ number: 1001 })));
    (cards()[0] as HTMLElement).focus();
  },
};

/** With activateOnClick, a click anywhere on a row opens it; a click on a control in the row does only its own job. */
export const OpensARowOnClick: Story = {
  tags: ['example'],
  args: { selectable: true, activateOnClick: true, rowLabel: (job: Job) => `job #${job.number}` },
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select job #1001' }));
    await expect(args.onRowActivate).not.toHaveBeenCalled();
    await userEvent.click(canvas.getByText('#1002'));
    await expect(args.onRowActivate).toHaveBeenCalledOnce();
    await expect(args.onRowActivate).toHaveBeenCalledWith(expect.objectContaining({ number: 1002 }));
  },
};

export const SortsByAColumn: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    const header = canvas.getByRole('columnheader', { name: /Total/ });
    await userEvent.click(within(header).getByRole('button'));
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(bodyRows(canvas)[0]).toHaveTextContent('€10');
    await userEvent.click(within(header).getByRole('button'));
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(bodyRows(canvas)[0]).toHaveTextContent('€509');
  },
};

export const FiltersWithSearch: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Search jobs' }), 'Chiara');
    await waitFor(() => expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '41'));
    for (const row of bodyRows(canvas)) await expect(row).toHaveTextContent('Chiara Costa');
    await userEvent.clear(canvas.getByRole('textbox', { name: 'Search jobs' }));
    await userEvent.type(canvas.getByRole('textbox', { name: 'Search jobs' }), 'nobody');
    await expect(await canvas.findByText('No rows match.')).toBeVisible();
  },
};

export const SelectsRows: Story = {
  tags: ['example'],
  args: { selectable: true },
  parameters: { visual: false },
  play: async ({ canvas }) => {
    const checkbox = canvas.getByRole('checkbox', { name: 'Select row 2' });
    await userEvent.click(checkbox);
    await waitFor(() => expect(checkbox).toBeChecked());
    await expect(checkbox.closest('tr')).toHaveAttribute('aria-selected', 'true');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Select all rows' }));
    for (const row of bodyRows(canvas)) await expect(row).toHaveAttribute('aria-selected', 'true');
  },
};

export const KeyboardNavigation: Story = {
  tags: ['example'],
  args: { selectable: true },
  parameters: { visual: false },
  play: async ({ canvas, args }) => {
    const first = bodyRows(canvas)[0] as HTMLElement;
    first.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-row-index', '2'));
    // a busy machine may render the selection a frame later: wait for it, as for the focus
    await userEvent.keyboard(' ');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('aria-selected', 'true'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(args.onRowActivate).toHaveBeenCalledWith(expect.objectContaining({ number: 1002 })));
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-row-index', '199'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-row-index', '0'));
    // two presses in the same moment, before a frame has passed, move two rows: neither is lost
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement).toHaveAttribute('data-row-index', '2'));
  },
};

export const HidesColumns: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Columns' }));
    const menu = await within(document.body).findByRole('menu');
    await userEvent.click(within(menu).getByRole('menuitemcheckbox', { name: 'Customer' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('columnheader', { name: /Customer/ })).not.toBeInTheDocument());
  },
};

export const HundredThousandRows: Story = {
  tags: ['example'],
  args: { data: makeJobs(100_000) },
  parameters: { visual: false },
  play: async ({ canvas, canvasElement }) => {
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', '100001');
    const scroller = canvasElement.querySelector('[data-slot="data-table-scroll"]') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => expect(canvas.getByText('#100999')).toBeInTheDocument());
    await expect(bodyRows(canvas).length).toBeLessThan(60);
  },
};

/** Manual mode: 100,000 jobs, of which only the rows in view are ever loaded; sorting and search are the loader's. */
export const LoadsOnlyTheRowsInView: Story = {
  tags: ['example'],
  args: { columns: sortedByNumberOnly },
  parameters: { visual: false },
  render: (args) => <LoadedOnDemand {...args} />,
  play: async ({ canvas, canvasElement }) => {
    const table = canvas.getByRole('table', { name: 'Jobs' });
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '100001'));
    await expect(await canvas.findByText('#1000')).toBeInTheDocument();

    // far down, rows show as loading until the loader answers for them
    const scroller = canvasElement.querySelector('[data-slot="data-table-scroll"]') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(() => expect(canvas.getByText('#100999')).toBeInTheDocument());
    await expect(bodyRows(canvas).length).toBeLessThan(60);
    scroller.scrollTop = 0;

    const header = canvas.getByRole('columnheader', { name: /Number/ });
    await userEvent.click(within(header).getByRole('button'));
    await userEvent.click(within(header).getByRole('button'));
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await waitFor(() => expect(bodyRows(canvas)[0]).toHaveTextContent('#100999'));

    await userEvent.type(canvas.getByRole('textbox', { name: 'Search jobs' }), 'chiara');
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', '20001'));
    for (const row of bodyRows(canvas)) await expect(row).toHaveTextContent('Chiara Costa');
  },
};
