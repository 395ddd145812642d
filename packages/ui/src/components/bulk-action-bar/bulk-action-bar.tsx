'use client';
// What a list offers once rows are selected: how many ("3 orders selected", said politely to screen readers), the
// actions on all of them, and a way to clear the selection. A toolbar: Tab reaches it, arrow keys (and Home, End)
// move between its actions, Escape clears the selection. On a phone it stays at the bottom of the screen while the
// list scrolls under it.
import { XIcon } from 'lucide-react';
import { cn } from '../../lib/cn';
import { Button } from '../button/button';

export type BulkActionBarProps = Omit<React.ComponentProps<'div'>, 'children'> & {
  /** How many rows are selected. */
  count: number;
  /** What a row is, for the count: `{ one: 'order', other: 'orders' }` reads "1 order selected", "3 orders selected". */
  noun?: { one: string; other: string };
  /** The toolbar's accessible name, e.g. "Selected orders". */
  label: string;
  /** Beside the count: a way to grow the selection ("Select all 1,204 matching"). */
  selection?: React.ReactNode;
  /** The actions on every selected row: buttons, menus, a confirmation's trigger. */
  actions: React.ReactNode;
  onClearSelection: () => void;
  clearLabel?: string;
};

const defaultNoun = { one: 'item', other: 'items' };

/** The enabled controls of the bar, in order: where the arrow keys move. */
const controls = (bar: HTMLElement) =>
  [...bar.querySelectorAll<HTMLElement>('button, [href], input, select, [tabindex]')].filter(
    (element) => !element.matches(':disabled, [aria-disabled="true"], [tabindex="-1"]'),
  );

export function BulkActionBar({
  count,
  noun = defaultNoun,
  label,
  selection,
  actions,
  onClearSelection,
  clearLabel = 'Clear selection',
  className,
  onKeyDown,
  ...props
}: BulkActionBarProps) {
  const onBarKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    // keys pressed in a menu or dialog the bar opened reach it through React's tree, not the page's: not the bar's
    if (event.defaultPrevented || !event.currentTarget.contains(event.target as Node)) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onClearSelection();
      return;
    }
    const items = controls(event.currentTarget);
    const at = items.indexOf(event.target as HTMLElement);
    const next = {
      ArrowRight: at + 1,
      ArrowLeft: at - 1,
      Home: 0,
      End: items.length - 1,
    }[event.key];
    if (next === undefined || at < 0) return;
    event.preventDefault();
    items[(next + items.length) % items.length]?.focus();
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: a toolbar is a composite widget; its arrow keys move focus between its controls (the WAI-ARIA toolbar pattern)
    <div
      role="toolbar"
      aria-label={label}
      aria-orientation="horizontal"
      data-slot="bulk-action-bar"
      className={cn(
        'z-20 flex flex-wrap items-center gap-2 rounded-lg border border-border bg-surface-raised px-3 py-2',
        // on a phone: kept in reach at the bottom of the screen, over the list
        'sticky bottom-2 shadow-lg sm:static sm:shadow-none',
        className,
      )}
      onKeyDown={onBarKeyDown}
      {...props}
    >
      <p data-slot="bulk-action-bar-count" aria-live="polite" className="font-medium text-sm tabular-nums">
        {`${count.toLocaleString()} ${count === 1 ? noun.one : noun.other} selected`}
      </p>
      {selection}
      <div data-slot="bulk-action-bar-actions" className="flex flex-wrap items-center gap-2">
        {actions}
      </div>
      <Button
        size="sm"
        variant="ghost"
        className="ml-auto"
        onClick={onClearSelection}
        data-slot="bulk-action-bar-clear"
      >
        <XIcon aria-hidden="true" /> {clearLabel}
      </Button>
    </div>
  );
}
