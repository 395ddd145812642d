import type { Meta, StoryObj } from '@storybook/react-vite';
import { Badge } from '@syncline/ui/badge';
import { Button } from '@syncline/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@syncline/ui/card';
import { expect } from 'storybook/test';

const meta = { title: 'Primitives/Card', component: Card } satisfies Meta<typeof Card>;

export default meta;
type Story = StoryObj<typeof meta>;

export const OrderSummary: Story = {
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
