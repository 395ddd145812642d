import type { Meta, StoryObj } from '@storybook/react-vite';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@syncline/ui/tabs';
import { expect } from 'storybook/test';

function MachineTabs(props: React.ComponentProps<typeof Tabs>) {
  return (
    <Tabs defaultValue="overview" className="w-96" {...props}>
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

const meta: Meta<typeof Tabs> = {
  title: 'Navigation/Tabs',
  component: Tabs,
  subcomponents: { TabsList, TabsTrigger, TabsContent },
  tags: ['autodocs'],
  args: { defaultValue: 'overview', orientation: 'horizontal', activationMode: 'automatic' },
  argTypes: {
    defaultValue: { control: 'inline-radio', options: ['overview', 'telemetry', 'history'] },
    orientation: { control: 'inline-radio', options: ['horizontal', 'vertical'] },
    activationMode: { control: 'inline-radio', options: ['automatic', 'manual'] },
  },
  render: (args) => <MachineTabs {...args} />,
};

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const ArrowKeys: Story = {
  tags: ['example'],
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
