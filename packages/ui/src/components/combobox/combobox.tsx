'use client';
// A text field that finds one option among many as a person types (a customer by name or phone), and can offer to
// create what was typed when nothing fits. Keyboard first: typing or Down opens the list, Up/Down/Home/End move,
// Enter chooses, Escape closes and puts back the chosen option's label. The input is an ARIA combobox over a listbox
// (the list and its keyboard model are cmdk's); FormField gives it its label, description and invalid state.
import { Command } from 'cmdk';
import { ChevronDownIcon, PlusIcon } from 'lucide-react';
import { Popover as PopoverPrimitive } from 'radix-ui';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { cn } from '../../lib/cn';
import { inputClasses } from '../input/input';
import { activeRow, type ComboboxOption, exactOption, matchOptions } from './match-options';

/** Radix gives its popover content the dialog role; a list of options under a field is no dialog: no role of its own. */
const listPopup = { role: undefined };

/** The create row's value among the options' values. */
const CREATE = '\u0000create';

export type ComboboxProps = Omit<
  React.ComponentProps<'input'>,
  'value' | 'defaultValue' | 'onChange' | 'role' | 'children'
> & {
  options: readonly ComboboxOption[];
  /** The chosen option's value; '' for none. */
  value: string;
  onValueChange: (value: string) => void;
  /** Offer to create what was typed when no option has that label: the text, trimmed. */
  onCreate?: (text: string) => void;
  /** The create row's words (default: Add “text”). */
  createLabel?: (text: string) => string;
  /** What the list says when the typing finds nothing. */
  emptyText?: string;
  /** The list's accessible name: what its options are ("Customers"). */
  listLabel?: string;
  /** Open when first shown (a story of the open list). */
  defaultOpen?: boolean;
};

const quoted = (text: string) => `Add “${text}”`;

const listKeys = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function Combobox({
  options,
  value,
  onValueChange,
  onCreate,
  createLabel = quoted,
  emptyText = 'Nothing matches.',
  listLabel = 'Suggestions',
  defaultOpen = false,
  className,
  disabled,
  id,
  ...props
}: ComboboxProps) {
  const generated = useId();
  const inputId = id ?? `${generated}-input`;
  const anchorRef = useRef<HTMLDivElement>(null);
  // cmdk gives the listbox and its options their ids; the input points at them while the list is shown
  const [list, setList] = useState<HTMLDivElement | null>(null);
  const [activeId, setActiveId] = useState<string>();
  const [open, setOpen] = useState(defaultOpen && !disabled);
  // what is typed while searching; null shows the chosen option's label
  const [query, setQuery] = useState<string | null>(null);
  const chosen = options.find((option) => option.value === value);
  const search = query ?? '';
  const matches = matchOptions(options, search);
  const typed = search.trim();
  const offerCreate = onCreate !== undefined && typed !== '' && !exactOption(options, typed);
  // the rows shown, in order: the matches, then the create row when it is offered
  const rows = [...matches.map((option) => option.value), ...(offerCreate ? [CREATE] : [])];
  // the row the arrow keys are on; this component's own state, never cmdk's selection (whose bookkeeping moves
  // while the rows re-render after a keystroke), so Enter chooses the row that is shown active
  const [active, setActive] = useState(() => chosen?.value ?? '');
  const current = activeRow(rows, active);

  const show = (next: boolean) => {
    if (next === open) return;
    setOpen(next);
    if (next) setActive(chosen?.value ?? '');
    else setQuery(null);
  };
  const type = (text: string) => {
    setQuery(text);
    setOpen(true);
    // the first row of the new matches
    setActive('');
  };
  const choose = (next: string) => {
    setOpen(false);
    setQuery(null);
    if (next === CREATE) onCreate?.(typed);
    else onValueChange(next);
  };
  const move = (key: string) => {
    const at = rows.indexOf(current);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[key] ?? at;
    const row = rows[Math.min(Math.max(to, 0), rows.length - 1)];
    if (row !== undefined) setActive(row);
  };

  useLayoutEffect(() => {
    const item = list?.querySelector(`[cmdk-item][data-value="${CSS.escape(current)}"]`);
    setActiveId(item?.id);
  });

  return (
    <Command
      data-slot="combobox"
      shouldFilter={false}
      loop={false}
      value={current}
      // cmdk reports the row the pointer moves onto (and its own picks of a first row, which are the same row)
      onValueChange={(row) => {
        if (rows.includes(row)) setActive(row);
      }}
      className={cn('relative w-full', className)}
    >
      <PopoverPrimitive.Root open={open} onOpenChange={show}>
        <PopoverPrimitive.Anchor asChild>
          <div ref={anchorRef} className="relative">
            <ComboboxInput
              {...props}
              id={inputId}
              disabled={disabled}
              open={open}
              listId={list?.id}
              activeId={activeId}
              value={query ?? chosen?.label ?? ''}
              onOpen={() => show(true)}
              onClose={() => show(false)}
              onType={type}
              onMove={move}
              onChoose={() => {
                if (current !== '') choose(current);
              }}
            />
            <ChevronDownIcon
              aria-hidden="true"
              className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-foreground-muted"
            />
          </div>
        </PopoverPrimitive.Anchor>
        {/* Not portalled: inside a dialog the list stays in the dialog's layer, so it scrolls and takes clicks. */}
        <PopoverPrimitive.Content
          data-slot="combobox-content"
          {...listPopup}
          align="start"
          sideOffset={4}
          onOpenAutoFocus={(event) => event.preventDefault()}
          onCloseAutoFocus={(event) => event.preventDefault()}
          onInteractOutside={(event) => {
            if (anchorRef.current?.contains(event.target as Node)) event.preventDefault();
          }}
          // a press in the list must not take focus from the input
          onMouseDown={(event) => event.preventDefault()}
          className={cn(
            'z-50 w-(--radix-popover-trigger-width) min-w-48 overflow-hidden rounded-md border border-border',
            'bg-surface-overlay text-foreground shadow-lg outline-none',
          )}
        >
          <Command.List
            ref={setList}
            data-slot="combobox-list"
            label={listLabel}
            hidden={matches.length === 0 && !offerCreate}
            className="max-h-72 overflow-y-auto p-1"
          >
            {matches.map((option) => (
              <Command.Item
                key={option.value}
                value={option.value}
                onSelect={choose}
                data-slot="combobox-option"
                data-chosen={option.value === value || undefined}
                className={itemClasses}
              >
                <span className="flex-1 truncate">{option.label}</span>
                {option.description ? (
                  <>
                    {/* the option's name reads "Ada Almeida · +351 912 345 678", not the two run together */}
                    <span className="sr-only"> · </span>
                    <span className="shrink-0 text-foreground-muted text-xs tabular-nums">{option.description}</span>
                  </>
                ) : null}
              </Command.Item>
            ))}
            {offerCreate ? (
              <Command.Item value={CREATE} onSelect={choose} data-slot="combobox-create" className={itemClasses}>
                <PlusIcon aria-hidden="true" className="size-4 shrink-0" />
                <span className="flex-1 truncate">{createLabel(typed)}</span>
              </Command.Item>
            ) : null}
          </Command.List>
          {matches.length === 0 && !offerCreate ? (
            <p data-slot="combobox-empty" className="px-3 py-4 text-center text-foreground-muted text-sm">
              {emptyText}
            </p>
          ) : null}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Root>
    </Command>
  );
}

const itemClasses = cn(
  'flex cursor-pointer select-none items-center gap-2 rounded-sm px-2 py-1.5 text-sm outline-none',
  'data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground data-[chosen=true]:font-medium',
);

type ComboboxInputProps = Omit<React.ComponentProps<'input'>, 'onChange'> & {
  open: boolean;
  listId: string | undefined;
  activeId: string | undefined;
  onOpen: () => void;
  onClose: () => void;
  onType: (text: string) => void;
  /** An arrow, Home or End while the list is open. */
  onMove: (key: string) => void;
  /** Enter while the list is open: the active row. */
  onChoose: () => void;
};

/** The input: it names the listbox it controls and the option the arrow keys are on. */
function ComboboxInput({
  open,
  listId,
  activeId,
  onOpen,
  onClose,
  onType,
  onMove,
  onChoose,
  onKeyDown,
  onClick,
  className,
  ...props
}: ComboboxInputProps) {
  return (
    <input
      data-slot="combobox-input"
      type="text"
      role="combobox"
      autoComplete="off"
      spellCheck={false}
      aria-autocomplete="list"
      aria-expanded={open}
      aria-controls={open ? listId : undefined}
      aria-activedescendant={open ? activeId : undefined}
      className={cn(inputClasses, 'h-9 py-1 pr-9', className)}
      onChange={(event) => onType(event.target.value)}
      onClick={(event) => {
        onClick?.(event);
        if (!open) onOpen();
      }}
      onKeyDown={(event) => {
        onKeyDown?.(event);
        if (event.defaultPrevented) return;
        if (!open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
          event.preventDefault();
          onOpen();
          return;
        }
        // the list's keys are handled here, not by cmdk; closed, Home/End move the caret and Enter submits the form
        if (!listKeys.has(event.key) && event.key !== 'Enter' && event.key !== 'Escape') return;
        if (!open) {
          if (event.key !== 'Escape') event.stopPropagation();
          return;
        }
        // only the list acts, not a dialog around it (Escape) or its form (Enter)
        event.stopPropagation();
        if (listKeys.has(event.key)) {
          event.preventDefault();
          onMove(event.key);
        } else if (event.key === 'Enter') {
          event.preventDefault();
          onChoose();
        } else {
          event.preventDefault();
          onClose();
        }
      }}
      {...props}
    />
  );
}
