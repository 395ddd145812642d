import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '@syncline/ui/badge';
import { Button } from '@syncline/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@syncline/ui/card';
import { expect } from 'storybook/test';

/** A surface grouping one subject: header (title, description, an action), content and footer. */
const meta = {
  title: 'Primitives/Card',
  component: Card,
  subcomponents: { CardHeader, CardTitle, CardDescription, CardAction, CardContent, CardFooter },
  tags: ['autodocs'],
  args: { className: 'w-80' },
  argTypes: { className: { control: 'text' } },
  render: (args) => (
    <Card {...args}>
      <CardHeader>
        <CardTitle>Washer 3</CardTitle>
        <CardDescription>Lisbon Mill · Cotton 60°</CardDescription>
      </CardHeader>
      <CardContent className="text-sm">24 minutes in, 36 to go.</CardContent>
    </Card>
  ),
} satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const OrderSummary: Story = {
  tags: ['example'],
  render: () => (
    <Card className="w-96">
      <CardHeader>
        <CardTitle>Order #4821</CardTitle>
        <CardDescription>Aluminium brackets · 240 pieces</CardDescription>
        <CardAction>
          <Badge variant="success">On schedule</Badge>
        </CardAction>
      </CardHeader>
      <CardContent className="text-sm">Due Friday, 14:00. Machine CNC-04 is cutting the second batch.</CardContent>
      <CardFooter className="justify-end">
        <Button variant="outline" size="sm">
          Details
        </Button>
        <Button size="sm">Ship</Button>
      </CardFooter>
    </Card>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('heading', { name: 'Order #4821' })).toBeVisible();
    await expect(canvas.getByText('On schedule')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Ship' })).toBeEnabled();
  },
};
