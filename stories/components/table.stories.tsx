import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '@syncline/ui/badge';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from '@syncline/ui/table';
import { expect } from 'storybook/test';

const orders = [
  { id: '#4821', customer: 'Nordwerk GmbH', qty: 240, status: 'Running' },
  { id: '#4822', customer: 'Atlas Tools', qty: 60, status: 'Queued' },
  { id: '#4823', customer: 'Brightline', qty: 1200, status: 'Shipped' },
];

function OrdersTable({
  caption = 'Orders due this week',
  ...props
}: React.ComponentProps<typeof Table> & { caption?: string }) {
  return (
    <Table className="w-[32rem]" {...props}>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Order</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead className="text-right">Quantity</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {orders.map((order) => (
          <TableRow key={order.id} data-state={order.id === '#4822' ? 'selected' : undefined}>
            <TableCell className="font-mono">{order.id}</TableCell>
            <TableCell>{order.customer}</TableCell>
            <TableCell className="text-right tabular-nums">{order.qty}</TableCell>
            <TableCell>
              <Badge variant={order.status === 'Shipped' ? 'success' : 'neutral'}>{order.status}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={2}>Total</TableCell>
          <TableCell className="text-right tabular-nums">1500</TableCell>
          <TableCell />
        </TableRow>
      </TableFooter>
    </Table>
  );
}

const meta = {
  title: 'Data/Table',
  component: OrdersTable,
  subcomponents: { Table, TableCaption, TableHeader, TableBody, TableFooter, TableRow, TableHead, TableCell },
  tags: ['autodocs'],
  args: { caption: 'Orders due this week' },
  argTypes: { caption: { control: 'text' } },
} satisfies Meta<typeof OrdersTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Orders: Story = {
  tags: ['example'],
  play: async ({ canvas }) => {
    const table = canvas.getByRole('table', { name: 'Orders due this week' });
    await expect(table).toBeVisible();
    await expect(canvas.getAllByRole('row')).toHaveLength(5);
    await expect(canvas.getByRole('columnheader', { name: 'Quantity' })).toBeVisible();
  },
};
