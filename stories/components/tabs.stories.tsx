import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@syncline/ui/tabs';
import { expect } from 'storybook/test';

function MachineTabs() {
  return (
    <Tabs defaultValue="overview" className="w-96">
      <TabsList aria-label="Machine views">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="telemetry">Telemetry</TabsTrigger>
        <TabsTrigger value="history">History</TabsTrigger>
        <TabsTrigger value="settings" disabled>
          Settings
        </TabsTrigger>
      </TabsList>
      <TabsContent value="overview">Running · cycle 12 of 40</TabsContent>
      <TabsContent value="telemetry">Spindle load 62%</TabsContent>
      <TabsContent value="history">Last alarm 3 days ago</TabsContent>
    </Tabs>
  );
}

const meta = { title: 'Navigation/Tabs', component: MachineTabs } satisfies Meta<typeof MachineTabs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const ArrowKeys: Story = {
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('tabpanel', { name: 'Overview' })).toHaveTextContent('cycle 12 of 40');
    await userEvent.click(canvas.getByRole('tab', { name: 'Overview' }));
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Telemetry' })).toHaveAttribute('aria-selected', 'true');
    await expect(canvas.getByRole('tabpanel', { name: 'Telemetry' })).toHaveTextContent('Spindle load 62%');
    // Disabled tab is skipped; focus wraps to the first.
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Overview' })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(canvas.getByRole('tab', { name: 'History' })).toHaveFocus();
  },
};
