import type { Meta, StoryObj } from '@storybook/react-vite';
import { Button } from '@syncline/ui/button';
import { ArrowRightIcon, PlusIcon, TrashIcon } from 'lucide-react';
import { expect, fn, waitFor } from 'storybook/test';

const meta = {
  title: 'Primitives/Button',
  component: Button,
  tags: ['autodocs'],
  args: { children: 'Save changes', onClick: fn() },
  argTypes: {
    variant: { control: 'inline-radio', options: ['primary', 'secondary', 'outline', 'ghost', 'danger', 'link'] },
    size: { control: 'inline-radio', options: ['xs', 'sm', 'md', 'lg', 'icon', 'inline'] },
  },
} satisfies Meta<typeof Button>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Primary: Story = {
  tags: ['state'],
  play: async ({ canvas, userEvent, args }) => {
    const button = canvas.getByRole('button', { name: 'Save changes' });
    await userEvent.click(button);
    await expect(args.onClick).toHaveBeenCalledTimes(1);
    await userEvent.keyboard('{Enter}');
    await expect(args.onClick).toHaveBeenCalledTimes(2);
  },
};

/** Reached with Tab, the primary call draws the focus ring and its glow (the `glow-primary` shadow token). */
export const FocusGlow: Story = {
  tags: ['state'],
  // a behaviour check: a screenshot of a glow caught while focus arrives is not stable enough to compare
  parameters: { visual: false },
  play: async ({ canvas, userEvent }) => {
    const button = canvas.getByRole('button', { name: 'Save changes' });
    await userEvent.tab();
    await expect(button).toHaveFocus();
    // the glow token's soft halo (14 px light, 18 px dark), beside the ring's unblurred 2 px
    await waitFor(() => expect(getComputedStyle(button).boxShadow).toMatch(/ 0px 0px 1[48]px /));
  },
};

export const Variants: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="flex flex-wrap items-center gap-3">
      <Button {...args} variant="primary">
        Primary
      </Button>
      <Button {...args} variant="secondary">
        Secondary
      </Button>
      <Button {...args} variant="outline">
        Outline
      </Button>
      <Button {...args} variant="ghost">
        Ghost
      </Button>
      <Button {...args} variant="danger">
        Delete
      </Button>
      <Button {...args} variant="link">
        Link
      </Button>
    </div>
  ),
  play: async ({ canvas }) => {
    for (const name of ['Primary', 'Secondary', 'Outline', 'Ghost', 'Delete', 'Link']) {
      await expect(canvas.getByRole('button', { name })).toBeVisible();
    }
  },
};

export const Sizes: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="flex items-center gap-3">
      <Button {...args} size="xs">
        Extra small
      </Button>
      <Button {...args} size="sm">
        Small
      </Button>
      <Button {...args} size="md">
        Medium
      </Button>
      <Button {...args} size="lg">
        Large
      </Button>
      <Button {...args} size="icon" aria-label="Add machine">
        <PlusIcon aria-hidden="true" />
      </Button>
    </div>
  ),
  play: async ({ canvas }) => {
    const extraSmall = canvas.getByRole('button', { name: 'Extra small' });
    const small = canvas.getByRole('button', { name: 'Small' });
    const large = canvas.getByRole('button', { name: 'Large' });
    await expect(small.getBoundingClientRect().height).toBeGreaterThan(extraSmall.getBoundingClientRect().height);
    await expect(large.getBoundingClientRect().height).toBeGreaterThan(small.getBoundingClientRect().height);
    await expect(canvas.getByRole('button', { name: 'Add machine' })).toBeVisible();
  },
};

export const WithIcons: Story = {
  tags: ['state'],
  render: (args) => (
    <div className="flex items-center gap-3">
      <Button {...args} variant="danger">
        <TrashIcon aria-hidden="true" /> Remove order
      </Button>
      <Button {...args} variant="outline">
        Next step <ArrowRightIcon aria-hidden="true" />
      </Button>
    </div>
  ),
};

export const Loading: Story = {
  tags: ['state'],
  args: { loading: true, children: 'Saving…' },
  play: async ({ canvas }) => {
    const button = canvas.getByRole('button', { name: 'Saving…' });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('aria-busy', 'true');
  },
};

export const Disabled: Story = {
  tags: ['state'],
  args: { disabled: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  },
};

export const AsLink: Story = {
  tags: ['example'],
  args: { asChild: true, variant: 'outline' },
  render: (args) => (
    <Button {...args}>
      <a href="#orders">Open orders</a>
    </Button>
  ),
  play: async ({ canvas }) => {
    const link = canvas.getByRole('link', { name: 'Open orders' });
    await expect(link).toHaveAttribute('data-slot', 'button');
    await expect(link).toHaveAttribute('href', '#orders');
  },
};
