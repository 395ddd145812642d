import type { Meta, StoryObj } from '@storybook/react-vite';
import { Label } from '@syncline/ui/label';
import { Switch } from '@syncline/ui/switch';
import { expect, fn } from 'storybook/test';

/** A setting that takes effect at once: on or off. */
const meta: Meta<typeof Switch> = {
  title: 'Forms/Switch',
  component: Switch,
  tags: ['autodocs'],
  args: { id: 'offline', disabled: false, onCheckedChange: fn() },
  argTypes: { checked: { control: 'boolean' }, disabled: { control: 'boolean' } },
  render: (args) => (
    <div className="flex items-center gap-3">
      <Switch {...args} />
      <Label htmlFor={args.id}>Work offline</Label>
    </div>
  ),
};

export default meta;
type Story = StoryObj<typeof meta>;

/** Click or press Enter: it flips and reports the new value. */
export const Playground: Story = {
  tags: ['playground'],
  play: async ({ canvas, userEvent, args }) => {
    const offline = canvas.getByRole('switch', { name: 'Work offline' });
    await expect(offline).not.toBeChecked();
    await userEvent.click(offline);
    await expect(offline).toBeChecked();
    await expect(args.onCheckedChange).toHaveBeenCalledWith(true);
    await userEvent.keyboard('{Enter}');
    await expect(offline).not.toBeChecked();
  },
};

/** Off, on, and on but managed elsewhere (disabled). */
export const States: Story = {
  tags: ['state'],
  render: () => (
    <div className="grid gap-3">
      <div className="flex items-center gap-3">
        <Switch id="sound" />
        <Label htmlFor="sound">Sound for critical alarms</Label>
      </div>
      <div className="flex items-center gap-3">
        <Switch id="compact" defaultChecked />
        <Label htmlFor="compact">Compact rows</Label>
      </div>
      <div className="flex items-center gap-3">
        <Switch id="locked" disabled defaultChecked />
        <Label htmlFor="locked">Auto-sync (managed by admin)</Label>
      </div>
    </div>
  ),
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('switch', { name: 'Compact rows' })).toBeChecked();
    await expect(canvas.getByRole('switch', { name: /Auto-sync/ })).toBeDisabled();
  },
};
