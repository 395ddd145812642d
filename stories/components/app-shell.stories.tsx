import type { Meta, StoryObj } from '@storybook/react-vite';
import { AppShell, AppShellNav, AppShellNavItem, Breadcrumb } from '@syncline/ui/app-shell';
import { Badge } from '@syncline/ui/badge';
import { CommandPalette } from '@syncline/ui/command-palette';
import { ThemeToggle } from '@syncline/ui/theme-toggle';
import { CableIcon, CogIcon, GaugeIcon, GitMergeIcon, PackageIcon } from 'lucide-react';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';

const pages = [
  { id: 'dashboard', label: 'Dashboard', icon: <GaugeIcon /> },
  { id: 'orders', label: 'Orders', icon: <PackageIcon /> },
  { id: 'machines', label: 'Machines', icon: <CableIcon /> },
  { id: 'conflicts', label: 'Conflicts', icon: <GitMergeIcon /> },
  { id: 'settings', label: 'Settings', icon: <CogIcon /> },
];

function Shell({
  onNavigate = () => {},
  defaultCollapsed = false,
  conflicts = 0,
}: {
  onNavigate?: (page: string) => void;
  defaultCollapsed?: boolean;
  /** open conflicts, shown as a count on the Conflicts item */
  conflicts?: number;
}) {
  const [current, setCurrent] = useState('orders');
  const go = (page: string) => {
    setCurrent(page);
    onNavigate(page);
  };
  return (
    <AppShell
      storageKey={null}
      defaultCollapsed={defaultCollapsed}
      className="min-h-[480px]"
      brand={<span className="font-display font-semibold">Syncline</span>}
      navigation={
        <AppShellNav>
          {pages.map((page) => (
            <AppShellNavItem
              key={page.id}
              href={`#${page.id}`}
              icon={page.icon}
              label={page.label}
              active={page.id === current}
              badge={
                page.id === 'conflicts' && conflicts > 0 ? (
                  <Badge variant="conflict">
                    {conflicts}
                    <span className="sr-only"> {conflicts === 1 ? 'needs' : 'need'} review</span>
                  </Badge>
                ) : undefined
              }
              onClick={(event) => {
                event.preventDefault();
                go(page.id);
              }}
            />
          ))}
        </AppShellNav>
      }
      headerStart={
        <Breadcrumb
          items={[
            { label: 'Northwind Laundry', href: '#' },
            { label: pages.find((p) => p.id === current)?.label ?? '' },
          ]}
        />
      }
      headerEnd={<ThemeToggle storageKey="syncline:story-theme" />}
    >
      <p className="text-foreground-muted text-sm">Page content for {current}.</p>
      <CommandPalette
        groups={[
          {
            heading: 'Pages',
            items: pages.map((page) => ({
              id: page.id,
              label: page.label,
              icon: page.icon,
              onSelect: () => go(page.id),
            })),
          },
        ]}
      />
    </AppShell>
  );
}

const meta = {
  title: 'Shell/AppShell',
  component: Shell,
  subcomponents: { AppShell, AppShellNav, AppShellNavItem, Breadcrumb },
  tags: ['autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { onNavigate: fn() },
} satisfies Meta<typeof Shell>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The component with the controls of the panel below: change its props and see it respond. */
export const Playground: Story = { tags: ['playground'] };

export const Expanded: Story = {
  tags: ['state'],
  play: async ({ canvas, args }) => {
    const nav = canvas.getByRole('navigation', { name: 'Main' });
    await expect(canvas.getByRole('link', { name: 'Orders' })).toHaveAttribute('aria-current', 'page');
    await userEvent.click(canvas.getByRole('link', { name: 'Machines' }));
    await expect(args.onNavigate).toHaveBeenCalledWith('machines');
    await expect(canvas.getByRole('navigation', { name: 'Breadcrumb' })).toHaveTextContent('Machines');
    await expect(nav).toBeVisible();
  },
};

/** A nav item with a count: conflicts that need review, said in words to screen readers. */
export const NavItemWithCount: Story = {
  tags: ['state'],
  args: { conflicts: 2 },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('link', { name: /^Conflicts\s*2 need review$/ })).toBeVisible();
  },
};

export const Collapsed: Story = {
  tags: ['state'],
  args: { defaultCollapsed: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Expand sidebar' })).toBeVisible();
    await expect(canvas.getByRole('link', { name: 'Settings' })).toBeVisible();
  },
};

export const CollapsesWithKeyboard: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ canvasElement, canvas }) => {
    const shell = canvasElement.querySelector('[data-slot="app-shell"]');
    await expect(shell).toHaveAttribute('data-sidebar', 'expanded');
    await userEvent.keyboard('{Control>}b{/Control}');
    await expect(shell).toHaveAttribute('data-sidebar', 'collapsed');
    // Collapsed items keep their names for assistive technology.
    await expect(canvas.getByRole('link', { name: 'Orders' })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Expand sidebar' }));
    await expect(shell).toHaveAttribute('data-sidebar', 'expanded');
  },
};

export const CommandPaletteOnCtrlK: Story = {
  tags: ['example'],
  parameters: { visual: false },
  play: async ({ args }) => {
    await userEvent.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
    await userEvent.type(screen.getByRole('combobox'), 'settings');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(args.onNavigate).toHaveBeenCalledWith('settings');
  },
};
